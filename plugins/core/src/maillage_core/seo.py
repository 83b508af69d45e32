"""What a page tells search engines and social networks.

Computed here, rendered by ``maillage_core/includes/seo_meta.html`` through
``{% seo_meta %}`` (template library ``maillage_seo``), so the host site's
pages and every plugin's pages share one implementation. A page class
adjusts it through the hooks of ``MaillagePageMixin``: ``get_canonical_url``,
``get_robots``, ``get_meta_description``, ``get_social_image``,
``og_type``, ``get_open_graph`` and ``get_structured_data``. Plain Wagtail
pages (without the mixin) get sensible defaults.
"""

import json
import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

logger = logging.getLogger("maillage.seo")

#: Open Graph's recommended size; the rendition is cropped around the focal point.
SOCIAL_IMAGE_SPEC = "fill-1200x630"
DESCRIPTION_WORDS = 40
OPEN_GRAPH_LOCALES = {"fr": "fr_FR", "en": "en_GB"}

# The characters that could close the <script> element or open a comment
# inside it; JSON allows them escaped, so the data reads the same.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass
class PageMeta:
    title: str = ""
    description: str = ""
    canonical_url: str = ""
    robots: str = ""
    site_name: str = ""
    locale: str = "fr_FR"
    type: str = "website"
    image_url: str = ""
    image_alt: str = ""
    image_width: int | None = None
    image_height: int | None = None
    open_graph: list = field(default_factory=list)
    structured_data: list = field(default_factory=list)

    @property
    def twitter_card(self):
        return "summary_large_image" if self.image_url else "summary"


def json_ld(data) -> str:
    """``data`` as JSON safe to place inside ``<script type="application/ld+json">``."""
    return mark_safe(json.dumps(data, ensure_ascii=False, default=str).translate(JSON_SCRIPT_ESCAPES))


def plain_description(text) -> str:
    return Truncator(" ".join(strip_tags(text or "").split())).words(DESCRIPTION_WORDS)


def absolute_url(url, request) -> str:
    if not url or url.startswith(("http://", "https://")) or request is None:
        return url or ""
    return request.build_absolute_uri(url)


# Wagtail's first Site, and the admin address `wagtail start` writes:
# placeholders, not addresses anyone configured.
PLACEHOLDER_SITE = ("localhost", 80)
PLACEHOLDER_BASE_URLS = {"http://example.com"}


def configured_base(request):
    """The site's address as its team configured it, port included: the
    Site's root URL when the Site names its real host, otherwise
    WAGTAILADMIN_BASE_URL, otherwise (both still Wagtail's placeholders,
    as in a new `wagtail start` site) the address the request came to."""
    from django.conf import settings
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    if site is not None and (site.hostname, site.port) != PLACEHOLDER_SITE:
        return site.root_url
    base = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    if base and base not in PLACEHOLDER_BASE_URLS:
        return base
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return site.root_url if site is not None else ""


def rebased(url, request) -> str:
    """``url`` (absolute) on the site's configured address: search engines
    and shared links get the one address visitors use, whatever host name
    the request came through."""
    if not url or request is None:
        return url or ""
    base = configured_base(request)
    if not base:
        return url
    parts = urlsplit(url)
    return base + urlunsplit(("", "", parts.path or "/", parts.query, ""))


def call(page, name, *args, default=None):
    method = getattr(page, name, None)
    return method(*args) if callable(method) else default


def social_image(page, request):
    """(url, alt, width, height) of the page's sharing image, or Nones."""
    image = call(page, "get_social_image", default=getattr(page, "social_image", None))
    if image is None:
        return None, "", None, None
    try:
        rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
    except Exception:  # a missing or unreadable file must not break the page
        logger.warning("No sharing image rendition for image %s", image.pk, exc_info=True)
        return None, "", None, None
    # The image's own description, never its title (often a file name).
    alt = getattr(image, "description", "") or ""
    return rebased(absolute_url(rendition.url, request), request), alt, rendition.width, rendition.height


def page_meta(page, request, site_name="") -> PageMeta:
    meta = PageMeta(site_name=site_name)
    language = (getattr(request, "LANGUAGE_CODE", "") or "fr")[:2]
    meta.locale = OPEN_GRAPH_LOCALES.get(language, "fr_FR")
    if page is None:
        return meta
    meta.title = getattr(page, "seo_title", "") or page.title
    description = call(page, "get_meta_description", default=getattr(page, "search_description", ""))
    meta.description = plain_description(description)
    canonical = call(page, "get_canonical_url", request)
    if canonical is None:
        canonical = page.get_full_url(request=request) if page.pk else ""
    meta.canonical_url = rebased(canonical, request)
    meta.robots = call(page, "get_robots", request, default=getattr(page, "robots", "")) or ""
    meta.type = getattr(page, "og_type", "website")
    meta.image_url, meta.image_alt, meta.image_width, meta.image_height = social_image(page, request)
    meta.open_graph = list(call(page, "get_open_graph", request, default=[]) or [])
    meta.structured_data = list(call(page, "get_structured_data", request, default=[]) or [])
    return meta
