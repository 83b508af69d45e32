"""``load_demo`` builds every plugin's demo once, and a second run makes
nothing twice. The demo is loaded twice per run of this module only (it is
the slowest thing the suite does), then each plugin's part is checked."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from maillage_core.testing.tree import ensure_site_tree

pytestmark = pytest.mark.django_db
ACTORS = 60


@pytest.fixture(scope="module")
def loaded_twice(django_db_setup, django_db_blocker, tmp_path_factory):
    """Counts after each of two runs of ``load_demo`` and what each printed,
    inside a transaction rolled back at the module's end."""
    from home.models import HomePage

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("demo"))):
        with transaction.atomic():
            ensure_site_tree(lambda: HomePage(title="Accueil", slug="home"))
            runs = []
            for _ in range(2):
                out = io.StringIO()
                call_command("load_demo", "--no-admin", "--actors", str(ACTORS), stdout=out)
                runs.append({"output": out.getvalue(), "counts": counts()})
            yield runs
            transaction.set_rollback(True)


def counts():
    from maillage_barometer.models import EditionPage, Response
    from maillage_directory.models import Actor, DirectoryPage
    from maillage_funding.models import Funder, FundingCall, FundingSearchPage
    from maillage_groups.models import GroupPage, MeetingPage
    from maillage_training.models import TrainingPage, TrainingSession
    from maillage_youth.models import GuidePage, Offer, SchemePage, Testimony, YouthSpacePage

    return {
        "actors": Actor.objects.count(),
        "live actors": Actor.objects.filter(live=True).count(),
        "directory pages": DirectoryPage.objects.live().count(),
        "trainings": TrainingPage.objects.live().count(),
        "sessions": TrainingSession.objects.count(),
        "groups": GroupPage.objects.count(),
        "live groups": GroupPage.objects.live().count(),
        "meetings": MeetingPage.objects.count(),
        "youth spaces": YouthSpacePage.objects.live().count(),
        "schemes": SchemePage.objects.count(),
        "unchecked schemes": SchemePage.objects.filter(last_checked=None).count(),
        "offers": Offer.objects.count(),
        "open offers": Offer.objects.open().count(),
        "closed offers": Offer.objects.filter(expired=True, live=False).count(),
        "live testimonies": Testimony.objects.filter(live=True).count(),
        "guides": GuidePage.objects.live().count(),
        "funding pages": FundingSearchPage.objects.live().count(),
        "funders": Funder.objects.count(),
        "funding calls": FundingCall.objects.count(),
        "current funding calls": FundingCall.objects.current().count(),
        "barometer editions": EditionPage.objects.live().count(),
        "published editions": EditionPage.objects.filter(figures__isnull=False).count(),
        "barometer responses": Response.objects.count(),
    }


def test_a_second_run_makes_nothing_twice(loaded_twice):
    first, second = loaded_twice
    assert second["counts"] == first["counts"]


def test_the_demo_loads_the_directory(loaded_twice):
    first = loaded_twice[0]["counts"]
    assert (first["live actors"], first["directory pages"]) == (ACTORS, 1)


def test_the_demo_loads_the_training_programme(loaded_twice):
    first, second = loaded_twice
    assert "trainings: 15 trainings created" in first["output"]
    assert "demo programme already loaded" in second["output"]
    assert (first["counts"]["trainings"], first["counts"]["sessions"]) == (15, 30)


def test_the_demo_loads_the_working_groups(loaded_twice):
    first = loaded_twice[0]["counts"]
    assert first["live groups"] == first["groups"] == 8  # the archived one stays readable
    assert first["meetings"] > 0


def test_the_demo_loads_the_youth_space(loaded_twice):
    first, second = loaded_twice
    counts = first["counts"]
    assert "youth: " in first["output"]
    assert "youth: 0 items created, 0 offers closed" in second["output"]
    assert counts["youth spaces"] == 1 and counts["schemes"] >= 6 and counts["unchecked schemes"] == 0
    assert counts["offers"] >= 35 and counts["closed offers"] > 0 and counts["open offers"] >= 25
    assert counts["live testimonies"] >= 10 and counts["guides"] >= 3


def test_the_demo_loads_the_funding_calls(loaded_twice):
    first, second = loaded_twice
    assert "funding: 69 items created" in first["output"]
    assert "funding: 0 items created, 0 calls archived" in second["output"]
    counts = second["counts"]
    assert (counts["funding pages"], counts["funders"], counts["funding calls"]) == (1, 6, 60)
    assert 30 <= counts["current funding calls"] < 60
    assert first["counts"] == counts


def test_the_demo_loads_the_barometer(loaded_twice, client):
    first, second = loaded_twice
    assert "barometer: 5 items created" in first["output"]  # its page and four editions
    assert "barometer: 0 items created" in second["output"]
    counts = first["counts"]
    assert (counts["barometer editions"], counts["published editions"]) == (4, 3)
    assert ACTORS * 1.2 < counts["barometer responses"] < ACTORS * 1.8  # from the directory's demo actors
    edition = client.get("/barometre/2025/").content.decode()
    assert edition.count('role="img"') > 10 and "en 2024" in edition  # charts, compared with 2024
    assert "L’enquête est ouverte jusqu’au" in client.get("/barometre/2026/").content.decode()


# A process that serves the site: settings, apps, every hook module, URLs
# and the WSGI application. Then the demo modules it imported, if any.
SERVING = """
import sys
import django
django.setup()
from django.urls import get_resolver
from wagtail import hooks
hooks.search_for_hooks()
get_resolver().url_patterns
import maillage_site.wsgi
from maillage_core import hooks as maillage_hooks
maillage_hooks.search_sources()
print(" ".join(sorted(name for name in sys.modules if name.endswith(".demo") or ".demo." in name)))
"""


def test_a_serving_site_imports_no_demo_code_or_data():
    """The demo lives in data files read by loaders the
    ``maillage_demo_content`` hook imports only when the demo is asked for."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "maillage_site.settings.test"}
    done = subprocess.run([sys.executable, "-c", SERVING], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


def test_the_demo_shows_senegal_with_every_plugins_section_and_maps_every_active_country(loaded_twice, client):
    import re

    from django.test import RequestFactory

    from maillage_core import hooks as maillage_hooks
    from maillage_core import worldmap
    from maillage_countries import names

    html = client.get("/pays/senegal/").content.decode()
    sections = re.findall(r'class="country-section country-section--([-\w]+)"', html)
    assert {"directory", "groups", "trainings", "youth"} <= set(sections)
    assert "Dakar" in html  # the officer's profile
    index = client.get("/pays/").content.decode()
    linked = set(re.findall(r'<a href="/pays/([-a-z]+)/" aria-label=', index))
    active = maillage_hooks.active_countries(RequestFactory().get("/"))
    drawn = worldmap.shapes()["shapes"]
    assert len(active) > 10
    assert linked == {names.slug_for(code) for code in {*active, "SN", "BJ", "MG", "BF"} if code in drawn}
