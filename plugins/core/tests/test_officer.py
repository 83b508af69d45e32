"""Whom plugins tell of what the public sends: one rule for every plugin."""

import pytest

from maillage_core.officer import officer_email


@pytest.mark.parametrize(
    "plugin_address, site_address, expected",
    [
        ("annuaire@reseau.example", "communication@reseau.example", "annuaire@reseau.example"),
        ("", "communication@reseau.example", "communication@reseau.example"),
        ("", "", ""),
        ("", None, ""),  # the site never set it
    ],
)
def test_a_plugins_own_officer_comes_first_then_the_sites(settings, plugin_address, site_address, expected):
    if site_address is None:
        del settings.MAILLAGE_OFFICER_EMAIL
    else:
        settings.MAILLAGE_OFFICER_EMAIL = site_address
    assert officer_email(plugin_address) == expected
