"""``{% seo_meta %}``: description, robots, canonical link, Open Graph and
JSON-LD for the page in the context (see ``maillage_core.seo``)."""

from django import template
from wagtail.models import Site

from .. import seo

register = template.Library()


@register.inclusion_tag("maillage_core/includes/seo_meta.html", takes_context=True)
def seo_meta(context):
    request = context.get("request")
    page = context.get("page")
    if page is None or not hasattr(page, "get_full_url"):
        page = None
    site = Site.find_for_request(request) if request is not None else None
    return {"meta": seo.page_meta(page, request, site_name=site.site_name if site else "")}


@register.filter
def json_ld(data):
    """Serialise ``data`` for a ``<script type="application/ld+json">`` element."""
    return seo.json_ld(data)
