"""The browser tests' demo portal, served on a fixed day."""

import datetime
from zoneinfo import ZoneInfo

import pytest

# The plugins whose demo content makes the portal (not the site's editorial
# demo, the slowest to make).
DEMOS = ("maillage_directory", "maillage_training", "maillage_groups", "maillage_youth")
# The portal's day: the demo dates its sessions, meetings and offers from
# today, and pages show them ("il y a 3 jours", upcoming sessions, years).
DEMO_DAY = datetime.datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.fixture
def demo_day():
    """The clock stopped at the demo's day while content is made and served:
    time-machine patches the clock process-wide, the live server's threads
    included, so pages drawn today or in a year show the same dates. (It
    leaves time.monotonic alone, which Playwright's waits rely on.)"""
    import time_machine

    with time_machine.travel(DEMO_DAY, tick=False):
        yield DEMO_DAY


@pytest.fixture
def portal(demo_day, home_page, search_engine):
    """The directory's, the training's, the groups' and the youth space's demo
    content, the actors in the engine; the address of each page type, and of
    the forms whose arrangement is checked."""
    from wagtail import hooks

    from maillage_core.hooks import DEMO_CONTENT
    from maillage_directory.models import Actor, DirectoryPage
    from maillage_groups.models import GroupPage
    from maillage_training.models import TrainingIndexPage, TrainingSession
    from maillage_youth.models import OfferBoardPage, SchemeIndexPage, TestimonyIndexPage, YouthSpacePage

    for make_loader in hooks.get_hooks(DEMO_CONTENT):
        if make_loader.__module__.split(".")[0] in DEMOS:
            make_loader()({"actors": 12}, lambda message: None)
    actors = list(Actor.get_indexed_objects())
    search_engine.backend.get_index_for_model(Actor).add_items(Actor, actors)
    search_engine.refresh()
    # A save that waited past the engine's 1 s timeout (the shared engine on a
    # loaded machine) opened the circuit, and the directory would be served
    # degraded for 30 s; the index is complete now (add_items above).
    from maillage_core.search import circuit

    circuit.reset()
    session = TrainingSession.objects.upcoming().select_related("training").order_by("start").first()
    return {
        "home": "/",
        "directory": DirectoryPage.objects.live().get().url,
        "actor": Actor.objects.filter(live=True).order_by("name").first().get_url(),
        "programme": TrainingIndexPage.objects.live().get().url,
        "session": f"{session.training.url}sessions/{session.pk}/",
        "youth landing": YouthSpacePage.objects.live().get().url,
        "offers board": OfferBoardPage.objects.live().get().url,
        "group": GroupPage.objects.live().public().order_by("path").first().url,
    }, {
        "offer form": OfferBoardPage.objects.live().get().url + "deposer/",
        "actor form": DirectoryPage.objects.live().get().url + "proposer/",
        "testimony form": TestimonyIndexPage.objects.live().get().url + "temoigner/",
        "scheme finder": SchemeIndexPage.objects.live().get().url,
    }
