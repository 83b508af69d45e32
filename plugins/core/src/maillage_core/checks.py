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
    hops = getattr(settings, "MAILLAGE_TRUSTED_PROXY_HOPS", 0)
    if isinstance(hops, bool) or not isinstance(hops, int) or hops < 0:
        errors.append(
            Error(
                "MAILLAGE_TRUSTED_PROXY_HOPS must be a whole number: the reverse proxies in front of the site "
                "that add to X-Forwarded-For (0: none).",
                hint="Count the proxies (one nginx: 1); remove the setting when visitors reach the site directly.",
                id="maillage_core.E003",
            )
        )
    return errors


CLIENT_ADDRESS = "maillage_core.antispam.client_address"


@register(Tags.security)
def check_login_throttling(app_configs, **kwargs):
    """Every sign-in form is throttled by one policy (maillage_core.logins)."""
    warnings = []
    if hasattr(settings, "MAILLAGE_TRUST_X_FORWARDED_FOR"):
        warnings.append(
            Warning(
                "MAILLAGE_TRUST_X_FORWARDED_FOR is no longer read: it trusted an address any visitor can write.",
                hint="Set MAILLAGE_TRUSTED_PROXY_HOPS to the number of reverse proxies in front of the site.",
                id="maillage_core.W003",
            )
        )
    throttled = "axes" in settings.INSTALLED_APPS and any(
        backend.startswith("axes.backends.") for backend in settings.AUTHENTICATION_BACKENDS
    )
    if not throttled:
        warnings.append(
            Warning(
                "Sign-in forms are not throttled: django-axes is not installed, or not among the "
                "authentication backends.",
                hint="Add the login throttling settings listed in maillage-core's README (INSTALLED_APPS, "
                "MIDDLEWARE, AUTHENTICATION_BACKENDS, AXES_*).",
                id="maillage_core.W002",
            )
        )
    elif getattr(settings, "AXES_CLIENT_IP_CALLABLE", None) != CLIENT_ADDRESS:
        warnings.append(
            Warning(
                "The sign-in lockout and the form rate limits see different client addresses.",
                hint=f'Set AXES_CLIENT_IP_CALLABLE = "{CLIENT_ADDRESS}".',
                id="maillage_core.W004",
            )
        )
    return warnings
