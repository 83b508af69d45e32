"""What the youth pages share: the parameters of their listings and the
canonical address of a routable page's sub-views."""

from maillage_core.models import MaillagePageMixin

#: Query-string parameters of filtered or paged listings: such variants are
#: not indexed by search engines (they repeat the plain listing).
LISTING_PARAMETERS = ("q", "type", "pays", "secteur", "debut", "tri", "page", "age", "duree", "budget", "diplome",
                      "region")


def sub_view_canonical_url(page, request):
    """A route of a routable page (an offer, the offer form) is a page of its
    own for search engines: its canonical address is its path, without the
    query string."""
    if request is not None and getattr(request, "routable_resolver_match", None) is not None:
        return request.build_absolute_uri(request.path)
    return MaillagePageMixin.get_canonical_url(page, request)
