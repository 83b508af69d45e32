"""Admin screens of the youth space, under one "Espace Jeunes" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import BooleanColumn, DateColumn, UpdatedAtColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Offer, SchemePage, Testimony


class OfferViewSet(SnippetViewSet):
    model = Offer
    icon = "doc-full-inverse"
    menu_label = _("Offers")
    list_display = ["title", "organisation", "kind", "country", DateColumn("closing_date", label=_("closes")),
                    UpdatedAtColumn(), BooleanColumn("live")]
    list_filter = ["kind", "live", "expired", "sector"]
    list_per_page = 50
    search_fields = ["title", "organisation", "city"]
    inspect_view_enabled = True
    edit_handler = TabbedInterface([
        ObjectList([
            FieldPanel("title"), FieldPanel("slug"), FieldPanel("kind"),
            MultiFieldPanel([FieldPanel("organisation"), FieldPanel("organisation_url")], heading=_("Organisation")),
            FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
            FieldPanel("sector"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldPanel("duration"), FieldPanel("closing_date"), FieldPanel("description"),
            MultiFieldPanel([FieldPanel("how_to_apply"), FieldPanel("application_url"), FieldPanel("application_email")],
                            heading=_("How to apply")),
        ], heading=_("Offer")),
        ObjectList([FieldPanel("submitter_name"), FieldPanel("submitter_email")], heading=_("Submitted by (private)")),
    ])


class TestimonyViewSet(SnippetViewSet):
    model = Testimony
    icon = "openquote"
    menu_label = _("Testimonies")
    list_display = ["title", "author_name", "country", "year", UpdatedAtColumn(), BooleanColumn("live")]
    list_filter = ["live", "year"]
    search_fields = ["title", "author_name", "text"]
    inspect_view_enabled = True
    edit_handler = TabbedInterface([
        ObjectList([
            FieldPanel("title"), FieldPanel("author_name"),
            FieldRowPanel([FieldPanel("scheme"), FieldPanel("scheme_other")]),
            FieldRowPanel([FieldPanel("country"), FieldPanel("year")]),
            FieldPanel("text"),
            MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Photo")),
        ], heading=_("Story")),
        ObjectList([FieldPanel("email"), FieldPanel("consent_at")], heading=_("Author (private)")),
    ])


class SchemeListingViewSet(PageListingViewSet):
    """Every scheme with the date its conditions were checked: the officer
    sees at a glance which ones need a look at their official site."""

    model = SchemePage
    icon = "list-ul"
    menu_label = _("Schemes")
    columns = PageListingViewSet.columns + [
        DateColumn("last_checked", label=_("conditions checked on")),
        BooleanColumn("is_stale", label=_("to check")),
    ]




class YouthViewSetGroup(ViewSetGroup):
    menu_label = _("Espace Jeunes")
    menu_icon = "user"
    menu_order = 270
    items = (
        OfferViewSet,
        TestimonyViewSet,
        SchemeListingViewSet("maillage_youth_schemes"),
    )
