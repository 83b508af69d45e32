"""System checks that tell a host site what is misconfigured, with a hint."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

ENGINE_MARKERS = ("opensearch", "elasticsearch")


@register(Tags.compatibility)
def check_search_backend(app_configs, **kwargs):
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}) or {}
    backend = (backends.get("default") or {}).get("BACKEND", "")
    if any(marker in backend for marker in ENGINE_MARKERS) and not backend.startswith("maillage_core."):
        return [
            Warning(
                f"The default search backend {backend!r} lacks Maillage's French analysis, "
                "visibility field and outage handling.",
                hint="Use maillage_core.search.backends.opensearch2 or .elasticsearch8, "
                "or build the setting with maillage_core.search.config.search_backends(SEARCH_URL).",
                id="maillage_core.W001",
            )
        ]
    return []


@register()
def check_settings(app_configs, **kwargs):
    errors = []
    cooldown = getattr(settings, "MAILLAGE_SEARCH_CIRCUIT_COOLDOWN", 30)
    if not isinstance(cooldown, (int, float)) or cooldown < 0:
        errors.append(
            Error(
                "MAILLAGE_SEARCH_CIRCUIT_COOLDOWN must be a number of seconds, 0 or more.",
                hint="Remove it to keep the default of 30 seconds.",
                id="maillage_core.E001",
            )
        )
    limit = getattr(settings, "MAILLAGE_FORM_RATE_LIMIT", 10)
    if not isinstance(limit, int) or limit < 0:
        errors.append(
            Error(
                "MAILLAGE_FORM_RATE_LIMIT must be a whole number of submissions per hour (0 disables it).",
                hint="Remove it to keep the default of 10.",
                id="maillage_core.E002",
            )
        )
    return errors
