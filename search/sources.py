"""The site's own search source: its published pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from maillage_core.search.private_pages import exclude_private_pages
from maillage_core.search.sources import QuerysetSearchSource, SearchHit, summary_of


class PageSearchSource(QuerysetSearchSource):
    key = "pages"
    label = _("Pages")
    order = 10
    catch_all = True  # trainings, groups and schemes are pages too
    hit_fields = ("title", "search_description", "url_path")

    def site_root(self, request):
        site = Site.find_for_request(request)
        return site.root_page if site else None

    def get_queryset(self, request):
        pages = Page.objects.live()
        root = self.site_root(request)
        return pages.descendant_of(root, inclusive=True) if root else pages

    def get_public_queryset(self, request):
        # Without the engine: Wagtail's restrictions, and what plugins keep
        # private by fields of their own (a group's members-only minutes).
        return exclude_private_pages(self.get_queryset(request).public())

    def to_hit(self, page, request) -> SearchHit:
        return SearchHit(
            title=page.title,
            url=page.get_url(request=request) or "",
            summary=summary_of(page.search_description),
        )
