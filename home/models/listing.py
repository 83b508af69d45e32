"""What the site's listings (news, La Lettre, resources) share: a queryset
of the public items under a page, fetched with everything their cards show
in a constant number of queries."""

from django.db.models import Prefetch
from wagtail.images import get_image_model
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
            renditions = get_image_model().get_rendition_model().objects.all()
            queryset = queryset.select_related(self.card_image).prefetch_related(
                Prefetch(f"{self.card_image}__renditions", queryset=renditions)
            )
        return queryset


def listing_manager(queryset_class):
    return PageManager.from_queryset(queryset_class)()
