"""Admin menu "Editorial": the news, issues of La Lettre and resources as
filterable page listings, and the news categories; the contact page's
messages (Wagtail's form submissions listing)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from maillage_core.spreadsheets import NeutralisedExportMixin

from .models import NewsCategory, NewsletterIssuePage, NewsPage, ResourcePage


class ContactSubmissionsListView(NeutralisedExportMixin, SubmissionsListView):
    """A contact page's messages: visitors typed them, so their CSV and XLSX
    exports write what a spreadsheet would run as a formula as text."""


class NewsPageListingViewSet(PageListingViewSet):
    model = NewsPage
    icon = "doc-full"
    menu_label = _("News")


class NewsletterIssueListingViewSet(PageListingViewSet):
    model = NewsletterIssuePage
    icon = "mail"
    menu_label = _("La Lettre")


class ResourceListingViewSet(PageListingViewSet):
    model = ResourcePage
    icon = "folder-open-inverse"
    menu_label = _("Resources")


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("News categories")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class EditorialViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Editorial")
    menu_icon = "doc-full-inverse"
    menu_order = 150
    items = (
        NewsPageListingViewSet("editorial_news"),
        NewsletterIssueListingViewSet("editorial_newsletter"),
        ResourceListingViewSet("editorial_resources"),
        NewsCategoryViewSet,
    )
