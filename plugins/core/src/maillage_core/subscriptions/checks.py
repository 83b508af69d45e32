"""System checks of subscriptions: settings a host may get wrong, and the
URL include every emailed link needs. Their ids start at 101, apart from
core's others."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import NoReverseMatch, reverse

from ..checks import unknown_task_backend
from . import conf

NUMBERS = {
    # name: (smallest allowed, meaning)
    "CONFIRM_DAYS": (1, "a whole number of days"),
    "BATCH_SIZE": (1, "a whole number of messages"),
    "BATCH_INTERVAL": (0, "a whole number of seconds"),
    "HARD_FAILURE_LIMIT": (1, "a whole number of failures"),
    "WEEKLY_MARGIN_HOURS": (0, "a whole number of hours"),
    "UNCONFIRMED_DAYS": (1, "a whole number of days"),
}


@register()
def check_subscription_settings(app_configs, **kwargs):
    errors = []
    for name, (smallest, meaning) in NUMBERS.items():
        value = conf.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < smallest:
            errors.append(Error(
                f"MAILLAGE_SUBSCRIPTIONS_{name} must be {meaning}, {smallest} or more.",
                hint=f"Remove it to keep the default of {conf.DEFAULTS[name]}.", id="maillage_core.E101",
            ))
    errors += unknown_task_backend("MAILLAGE_SUBSCRIPTIONS_TASK_BACKEND", conf.get("TASK_BACKEND"), "maillage_core.E102")
    sender = getattr(settings, "MAILLAGE_SENDER_EMAIL", "")
    if sender:
        try:
            validate_email(sender)
        except ValidationError:
            errors.append(Error(f"MAILLAGE_SENDER_EMAIL {sender!r} is not an email address.",
                                hint="Give the bare address, e.g. lettre@reseau.org; the name goes in "
                                "MAILLAGE_SENDER_NAME.", id="maillage_core.E103"))
    return errors


@register(Tags.urls)
def check_subscription_urls(app_configs, **kwargs):
    try:
        reverse("maillage_subscriptions:subscribe")
    except NoReverseMatch:
        return [Warning(
            "The subscription pages have no address: the links of La Lettre, alerts and confirmations lead nowhere.",
            hint='Add path("abonnements/", include("maillage_core.subscriptions.urls")) to the site\'s URLs, '
            "above Wagtail's.", id="maillage_core.W101",
        )]
    return []
