"""The French catalogs are complete, compiled, and in step with the code.

Every user-facing string is translatable and French is the default
language: a string added without its French translation, or a .mo left
behind its .po, fails here rather than showing English on a French page.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DJANGO_ADMIN = Path(sys.executable).parent / "django-admin"



class Catalog:
    """A locale/ folder and the source folders makemessages scans for it."""

    def __init__(self, name, base, folders, scan):
        self.name, self.base, self.folders, self.scan = name, base, folders, scan

    @property
    def locale(self):
        return self.base / self.scan / "locale"

    @property
    def french(self):
        return self.locale / "fr" / "LC_MESSAGES" / "django.po"


CATALOGS = [Catalog("site", ROOT, ["home", "search", "site", "locale"], ".")] + [
    Catalog(package.name, package.parent, [package.name], package.name)
    for package in sorted(ROOT.glob("plugins/*/src/maillage_*"))
    if (package / "locale").is_dir()
]
IDS = [catalog.name for catalog in CATALOGS]

pytestmark = pytest.mark.skipif(not shutil.which("msgfmt"), reason="gettext is not installed")


@pytest.mark.parametrize("catalog", CATALOGS, ids=IDS)
def test_french_catalog_has_every_string_translated(catalog):
    result = subprocess.run(
        ["msgfmt", "--check-format", "--statistics", "-o", "/dev/null", str(catalog.french)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.mark.parametrize("catalog", CATALOGS, ids=IDS)
def test_compiled_catalogs_match_their_sources(catalog, tmp_path):
    for po in catalog.locale.glob("*/LC_MESSAGES/django.po"):
        compiled = tmp_path / "django.mo"
        subprocess.run(["msgfmt", "--check-format", "-o", str(compiled), str(po)], check=True)
        assert compiled.read_bytes() == po.with_suffix(".mo").read_bytes(), f"run compilemessages for {po}"


@pytest.mark.parametrize("catalog", CATALOGS, ids=IDS)
def test_catalogs_hold_every_string_of_the_code(catalog, tmp_path):
    # makemessages rewrites the catalogs it scans: work on a copy.
    for folder in catalog.folders:
        shutil.copytree(
            catalog.base / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__", "*.mo")
        )
    scan = tmp_path / catalog.scan
    subprocess.run([str(DJANGO_ADMIN), "makemessages", "-l", "fr", "--keep-pot", "-v0"], cwd=scan, check=True)
    result = subprocess.run(
        ["msgcmp", "--use-untranslated", str(catalog.french), str(scan / "locale" / "django.pot")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, f"run makemessages for {catalog.name}:\n{result.stderr[-2000:]}"


# In a site, one French catalog answers for a msgid whichever app asked (the
# first in INSTALLED_APPS wins), so two apps translating the same English
# word differently must mean the same thing with either. These were read and
# judged interchangeable; a word whose sense differs per app takes a
# context instead (`pgettext("actor", "Members")`).
INTERCHANGEABLE = {
    "email", "organisation", "Organisation", "slug", "kind", "RSS feed", "Search", "Contact", "Filter", "Where",
    "Your email", "submitted by", "submitter's email", "updated", "A sentence or two above the search form.",
}


def test_a_word_shared_by_several_apps_means_the_same_in_each():
    import gettext

    translations = {}
    for catalog in CATALOGS:
        with open(catalog.french.with_suffix(".mo"), "rb") as compiled:
            for msgid, msgstr in gettext.GNUTranslations(compiled)._catalog.items():
                if isinstance(msgid, str) and msgid and msgstr:
                    translations.setdefault(msgid, {})[catalog.name] = msgstr
    conflicts = {
        msgid: by_app for msgid, by_app in translations.items()
        if len(set(by_app.values())) > 1 and msgid not in INTERCHANGEABLE
    }
    assert not conflicts, conflicts
