"""Which page serves a path, kept in the process under the content version.

Wagtail finds a page by walking the tree from the site's root, one query for
each level and one for each page's specific class: the first request after a
change pays that on every page. A page found for an anonymous visitor is
kept (under the content version, so any change finds it again) and each
later request serves its own copy. A routable page's route (the directory's
actor, a training's session, an offer below the board) is kept with the
view it resolved to, bound again to each request's copy. Pages that route
further in their own way and every missing path are left to Wagtail each
time. Wagtail still checks view restrictions on every request (its
``on_serve_page`` hook); a kept page with none, on itself or above it
(two queries to find out), answers that check without asking again: a
restriction added renews the content version, and the route with it.
"""

import copy

from django.urls import ResolverMatch
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction
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
    kept = routes.get(key)
    if kept is None:
        found = Page.route_for_request(request, path)
        if found is None or len(routes) >= MAX_ROUTES:
            return
        kept = keepable(found, request)
        if kept is None:
            return
        unrestricted_if_so(kept[0])
        routes[key] = kept  # as found, before this request serves it
    page, match = kept
    page = copy.copy(page)
    if match is None:
        request._wagtail_route_for_request = RouteResult(page)
        return
    match = bound_to(match, page)
    request.routable_resolver_match = match
    request._wagtail_route_for_request = RouteResult(page, args=(match.func, match.args, match.kwargs))


def keepable(found, request):
    """(page, its routable match or None) for a route that depends on the
    path alone, else None."""
    if not (found.args or found.kwargs):
        return found.page, None
    match = getattr(request, "routable_resolver_match", None)
    view = found.args[0] if len(found.args) == 3 and not found.kwargs else None
    if match is None or view is not match.func or getattr(view, "__self__", None) is not found.page:
        return None  # routed in some other way: left to Wagtail
    return found.page, match


def unrestricted_if_so(page):
    """Let a page without view restrictions say so without a query: its
    copies (``copy.copy`` keeps the instance's attributes) answer Wagtail's
    check with an empty queryset, which never reaches the database."""
    if not page.get_view_restrictions().exists():
        page.get_view_restrictions = no_view_restrictions


def no_view_restrictions():
    return PageViewRestriction.objects.none()


def bound_to(match, page):
    """The kept match, its view bound to this request's copy of the page and
    its arguments its own (a view may change them)."""
    return ResolverMatch(
        match.func.__func__.__get__(page, type(page)), tuple(match.args), dict(match.kwargs),
        url_name=match.url_name, route=match.route, captured_kwargs=match.captured_kwargs,
        extra_kwargs=match.extra_kwargs,
    )  # not copy.copy(): a ResolverMatch refuses to be copied
