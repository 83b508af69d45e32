"""What the youth pages share: finding concrete page classes by mixin (so
a site with its own base page model can bring its own classes) and the
canonical address of a routable page's sub-views."""

from django.apps import apps

from maillage_core.models import MaillagePageMixin

#: Query-string parameters of filtered or paged listings: such variants are
#: not indexed by search engines (they repeat the plain listing).
LISTING_PARAMETERS = ("q", "type", "pays", "secteur", "debut", "tri", "page", "age", "duree", "budget", "diplome",
                      "region")


def concrete_subclasses(mixin):
    return [model for model in apps.get_models() if issubclass(model, mixin) and not model._meta.abstract]


def sub_view_canonical_url(page, request):
    """A route of a routable page (an offer, the offer form) is a page of its
    own for search engines: its canonical address is its path, without the
    query string."""
    if request is not None and getattr(request, "routable_resolver_match", None) is not None:
        return request.build_absolute_uri(request.path)
    return MaillagePageMixin.get_canonical_url(page, request)


def first_live(mixin, request=None, cache_attribute=None):
    """The first live, public page of a type, preferring the request's site
    (cached on the request): the page offers and testimonies link to."""
    from wagtail.models import Site

    if request is not None and cache_attribute and hasattr(request, cache_attribute):
        return getattr(request, cache_attribute)
    found = None
    site = Site.find_for_request(request) if request is not None else None
    for model in concrete_subclasses(mixin):
        pages = model.objects.live().public().order_by("path")
        found = (pages.descendant_of(site.root_page, inclusive=True).first() if site else None) or pages.first()
        if found:
            break
    if request is not None and cache_attribute:
        setattr(request, cache_attribute, found)
    return found
