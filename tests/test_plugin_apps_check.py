"""Each plugin's system check names an app it needs that the host's
INSTALLED_APPS lacks, with a hint, before a page answers 500 (groups'
meeting pages without wagtail.contrib.routable_page did)."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import SystemCheckError

# (app the host forgot, the error that names it)
FORGOTTEN = [
    ("wagtail.contrib.routable_page", "maillage_groups.E012"),
    ("wagtail.contrib.typed_table_block", "maillage_youth.E010"),
    ("django_countries", "maillage_directory.E007"),
    ("django.contrib.messages", "maillage_training.E012"),
    ("wagtail.snippets", "maillage_core.E004"),
]


@pytest.mark.parametrize("app, error_id", FORGOTTEN)
def test_manage_check_names_the_forgotten_app(monkeypatch, app, error_id):
    # As if the host's INSTALLED_APPS lacked it (removing it for real would
    # run every app's ready() again in this process).
    installed = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name != app and installed(name))
    with pytest.raises(SystemCheckError) as refused:
        call_command("check")
    line = next(line for line in str(refused.value).splitlines() if error_id in line)
    assert repr(app) in line
    hint = str(refused.value).split(line, 1)[1].splitlines()[1]
    assert "HINT" in hint and "README" in hint


def test_the_site_installs_every_app_the_plugins_need():
    call_command("check")
