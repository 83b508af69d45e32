"""What the site's listings (news, La Lettre, resources) share: a queryset
of the public items under a page, fetched with everything their cards show
in a constant number of queries."""

from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from maillage_core.site_pages import public


class ListedPageQuerySet(PageQuerySet):
    #: Ordering of the listing, newest first.
    listing_order = ("-pk",)
    #: Image foreign key shown on each card, if any.
    card_image = None

    def listed_in(self, ancestor):
        """The live, public items under ``ancestor`` as the listing shows them."""
        queryset = public(self.live()).descendant_of(ancestor).order_by(*self.listing_order)
        if self.card_image:
            # Not its renditions: cards draw the image with ``kept_picture``,
            # its HTML kept under the content version. Only the first visitor
            # after a change asks for each image's renditions: one query per
            # image of the page, never more than a page holds.
            queryset = queryset.select_related(self.card_image)
        return queryset


def listing_manager(queryset_class):
    return PageManager.from_queryset(queryset_class)()
