"""System checks: tell a host site what cannot work, with a hint."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.urls import NoReverseMatch, reverse

from maillage_core.checks import missing_apps

from . import conf

WHOLE_NUMBERS = {
    # setting: (error id, smallest value, meaning)
    "PER_PAGE": ("maillage_groups.E001", 1, "a number of items per page"),
    "FEED_LIMIT": ("maillage_groups.E002", 1, "a number of items"),
    "SIGNUP_LINK_DAYS": ("maillage_groups.E003", 1, "a number of days"),
    "DECISION_LINK_DAYS": ("maillage_groups.E004", 1, "a number of days"),
}


@register()
def check_settings(app_configs, **kwargs):
    errors = []
    for name, (error_id, minimum, meaning) in WHOLE_NUMBERS.items():
        value = conf.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            errors.append(
                Error(
                    f"MAILLAGE_GROUPS_{name} must be a whole number, {minimum} or more: {meaning}.",
                    hint=f"Remove it to keep the default of {conf.DEFAULTS[name]}.",
                    id=error_id,
                )
            )
    try:
        ZoneInfo(str(conf.get("TIME_ZONE")))
    except (ZoneInfoNotFoundError, ValueError):
        errors.append(
            Error(
                f"MAILLAGE_GROUPS_TIME_ZONE {conf.get('TIME_ZONE')!r} is not a known time zone.",
                hint="Use an IANA name such as 'Europe/Paris' (the default).",
                id="maillage_groups.E006",
            )
        )
    if not isinstance(conf.get("OFFICER_EMAIL"), str):
        errors.append(
            Error(
                "MAILLAGE_GROUPS_OFFICER_EMAIL must be an email address (a string).",
                hint="Remove it to use MAILLAGE_OFFICER_EMAIL.",
                id="maillage_groups.E007",
            )
        )
    return errors


@register(Tags.urls)
def check_urls(app_configs, **kwargs):
    try:
        reverse("maillage_groups:login")
    except NoReverseMatch:
        return [
            Error(
                "The working groups' account URLs are not included: members cannot sign in.",
                hint='Add path("compte/", include("maillage_groups.urls")) to the site\'s urlpatterns, above '
                "Wagtail's own include.",
                id="maillage_groups.E010",
            )
        ]
    return []


@register(Tags.security)
def check_document_serving(app_configs, **kwargs):
    """Members-only documents are safe only when every download goes
    through Wagtail's serve view, which asks the plugin first."""
    method = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None)
    if method == "direct":
        return [
            Error(
                "WAGTAILDOCS_SERVE_METHOD = 'direct' links documents by their storage address, which no "
                "membership check protects: members-only documents would be public.",
                hint="Remove the setting (Wagtail serves documents through its view) or use 'serve_view'.",
                id="maillage_groups.E011",
            )
        ]
    if method == "redirect":
        return [
            Warning(
                "WAGTAILDOCS_SERVE_METHOD = 'redirect' sends members to the storage's own address after the "
                "check; anyone given that address can download the file.",
                hint="Use 'serve_view', or storage URLs that expire (signed URLs).",
                id="maillage_groups.W001",
            )
        ]
    return []


# Apps the plugin's models, templates and admin need beside its own: without
# one, some pages answer 500 rather than the site refusing to start.
REQUIRED_APPS = (
    "maillage_core",
    "django_countries",
    "wagtail.documents",
    "wagtail.contrib.routable_page",
    "django.contrib.messages",
)


@register()
def check_required_apps(app_configs, **kwargs):
    return missing_apps("maillage_groups", REQUIRED_APPS, "maillage_groups.E012")
