"""Topics the plugins offer through ``maillage_subscription_topics``: new
trainings by sector (training) and a group's public meetings (groups). A
visitor subscribes from the public form, confirms, and the next digest
lists what is new in their choices, once."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from maillage_core.subscriptions.digests import send_digests
from maillage_core.testing.tree import publish_child

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def programme(home_page):
    from maillage_core.data.seed import ensure_vocabulary
    from maillage_training.models import TrainingIndexPage

    ensure_vocabulary()
    return publish_child(home_page, TrainingIndexPage(title="Programme de formation", slug="formations"))


@pytest.fixture
def groups(home_page):
    from maillage_groups.models import GroupIndexPage
    from maillage_groups.testing import make_group

    index = publish_child(home_page, GroupIndexPage(title="Groupes de travail", slug="groupes"))
    return make_group(index, "Groupe Sénégal"), make_group(index, "Groupe Éducation")


def publish_training(programme, title, sector):
    from maillage_core.models import Sector
    from maillage_training.models import TrainingPage

    training = programme.add_child(instance=TrainingPage(title=title, summary=f"À propos de {title}."))
    training.sectors.set(Sector.objects.filter(slug=sector))
    training.save_revision().publish()


def subscribe_and_confirm(email, answers):
    visitor = Client()
    assert visitor.post("/abonnements/", {"email": email, **answers}).status_code == 302
    link = next(link for link in re.findall(r"https?://\S+", mail.outbox[-1].body) if "/confirmer/" in link)
    assert visitor.post(urlsplit(link).path).status_code == 302


def test_the_form_offers_trainings_by_sector_and_the_groups_meetings(programme, groups):
    form = Client().get("/abonnements/").content.decode()
    assert 'value="formations"' in form and "Nouvelles formations" in form and 'value="sante"' in form
    assert 'value="reunions-groupes"' in form and f'value="{groups[0].pk}"' in form and "Groupe Sénégal" in form


def test_the_digest_lists_new_trainings_of_the_sector_and_public_meetings_of_the_group_once(programme, groups):
    from maillage_groups.testing import make_meeting

    senegal, education = groups
    subscribe_and_confirm("awa@example.org", {
        "topics": ["formations", "reunions-groupes"], "formations__sector": ["sante"],
        "reunions-groupes__group": [str(senegal.pk)], "frequency": "daily"})
    mail.outbox.clear()

    publish_training(programme, "Santé communautaire", "sante")
    publish_training(programme, "Pédagogie active", "education")
    make_meeting(senegal, "Réunion de printemps", venue_name="Maison des solidarités")
    make_meeting(senegal, "Bureau restreint", members_only=True)
    make_meeting(education, "Réunion des enseignants")

    send_digests(timezone.now() + DAY)
    [digest] = mail.outbox
    assert "Santé communautaire" in digest.body and "Pédagogie active" not in digest.body
    assert "Groupe Sénégal : Réunion de printemps" in digest.body and "Maison des solidarités" in digest.body
    assert "Bureau restreint" not in digest.body and "enseignants" not in digest.body
    assert "<http://localhost/formations/sant%C3%A9-communautaire/>" in digest.body  # absolute, for mail clients

    send_digests(timezone.now() + 2 * DAY)  # nothing new: nothing sent
    assert len(mail.outbox) == 1
