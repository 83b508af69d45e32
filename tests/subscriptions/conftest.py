import datetime

import pytest
from django.utils import timezone


@pytest.fixture
def letters(home_page):
    from home.models import NewsletterIndexPage

    index = home_page.add_child(instance=NewsletterIndexPage(title="La Lettre", slug="la-lettre"))
    index.save_revision().publish()
    return index


@pytest.fixture
def issue(letters):
    """An issue of La Lettre with a picture, a link inside the site and a quote."""
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from home.models import NewsletterIssuePage

    picture = get_image_model().objects.create(title="Atelier", file=get_test_image_file())
    page = NewsletterIssuePage(
        title="Coopérer en temps de crise", slug="lettre-12", number=12, issue_date=datetime.date(2025, 3, 1),
        summary="Au sommaire : les jeunes et la solidarité.",
        body=[
            {"type": "paragraph", "value": '<p>Lire <a href="/la-lettre/">les autres numéros</a>.</p>'},
            {"type": "image", "value": {"image": {"image": picture.pk, "decorative": False,
                                                  "alt_text": "Des jeunes en atelier à Dakar"}, "caption": "Dakar"}},
            {"type": "quote", "value": {"quote": "Agir ensemble.", "author": "Awa"}},
        ],
    )
    letters.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def subscriber_of():
    from maillage_core.subscriptions.models import Subscriber, TopicSubscription

    def make(email, topic="lettre", filters=None, **state):
        state.setdefault("confirmed_at", timezone.now())
        subscriber = Subscriber.objects.create(email=email, language="fr", **state)
        TopicSubscription.objects.create(subscriber=subscriber, topic=topic, filters=filters or {})
        return subscriber

    return make


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_superuser("communication", "communication@reseau.example", "x")
