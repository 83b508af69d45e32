"""What pages need of the identity, as a plain dict kept in the cache: the
theme stylesheet's version, the logo's image and the icons' addresses."""

from django.urls import NoReverseMatch, reverse
from wagtail.models import Site

from ..identity.colours import darker
from ..models.identity import IdentitySettings
from ..page_cache import CONTENT

TIMEOUT = 24 * 3600
LOGO_HEIGHT = 96  # twice the header's 48 px, sharp on dense screens
ICON_SPECS = {"icon": "fill-32x32|format-png", "apple-touch-icon": "fill-180x180|format-png"}


def identity_for(request):
    """The identity of the request's site, or None outside any site."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    return CONTENT.get_or_build(("identity", site.pk), lambda: describe(IdentitySettings.for_site(site)), TIMEOUT)


def describe(settings):
    logo = settings.logo
    return {
        "version": settings.version,
        "theme_url": theme_url(settings.version),
        "primary": settings.primary_colour,
        "primary_dark": darker(settings.primary_colour),
        "secondary": settings.secondary_colour,
        "secondary_dark": darker(settings.secondary_colour),
        "font_family": settings.font_family.strip(),
        "font_regular": settings.font_regular.url if settings.font_regular else "",
        "font_bold": settings.font_bold.url if settings.font_bold else "",
        "logo": describe_logo(logo) if logo is not None else None,
        "icons": icons(logo) if logo is not None else [],
    }


def theme_url(version):
    try:
        return f"{reverse('maillage_theme')}?v={version}"
    except NoReverseMatch:  # a host that has not included the identity URLs
        return ""


def describe_logo(image):
    if image.is_svg():
        url, width, height = image.file.url, image.width, image.height
    else:
        rendition = image.get_rendition(f"height-{LOGO_HEIGHT}")
        url, width, height = rendition.url, rendition.width, rendition.height
    return {"url": url, "width": width, "height": height, "alt": image.title}


def icons(image):
    """Link tags' attributes: an SVG logo is its own icon; a picture gives a
    32 px icon and the 180 px one phones put on their home screen."""
    if image.is_svg():
        return [{"rel": "icon", "type": "image/svg+xml", "href": image.file.url, "sizes": "any"}]
    return [
        {"rel": rel, "type": "image/png", "href": image.get_rendition(spec).url, "sizes": spec[5:spec.index("|")]}
        for rel, spec in ICON_SPECS.items()
    ]
