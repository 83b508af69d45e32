"""The theme stylesheet and /favicon.ico, both from the site's identity."""

from importlib import resources

from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from .theme import identity_for

YEAR = 365 * 24 * 3600


@require_safe
def theme(request):
    """The brand colours as CSS custom properties, and the font when one is
    uploaded. Its address carries the identity's version (?v=), so it can
    be kept for a year: a change gives pages a new address."""
    identity = identity_for(request)
    css = render_to_string("maillage_core/identity/theme.css", {"identity": identity}, request=request)
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    current = identity is not None and request.GET.get("v") == identity["version"]
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable" if current else "public, max-age=300"
    return response


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links: the logo's
    icon when there is one, else core's default, never a 404."""
    identity = identity_for(request)
    for icon in (identity or {}).get("icons", []):
        if icon["rel"] == "icon":
            return HttpResponseRedirect(icon["href"])
    data = resources.files("maillage_core").joinpath("static/maillage_core/favicon.ico").read_bytes()
    response = HttpResponse(data, content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
