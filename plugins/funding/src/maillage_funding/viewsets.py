"""Admin screens of funding, under one "Funding" menu."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import BooleanColumn, UpdatedAtColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem
from wagtail.snippets.views.snippets import SnippetViewSet

from . import tasks
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


class ImportSourceIndexView(IndexView):
    import_url_name = ""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            buttons.append(MenuItem(_("Import now"), url=reverse(self.import_url_name, args=[instance.pk]),
                                    icon_name="download", priority=15))
        return buttons


class ImportNowView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then queue a run of one source (``tasks``); the list of sources shows its progress."""

    template_name = "maillage_funding/admin/import_now.html"
    page_title = _("Import now")
    header_icon = "download"
    permission_policy = None
    index_url_name = ""

    def dispatch(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.source = get_object_or_404(ImportSource, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.source.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(source=self.source, index_url=reverse(self.index_url_name), **kwargs)

    def post(self, request, pk):
        tasks.enqueue(self.source)
        messages.success(request, gettext("The import of “%(source)s” is queued; its progress shows in this list.")
                         % {"source": self.source.name})
        return redirect(self.index_url_name)


class ImportSourceViewSet(ModelViewSet):
    model = ImportSource
    icon = "download"
    menu_label = _("Import sources")
    list_display = ["name", "format", "active", "publish", "last_run_at", "report_summary", "run_progress"]
    inspect_view_enabled = True
    index_view_class = ImportSourceIndexView

    def get_form_class(self, for_update=False):
        return ImportSourceForm

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(import_url_name=self.get_url_name("import_now"), **kwargs)

    def get_urlpatterns(self):
        import_now = ImportNowView.as_view(permission_policy=self.permission_policy,
                                           index_url_name=self.get_url_name("index"))
        return [*super().get_urlpatterns(), path("<int:pk>/importer/", import_now, name="import_now")]


class FundingViewSetGroup(ViewSetGroup):
    menu_label = _("Funding")
    menu_icon = "form"
    menu_order = 280
    items = (FundingCallViewSet, FunderViewSet, ImportSourceViewSet("maillage_funding_sources"))
