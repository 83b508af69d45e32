"""Admin screens of the directory, under one "Directory" menu."""

import django_filters
from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import BooleanColumn, UpdatedAtColumn
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from maillage_core.spreadsheets import NeutralisedExportMixin

from .models import Actor, Submission
from .views import admin as admin_views


class ActorFilterSet(WagtailFilterSet):
    country = django_filters.ChoiceFilter(
        label=_("Country of intervention"), choices=lambda: list(countries), method="filter_country"
    )

    class Meta:
        model = Actor
        fields = ["actor_type", "department", "live", "sectors"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(countries__contains=value) if value else queryset


class ActorIndexView(NeutralisedExportMixin, IndexView):
    """The admin export is for staff (it carries the contact person); what
    a spreadsheet would run as a formula is written as text, in CSV and XLSX."""


class ActorViewSet(SnippetViewSet):
    model = Actor
    icon = "group"
    menu_label = _("Actors")
    list_display = ["name", "actor_type", "city", "department", UpdatedAtColumn(), BooleanColumn("live")]
    list_per_page = 50
    filterset_class = ActorFilterSet
    search_fields = ["name", "acronym", "city"]
    inspect_view_enabled = True
    list_export = [
        "external_key", "name", "acronym", "actor_type", "legal_status", "address", "postcode", "city",
        "department", "website", "email", "phone", "country_codes", "sector_list", "sdg_list",
        "contact_name", "contact_email", "live", "last_confirmed_at", "updated_at",
    ]
    export_headings = {
        "country_codes": _("countries"), "sector_list": _("sectors"), "sdg_list": _("SDGs"),
    }
    export_filename = "acteurs"
    index_view_class = ActorIndexView

    edit_handler = TabbedInterface([
        ObjectList([
            FieldPanel("name"), FieldPanel("acronym"), FieldPanel("slug"), FieldPanel("actor_type"),
            FieldPanel("legal_status"), FieldPanel("description"),
            MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
            MultiFieldPanel([FieldPanel("year_founded"), FieldPanel("members"), FieldPanel("volunteers"),
                             FieldPanel("staff")], heading=_("Size")),
        ], heading=_("Identity")),
        ObjectList([
            FieldPanel("address"), FieldPanel("address_public"), FieldPanel("postcode"), FieldPanel("city"),
            FieldPanel("department"), FieldPanel("website"), FieldPanel("email"), FieldPanel("email_public"),
            FieldPanel("phone"), FieldPanel("phone_public"), FieldPanel("facebook_url"), FieldPanel("linkedin_url"),
            FieldPanel("instagram_url"),
        ], heading=_("Contact details")),
        ObjectList([
            FieldPanel("countries"),
            FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
            FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
            InlinePanel("projects", heading=_("Projects abroad"), label=_("project")),
        ], heading=_("Action abroad")),
        ObjectList([
            FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email"),
            FieldPanel("contact_phone"), FieldPanel("last_confirmed_at"), FieldPanel("external_key"),
        ], heading=_("Private")),
    ])


class SubmissionViewSet(ModelViewSet):
    model = Submission
    icon = "mail"
    menu_label = _("Submissions")
    list_display = ["actor", "kind", "submitter_name", "submitter_email", "created_at"]
    list_filter = ["kind"]
    search_fields = ["submitter_name", "submitter_email", "actor__name"]
    inspect_view_enabled = True
    form_fields = ["message"]


class ImportViewSet(ViewSet):
    icon = "upload"
    menu_label = _("Import and export")
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return [
            path("", admin_views.ImportView.as_view(), name="import"),
            path("export/", admin_views.export_thesaurus, name="export"),
            path("<int:pk>/request-update/", admin_views.RequestUpdateView.as_view(), name="request_update"),
        ]


class DirectoryViewSetGroup(ViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "group"
    menu_order = 250
    items = (
        ActorViewSet,
        SubmissionViewSet("maillage_directory_submissions"),
        ImportViewSet("maillage_directory_import"),
    )
