"""A host's mistakes in the subscription settings are named, with a hint."""

import pytest
from django.test import override_settings

from maillage_core.subscriptions.checks import check_subscription_settings, check_subscription_urls


def test_the_shipped_settings_pass():
    assert check_subscription_settings(None) == [] and check_subscription_urls(None) == []


@pytest.mark.parametrize(("name", "value", "error"), [
    ("MAILLAGE_SUBSCRIPTIONS_BATCH_SIZE", 0, "maillage_core.E101"),
    ("MAILLAGE_SUBSCRIPTIONS_BATCH_INTERVAL", "60", "maillage_core.E101"),
    ("MAILLAGE_SUBSCRIPTIONS_CONFIRM_DAYS", True, "maillage_core.E101"),
    ("MAILLAGE_SUBSCRIPTIONS_HARD_FAILURE_LIMIT", -1, "maillage_core.E101"),
    ("MAILLAGE_SUBSCRIPTIONS_TASK_BACKEND", "courrier", "maillage_core.E102"),
    ("MAILLAGE_SENDER_EMAIL", "La Lettre <lettre@reseau.org>", "maillage_core.E103"),
])
def test_a_wrong_setting_is_an_error_with_a_hint(settings, name, value, error):
    setattr(settings, name, value)
    errors = check_subscription_settings(None)
    assert [found.id for found in errors] == [error] and errors[0].hint


def test_a_site_without_the_subscription_urls_is_warned():
    with override_settings(ROOT_URLCONF="core_testsite.bare_urls"):
        warnings = check_subscription_urls(None)
    assert [warning.id for warning in warnings] == ["maillage_core.W101"] and warnings[0].hint
