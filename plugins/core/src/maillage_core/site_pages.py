"""Finding a plugin's pages from a request: which live directory, offers
board or programme serves the visitor's site.

Plugins describe their pages as abstract mixins so that a site with its own
base page model brings its own concrete classes; these helpers look pages up
by mixin, across every concrete class that uses it.
"""

import copy

from django.apps import apps
from django.db.models import Q

from .content_memo import remembered

#: Attribute of the request where pages already found are kept, by mixin:
#: a listing asks for its page once per item otherwise.
REQUEST_CACHE = "_maillage_live_pages"


def concrete_models(mixin):
    """Every installed, concrete model class that uses ``mixin``."""
    return [model for model in apps.get_models() if issubclass(model, mixin) and not model._meta.abstract]


def site_root(request):
    """The root page of the request's site (None without a request or site)."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


def under_site(queryset, request):
    """Pages of ``queryset`` within the request's site (all without one)."""
    root = site_root(request)
    return queryset.descendant_of(root, inclusive=True) if root is not None else queryset


def live_page(mixin, request=None):
    """The live, public page using ``mixin`` that serves the request's site
    (see ``first_live_page``), kept on the request."""
    if request is None:
        return first_live_page(mixin, None)
    found = getattr(request, REQUEST_CACHE, None)
    if found is None:
        found = {}
        setattr(request, REQUEST_CACHE, found)
    if mixin not in found:
        # Every uncached page asks for the same few pages: kept in the process
        # under the content version; each request gets its own copy.
        root = site_root(request)
        page = remembered(("live_page", mixin, getattr(root, "pk", None)), lambda: first_live_page(mixin, root=root))
        found[mixin] = copy.copy(page) if page is not None else None
    return found[mixin]


def first_live_page(mixin, request=None, *, root=None):
    """The first live, public page using ``mixin``, in tree order: in the
    request's site if it has one (or below ``root``), else in any site (a link
    sent by email, a preview on another host name still gets an address)."""
    root = root if root is not None else site_root(request)
    for model in concrete_models(mixin):
        pages = public(model.objects.live()).order_by("path")
        found = (pages.descendant_of(root, inclusive=True).first() if root is not None else None) or pages.first()
        if found:
            return found
    return None


def public(queryset):
    """``queryset.public()`` (pages outside any view-restricted section),
    without asking the database for the restrictions again on every call:
    they are kept in the process under the content version."""
    private = Q()
    for path, depth in restricted_sections():  # as PageQuerySet.descendant_of_q(page, inclusive=True)
        private |= Q(path__startswith=path) & Q(depth__gte=depth)
    return queryset.exclude(private) if private else queryset


def restricted_sections():
    """(path, depth) of each view-restricted page (login, password, groups),
    kept in the process under the content version: every public listing asks."""
    from wagtail.models import PageViewRestriction

    return remembered(
        ("restricted_sections",), lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth")))
