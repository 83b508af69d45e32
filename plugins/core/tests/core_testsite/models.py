from wagtail.models import Page
from wagtail.search import index

from maillage_core.models import MaillagePageMixin


class ArticlePage(MaillagePageMixin, Page):
    """A page using the mixin, as a plugin's own page would."""

    search_fields = Page.search_fields + [index.SearchField("search_description")]
