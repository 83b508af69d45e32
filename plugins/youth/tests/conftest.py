import datetime

import pytest
from django.utils import timezone

pytest_plugins = ["maillage_core.testing.fixtures"]


@pytest.fixture
def workflow(db):
    from maillage_youth.moderation import ensure_workflow

    return ensure_workflow()


@pytest.fixture
def space(root_page, vocabulary):
    from maillage_youth.models import YouthSpacePage

    # Pages are created live without revisions: tests need no history, and it is quicker.
    return root_page.add_child(instance=YouthSpacePage(title="Espace Jeunes", slug="espace-jeunes",
                                                       intro="Partir, s'engager, trouver un stage."))


@pytest.fixture
def board(space):
    from maillage_youth.models import OfferBoardPage

    return space.add_child(instance=OfferBoardPage(title="Offres", slug="offres", intro="Les offres du réseau."))


@pytest.fixture
def testimony_index(space):
    from maillage_youth.models import TestimonyIndexPage

    return space.add_child(instance=TestimonyIndexPage(
        title="Témoignages", slug="temoignages", publication_terms="<p>Votre adresse n'est jamais publiée.</p>"))


@pytest.fixture
def catalogue(space):
    """The scheme catalogue with the main schemes of the demo."""
    from maillage_core.models import Sector
    from maillage_youth.demo.schemes import CHECKED, SCHEMES
    from maillage_youth.models import SchemeIndexPage, SchemePage

    page = space.add_child(instance=SchemeIndexPage(title="Dispositifs", slug="dispositifs"))
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    for entry in SCHEMES:
        scheme = SchemePage(last_checked=CHECKED, **{key: value for key, value in entry.items() if key != "sectors"})
        scheme.sectors = [sectors[slug] for slug in entry["sectors"]]
        page.add_child(instance=scheme)
    return page


@pytest.fixture
def make_offer(vocabulary):
    from maillage_core.models import Sector
    from maillage_youth.models import Offer

    def make(title="Stage en agroécologie", *, live=True, closing_in=30, sector=None, published_days_ago=1, **fields):
        fields.setdefault("kind", "internship")
        fields.setdefault("organisation", "Les Amis de Koudougou")
        fields.setdefault("country", "BF")
        fields.setdefault("description", "<p>Une mission auprès d'une coopérative.</p>")
        fields.setdefault("how_to_apply", "CV et lettre.")
        published = timezone.now() - datetime.timedelta(days=published_days_ago) if live else None
        offer = Offer(
            title=title,
            live=live,
            has_unpublished_changes=not live,
            closing_date=timezone.localdate() + datetime.timedelta(days=closing_in),
            sector=Sector.objects.get(slug=sector) if sector else None,
            first_published_at=published,
            last_published_at=published,
            **fields,
        )
        offer.save()
        return offer

    return make


@pytest.fixture
def make_testimony(vocabulary):
    from maillage_youth.models import Testimony

    def make(title="Six mois à Kpalimé", *, live=True, **fields):
        fields.setdefault("author_name", "Léa")
        fields.setdefault("country", "TG")
        fields.setdefault("year", 2024)
        fields.setdefault("text", "Une belle expérience dans une école. " * 5)
        testimony = Testimony(title=title, live=live, has_unpublished_changes=not live,
                              first_published_at=timezone.now() if live else None, **fields)
        testimony.save()
        return testimony

    return make


@pytest.fixture
def queries_of(settings):
    """How many queries ``request()`` makes. Standalone, that number is
    pinned to ``pinned``; a host site's layout (menu, footer, figures) adds
    its own, so inside a site the tests check only that the count does not
    grow with the data."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(pinned, request):
        request()  # a host site's first visit may create rows (its settings) that renew its caches
        with CaptureQueriesContext(connection) as captured:
            request()
        if settings.ROOT_URLCONF == "youth_testsite.urls":
            assert len(captured) == pinned, "\n".join(query["sql"] for query in captured.captured_queries)
        return len(captured)

    return count
