from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from maillage_core.templatetags import maillage_navigation

from .. import chrome
from ..models.settings import NetworkSettings

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"items": []}
    # Each request marks the current section on its own copies of the kept items.
    items = [dict(item) for item in chrome.cached("menu", site, lambda: menu_items(site, request))]
    current = context.get("page")
    path = getattr(current, "path", None) or ""
    for item in items:
        item["current"] = "page" if item["pk"] == getattr(current, "pk", None) else (
            "true" if path.startswith(item["path"]) else ""
        )
    return {"items": items}


def menu_items(site, request):
    pages = site.root_page.get_children().live().in_menu().public()
    return [
        {"pk": page.pk, "title": page.title, "url": page.get_url(request=request), "path": page.path}
        for page in pages
    ]


# One breadcrumb pattern for the site and every plugin: core's.
register.tag("breadcrumbs", maillage_navigation.register.tags["breadcrumbs"])


def live_link(page, text, request):
    if page is None or not page.live:
        return None
    return {"url": page.get_url(request=request), "text": text}


@register.simple_tag(takes_context=True)
def site_footer(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""
    return chrome.cached("footer", site, lambda: render_to_string("includes/footer.html", footer_context(request)))


def footer_context(request):
    network = NetworkSettings.for_request(request)
    links = [
        live_link(network.legal_notice_page, _("Legal notice"), request),
        live_link(network.privacy_page, _("Personal data"), request),
        live_link(network.site_map_page, _("Site map"), request),
        live_link(network.contact_page, _("Contact"), request),
    ]
    statement = network.accessibility_page
    return {
        "network": network,
        "legal_links": [link for link in links if link],
        "statement": (
            {"url": statement.get_url(request=request), "status": statement.get_status_display()}
            if statement is not None and statement.live
            else None
        ),
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {
        "request": context.get("request"),
        "languages": settings.LANGUAGES,
        "current": get_language(),
    }
