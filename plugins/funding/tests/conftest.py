import datetime

import pytest
from django.utils import timezone

pytest_plugins = ["maillage_core.testing.fixtures"]


@pytest.fixture
def workflow(db):
    """The moderation workflow its data migration made: a transactional
    test's flush, earlier on the same worker, removes it."""
    from maillage_funding.moderation import ensure_workflow

    return ensure_workflow()


@pytest.fixture
def search_page(root_page, vocabulary):
    from maillage_funding.models import FundingSearchPage

    # Live without revisions: tests need no history, and it is quicker.
    return root_page.add_child(instance=FundingSearchPage(title="Financements", slug="financements",
                                                          intro="Les appels à projets du réseau."))


@pytest.fixture
def funders(db):
    from maillage_funding.models import Funder

    return {
        "afd": Funder.objects.create(name="Agence française de développement", kind="agency"),
        "region": Funder.objects.create(name="Région Auvergne-Rhône-Alpes", kind="region"),
        "fondation": Funder.objects.create(name="Fondation de France", kind="foundation"),
    }


@pytest.fixture
def make_call(vocabulary, funders):
    """A published call (``live=False``: a draft never published); dates in
    days from today, ``closes_in=None`` for a permanent call."""
    from maillage_core.models import ActorType, Sector, SustainableDevelopmentGoal
    from maillage_funding.models import FundingCall

    def make(title="Eau potable au Sahel", *, live=True, closes_in=30, opens_in=None, funder="afd", sectors=(),
             actor_types=(), sdgs=(), published_days_ago=1, **fields):
        today = timezone.localdate()
        fields.setdefault("summary", "Des forages et des latrines avec les communes partenaires.")
        published = timezone.now() - datetime.timedelta(days=published_days_ago) if live else None
        call = FundingCall(
            title=title, live=live, has_unpublished_changes=not live,
            closes_on=today + datetime.timedelta(days=closes_in) if closes_in is not None else None,
            permanent=closes_in is None,
            opens_on=today + datetime.timedelta(days=opens_in) if opens_in is not None else None,
            first_published_at=published, last_published_at=published, **fields,
        )
        call.funders = [funders[funder]]
        call.sectors = list(Sector.objects.filter(slug__in=sectors))
        call.actor_types = list(ActorType.objects.filter(slug__in=actor_types))
        call.sdgs = list(SustainableDevelopmentGoal.objects.filter(number__in=sdgs))
        call.save()
        return call

    return make
