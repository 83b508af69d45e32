"""The shared editorial blocks: what a site must install, and how they render."""

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.test import override_settings

from maillage_core import blocks


def test_a_site_without_the_embeds_app_is_told_which_app_to_add(monkeypatch):
    from django.apps import apps

    installed = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name != "wagtail.embeds" and installed(name))
    with pytest.raises(ImproperlyConfigured, match="need wagtail.embeds in INSTALLED_APPS"):
        blocks.require_apps()


def test_the_test_site_has_everything_the_blocks_need():
    blocks.require_apps()  # raises when one is missing


@override_settings(LANGUAGE_CODE="en")
def test_a_table_needs_a_caption_and_column_headings():
    table = blocks.table_block()
    value = table.to_python({"caption": "", "columns": [{"type": "text", "heading": "Pays"}],
                             "rows": [{"values": ["Bénin"]}]})
    with pytest.raises(ValidationError, match="caption"):
        table.clean(value)
    value = table.to_python({"caption": "Actors by country", "columns": [{"type": "text", "heading": ""}],
                             "rows": [{"values": ["Bénin"]}]})
    with pytest.raises(ValidationError, match="heading"):
        table.clean(value)


def test_a_link_is_a_page_or_an_address_never_both_nor_neither():
    link = blocks.LinkBlock()
    with pytest.raises(ValidationError):
        link.clean(link.to_python({"text": "Rapport", "page": None, "url": ""}))
    assert link.clean(link.to_python({"text": "Rapport", "page": None, "url": "https://example.org/"}))["url"]
