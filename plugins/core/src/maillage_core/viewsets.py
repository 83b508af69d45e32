"""Admin screens for the shared vocabulary, under one "Vocabulary" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ActorType, Department, PendingIndexUpdate, Sector, SustainableDevelopmentGoal


class SectorViewSet(ModelViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Sectors")
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]
    form_fields = ["name", "name_en", "slug", "sort_order"]
    inspect_view_enabled = True


class ActorTypeViewSet(SectorViewSet):
    model = ActorType
    icon = "group"
    menu_label = _("Actor types")


class SustainableDevelopmentGoalViewSet(ModelViewSet):
    model = SustainableDevelopmentGoal
    icon = "globe"
    menu_label = _("SDGs")
    list_display = ["number", "name_fr", "name_en"]
    form_fields = ["name_fr", "name_en"]
    inspect_view_enabled = True


class DepartmentViewSet(SustainableDevelopmentGoalViewSet):
    model = Department
    icon = "site"
    menu_label = _("Departments")
    list_display = ["code", "name", "region"]
    list_filter = ["region"]
    search_fields = ["code", "name", "region"]
    form_fields = ["name", "region"]


class PendingIndexUpdateViewSet(SustainableDevelopmentGoalViewSet):
    model = PendingIndexUpdate
    icon = "warning"
    menu_label = _("Pending index updates")
    list_display = ["app_label", "model_name", "object_pk", "action", "attempts", "updated_at"]
    list_filter = ["app_label", "action"]
    form_fields = ["action"]


class VocabularyViewSetGroup(ViewSetGroup):
    menu_label = _("Vocabulary")
    menu_icon = "list-ul"
    menu_order = 900
    items = (
        SectorViewSet("maillage_sectors"),
        ActorTypeViewSet("maillage_actor_types"),
        SustainableDevelopmentGoalViewSet("maillage_sdgs"),
        DepartmentViewSet("maillage_departments"),
        PendingIndexUpdateViewSet("maillage_pending_index_updates"),
    )
