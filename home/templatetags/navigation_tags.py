from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"items": []}
    current = context.get("page")
    items = list(site.root_page.get_children().live().in_menu().public())
    ancestor_ids = set()
    if current is not None:
        ancestor_ids = {p.pk for p in items if current.path.startswith(p.path)}
    return {"items": items, "current": current, "ancestor_ids": ancestor_ids}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "languages": settings.LANGUAGES,
        "current": get_language(),
    }
