"""Which page serves a path, kept in the process under the content version.

Wagtail finds a page by walking the tree from the site's root, one query for
each level and one for each page's specific class: the first request after a
change pays that on every page. A plain page found for an anonymous visitor
is kept (under the content version, so any change finds it again) and each
later request serves its own copy. Pages that route further themselves
(routable pages, snippets served below a page) and every missing path are
left to Wagtail each time; view restrictions are still checked on every
request by Wagtail's ``before_serve_page`` hooks.
"""

import copy

from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from .content_memo import current_values

#: Paths kept at most per content version (a crawler's every address is not).
MAX_ROUTES = 2000


def serve_kept_route(request, view_func, view_args, view_kwargs):
    """Give Wagtail's serve view the page kept for this path, or find it and
    keep it (``process_view`` of the site's middleware)."""
    if view_func is not wagtail_views.serve or request.method not in ("GET", "HEAD"):
        return
    if not request.user.is_anonymous:
        return
    site = getattr(request, "_wagtail_site", None)
    if site is None:
        return
    path = view_args[0] if view_args else view_kwargs.get("path")  # Wagtail's URL passes it by position
    if path is None:
        return
    routes = current_values()
    key = ("route", site.root_page_id, translation.get_language(), path)
    page = routes.get(key)
    if page is None:
        found = Page.route_for_request(request, path)
        if found is None or found.args or found.kwargs or len(routes) >= MAX_ROUTES:
            return
        page = routes[key] = found.page  # kept as found, before this request serves it
    request._wagtail_route_for_request = RouteResult(copy.copy(page))
