"""``{% breadcrumbs %}``: the one breadcrumb of every page, the site's and
every plugin's: the site's home page first, the current page's ancestors,
the page, and for a plugin's sub-view (an actor, an offer, a form) what the
visitor is looking at, marked ``aria-current``.

The ancestors' titles and addresses are the same on every request until the
content changes: each process keeps them under core's content version
(``maillage_core.content_memo``), which a page published, unpublished,
moved, renamed or deleted renews."""

from django import template
from wagtail.models import Site

from ..content_memo import remembered

register = template.Library()


@register.inclusion_tag("maillage_core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current="", page_url="", middle="", middle_url=""):
    """The trail to the ``page`` of the context. ``current`` names a sub-view
    of that page (the page becomes a link, to ``page_url`` if given), and
    ``middle``/``middle_url`` a step between them (an actor above its form)."""
    request, page = context.get("request"), context.get("page")
    if request is None or page is None or not getattr(page, "pk", None) or not hasattr(page, "get_ancestors"):
        return {}
    site = Site.find_for_request(request)
    if site is None or (page.pk == site.root_page_id and not current):
        return {}  # the home page itself has no trail
    trail = remembered(("breadcrumbs", site.pk, page.pk, page.path), lambda: trail_in_site(page, site, request))
    if trail is None:
        return {}  # a page outside this site's tree (e.g. shown in preview)
    # Each request writes on its own steps.
    steps = [{"title": title, "url": url} for title, url in trail]
    steps[-1]["title"] = page.title  # the page as given (a translated or specific title)
    if current:
        if page_url:
            steps[-1]["url"] = page_url
        if middle:
            steps.append({"title": middle, "url": middle_url})
        steps.append({"title": current, "url": ""})
    else:
        steps[-1]["url"] = ""
    return {"steps": steps}


def trail_in_site(page, site, request):
    """(title, address) of the site's home page, the page's ancestors below
    it and the page as saved; None for a page outside the site's tree."""
    trail = list(
        page.get_ancestors(inclusive=True).filter(depth__gt=1).only("id", "title", "url_path", "path", "depth")
    )
    ids = [step.pk for step in trail]
    if site.root_page_id not in ids:
        return None
    return tuple((step.title, step.get_url(request=request)) for step in trail[ids.index(site.root_page_id) :])
