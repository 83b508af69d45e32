"""Admin screens of funding, under one "Funding" menu."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import BooleanColumn, UpdatedAtColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Funder, FundingCall, ImportSource


class FunderViewSet(SnippetViewSet):
    model = Funder
    icon = "site"
    menu_label = _("Funders")
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("website"), FieldPanel("description")]


class FundingCallViewSet(SnippetViewSet):
    model = FundingCall
    icon = "form"
    menu_label = _("Funding calls")
    list_display = ["title", "closes_on", "permanent", UpdatedAtColumn(), BooleanColumn("live"),
                    BooleanColumn("archived")]
    list_filter = ["live", "archived", "permanent", "funders", "sectors"]
    list_per_page = 50
    search_fields = ["title", "summary"]
    inspect_view_enabled = True

    edit_handler = TabbedInterface([
        ObjectList([
            FieldPanel("title"), FieldPanel("slug"),
            FieldPanel("funders", widget=forms.CheckboxSelectMultiple),
            FieldPanel("summary"), FieldPanel("what_is_funded"),
            MultiFieldPanel([FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                             FieldPanel("permanent"), FieldPanel("recurs_yearly")], heading=_("Dates")),
            MultiFieldPanel([FieldRowPanel([FieldPanel("amount_min"), FieldPanel("amount_max")]),
                             FieldPanel("cofunding_rate")], heading=_("Amount")),
            FieldPanel("how_to_apply"), FieldPanel("official_url"), FieldPanel("documents"), FieldPanel("checked_on"),
        ], heading=_("The call")),
        ObjectList([
            FieldPanel("actor_types", widget=forms.CheckboxSelectMultiple),
            FieldPanel("departments"),
            FieldPanel("countries"),
            FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
            FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
        ], heading=_("Who and where")),
        ObjectList([FieldPanel("suggestion"), FieldPanel("submitter_email")], heading=_("Suggestion")),
    ])


class ImportSourceForm(WagtailAdminModelForm):
    # Django's URLField form field warns of its http default: the address is https unless it says otherwise.
    url = forms.URLField(label=_("address"), max_length=500, required=False, assume_scheme="https",
                         help_text=_("Fetched at each run; or upload a file."))

    class Meta:
        model = ImportSource
        fields = ["name", "url", "upload", "format", "mapping", "default_funder", "licence", "publish", "active"]


class ImportSourceViewSet(ModelViewSet):
    model = ImportSource
    icon = "download"
    menu_label = _("Import sources")
    list_display = ["name", "format", "active", "publish", "last_run_at", "report_summary"]
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return ImportSourceForm


class FundingViewSetGroup(ViewSetGroup):
    menu_label = _("Funding")
    menu_icon = "form"
    menu_order = 280
    items = (FundingCallViewSet, FunderViewSet, ImportSourceViewSet("maillage_funding_sources"))
