"""The userbar's accessibility checker runs every WCAG 2.1 A/AA rule in development."""

import json
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def axe_configuration(html):
    found = re.search(r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S)
    assert found, "no content checker configuration on the page"
    return json.loads(found.group(1))


def test_full_wcag_rule_set_when_enabled(admin_client, home_page, settings):
    settings.MAILLAGE_FULL_ACCESSIBILITY_CHECKER = True
    config = axe_configuration(admin_client.get(home_page.url).content.decode())
    assert config["options"]["runOnly"] == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    assert config["options"]["rules"]["heading-order"] == {"enabled": True}


def test_editor_checks_panel_uses_the_same_rules(admin_client, home_page, settings):
    settings.MAILLAGE_FULL_ACCESSIBILITY_CHECKER = True
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=(home_page.pk,))).content.decode()
    assert "wcag21aa" in html


def test_wagtail_default_rules_when_disabled(admin_client, home_page, settings):
    settings.MAILLAGE_FULL_ACCESSIBILITY_CHECKER = False
    config = axe_configuration(admin_client.get(home_page.url).content.decode())
    assert "wcag21aa" not in config["options"]["runOnly"]


def test_development_settings_enable_it():
    from maillage_site.settings import dev

    assert dev.MAILLAGE_FULL_ACCESSIBILITY_CHECKER is True
    assert not hasattr(dev, "WAGTAIL_ACCESSIBILITY_CHECKER_RULES")
