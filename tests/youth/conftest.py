import datetime

import pytest
from django.utils import timezone


@pytest.fixture
def youth_space(home_page):
    """The Espace Jeunes under the site's home page, published with revisions
    as an officer would (so the cached menu learns of it), with the main
    schemes, two open offers, a closed one, one in review, and a story."""
    from maillage_core.data.seed import ensure_vocabulary
    from maillage_youth.demo import load_schemes
    from maillage_youth.models import OfferBoardPage, SchemeIndexPage, TestimonyIndexPage, YouthSpacePage

    ensure_vocabulary()
    space = home_page.add_child(instance=YouthSpacePage(title="Espace Jeunes", slug="espace-jeunes",
                                                        intro="Partir, s'engager, trouver un stage."))
    space.save_revision().publish()
    catalogue = space.add_child(instance=SchemeIndexPage(title="Dispositifs", slug="dispositifs"))
    catalogue.save_revision().publish()
    load_schemes(catalogue)
    board = space.add_child(instance=OfferBoardPage(title="Offres", slug="offres"))
    board.save_revision().publish()
    testimonies = space.add_child(instance=TestimonyIndexPage(
        title="Témoignages", slug="temoignages", publication_terms="<p>Votre adresse n'est jamais publiée.</p>"))
    testimonies.save_revision().publish()
    make_offer("Deux stages en agroécologie", country="BJ", kind="internship")
    make_offer("Chargée de projet eau potable", country="SN", kind="job")
    make_offer("Stage clos au Bénin", country="BJ", closing_in=-3)
    make_offer("Stage en relecture au Bénin", country="BJ", live=False)
    make_story("Six mois à Kpalimé", country="TG")
    return space


def make_offer(title, *, live=True, closing_in=30, **fields):
    from maillage_youth.models import Offer

    published = timezone.now() - datetime.timedelta(days=1) if live else None
    fields.setdefault("kind", "internship")
    offer = Offer(
        title=title, live=live, has_unpublished_changes=not live, organisation="Les Amis de Koudougou",
        description="<p>Une mission auprès d'une coopérative agricole.</p>", how_to_apply="CV et lettre.",
        closing_date=timezone.localdate() + datetime.timedelta(days=closing_in),
        first_published_at=published, last_published_at=published, **fields,
    )
    offer.save()
    return offer


def make_story(title, **fields):
    from maillage_youth.models import Testimony

    story = Testimony(title=title, author_name="Léa", year=2024, text="Une belle expérience dans une école. " * 5,
                      live=True, first_published_at=timezone.now(), **fields)
    story.save()
    return story


@pytest.fixture
def training_session(home_page):
    """An upcoming training of the training plugin, which the landing page
    must show through core's hook without the youth plugin importing it."""
    from maillage_training.models import TrainingIndexPage, TrainingPage, TrainingSession

    programme = home_page.add_child(instance=TrainingIndexPage(title="Programme de formation", slug="formations"))
    programme.save_revision().publish()
    training = programme.add_child(instance=TrainingPage(title="Préparer son départ en volontariat",
                                                         summary="Les questions à se poser avant de partir."))
    training.save_revision().publish()
    start = timezone.now() + datetime.timedelta(days=8)
    return TrainingSession.objects.create(training=training, start=start, end=start + datetime.timedelta(hours=3),
                                          capacity=12, city="Lyon", venue_name="Maison des solidarités")
