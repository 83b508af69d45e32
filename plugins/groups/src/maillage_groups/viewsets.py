"""The officer's and the coordinators' screens, under one "Working groups"
menu: groups and meetings (Wagtail's page listings, each person seeing the
pages they may edit), members with CSV/XLSX export, and pending join
requests to approve or decline.

Coordinators see the memberships of the groups they coordinate only, and
cannot make anyone a coordinator (that grants admin rights: the officer
does it).
"""

import django_filters
from django.contrib import messages
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from maillage_core.spreadsheets import NeutralisedExportMixin

from . import memberships
from .access import access_for
from .models import GroupPage, MeetingPage, Membership

# -- pages ------------------------------------------------------------------


class GroupIndexView(PageIndexView):
    def annotate_queryset(self, pages):
        return super().annotate_queryset(pages).annotate(
            member_total=Count("memberships", filter=Q(memberships__status=Membership.Status.MEMBER)),
            pending_total=Count("memberships", filter=Q(memberships__status=Membership.Status.PENDING)),
        )


class GroupListingViewSet(PageListingViewSet):
    model = GroupPage
    icon = "group"
    menu_label = _("Groups")
    index_view_class = GroupIndexView
    columns = PageIndexView.base_columns + [
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("status_label", label=_("Status"), accessor="get_status_display"),
        Column("member_total", label=_("Members")),
        Column("pending_total", label=_("Pending requests")),
    ]


class MeetingIndexView(PageIndexView):
    default_ordering = "-start"

    def get_valid_orderings(self):
        return super().get_valid_orderings() + ["start", "-start"]

    def annotate_queryset(self, pages):
        return super().annotate_queryset(pages).annotate(
            attending_total=Count("attendance_replies", filter=Q(attendance_replies__attending=True)),
            absent_total=Count("attendance_replies", filter=Q(attendance_replies__attending=False)),
        )


class MeetingListingViewSet(PageListingViewSet):
    model = MeetingPage
    icon = "date"
    menu_label = _("Meetings")
    index_view_class = MeetingIndexView
    columns = PageIndexView.base_columns + [
        DateColumn("start", label=_("Date"), sort_key="start"),
        BooleanColumn("members_only", label=_("Members only")),
        Column("attending_total", label=_("Will attend")),
        Column("absent_total", label=_("Won't attend")),
    ]


# -- memberships ------------------------------------------------------------


def managed_memberships(user, queryset):
    access = access_for(user)
    if access.officer:
        return queryset
    return queryset.filter(group_id__in=sorted(access.coordinates))


class MembershipFilterSet(WagtailFilterSet):
    group = django_filters.ModelChoiceFilter(label=_("Working group"), queryset=GroupPage.objects.order_by("title"))

    class Meta:
        model = Membership
        fields = ["group", "status", "is_coordinator"]


class MembershipForm(WagtailAdminModelForm):
    """Status and emails; the coordinator flag for the officer only. Status
    changes go through ``memberships`` (checks, emails)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial_status = self.instance.status
        officer = for_user is not None and access_for(for_user).officer
        if not officer and "is_coordinator" in self.fields:
            self.fields["is_coordinator"].disabled = True


class MembershipIndexView(NeutralisedExportMixin, generic.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("user", "group")
        return managed_memberships(self.request.user, queryset)


class MembershipEditView(generic.EditView):
    def get_queryset(self):
        return managed_memberships(self.request.user, Membership.objects.select_related("user", "group"))

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def save_instance(self):
        membership = self.form.instance
        wanted, previous = membership.status, self.form.initial_status
        fields = ["notify_meetings", "notify_minutes", "updated_at"]
        if {"notify_meetings", "notify_minutes"} & set(self.form.changed_data):
            # Unsubscribe links sent before this change stop working.
            membership.notifications_version += 1
            fields.append("notifications_version")
        if "is_coordinator" in self.form.changed_data and not self.form.fields["is_coordinator"].disabled:
            fields.append("is_coordinator")
        membership.save(update_fields=fields)
        try:
            if wanted != previous:
                apply_status(membership.pk, previous, wanted, self.request.user)
        except memberships.Refused as refusal:
            messages.error(self.request, str(refusal))
        membership.refresh_from_db()
        return membership


def apply_status(membership_id, previous, wanted, by):
    Status = Membership.Status
    if previous == Status.PENDING and wanted in (Status.MEMBER, Status.DECLINED):
        memberships.decide(membership_id, approve=wanted == Status.MEMBER, by=by)
    elif previous == Status.MEMBER and wanted == Status.REMOVED:
        memberships.remove(membership_id, by=by)
    else:
        raise memberships.Refused(
            _("A membership goes from “request pending” to “member” or “request declined”, and from “member” "
              "to “removed”. The status was left as it was.")
        )


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Members")
    form_fields = ["status", "is_coordinator", "notify_meetings", "notify_minutes"]
    edit_handler = ObjectList(
        [FieldPanel("status"), FieldPanel("is_coordinator"), FieldPanel("notify_meetings"), FieldPanel("notify_minutes")],
        base_form_class=MembershipForm,
    )
    index_view_class = MembershipIndexView
    edit_view_class = MembershipEditView
    filterset_class = MembershipFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__email", "group__title"]
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    ordering = ["group__title", "user__last_name"]

    @property
    def list_display(self):
        return [
            Column("person_name", label=_("Person"), accessor="person_name"),
            Column("email", label=_("Email"), accessor="user.email"),
            Column("group", label=_("Working group"), accessor="group.title"),
            Column("status", label=_("Status"), accessor="get_status_display"),
            BooleanColumn("is_coordinator", label=_("Coordinator")),
            DateColumn("requested_at", label=_("Requested")),
        ]

    list_export = ["person_name", "user.email", "group.title", "status", "is_coordinator", "requested_at",
                   "decided_at", "notify_meetings", "notify_minutes"]
    export_headings = {
        "person_name": _("Person"),
        "user.email": _("Email"),
        "group.title": _("Working group"),
        "status": _("Status"),
        "is_coordinator": _("Coordinator"),
        "requested_at": _("Requested"),
        "decided_at": _("Decided"),
        "notify_meetings": _("Emails: meetings"),
        "notify_minutes": _("Emails: minutes"),
    }
    export_filename = "membres-groupes-de-travail"


class PendingIndexView(MembershipIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(status=Membership.Status.PENDING)


class PendingRequestViewSet(MembershipViewSet):
    menu_label = _("Join requests")
    icon = "help"
    index_view_class = PendingIndexView
    list_export = []

    @property
    def list_display(self):
        return [
            Column("person_name", label=_("Person"), accessor="person_name"),
            Column("email", label=_("Email"), accessor="user.email"),
            Column("group", label=_("Working group"), accessor="group.title"),
            Column("message", label=_("Message")),
            DateColumn("requested_at", label=_("Requested")),
        ]


class GroupsViewSetGroup(ViewSetGroup):
    menu_label = _("Working groups")
    menu_icon = "group"
    menu_order = 310
    items = (
        GroupListingViewSet("maillage_groups_groups"),
        MeetingListingViewSet("maillage_groups_meetings"),
        MembershipViewSet("maillage_groups_members"),
        PendingRequestViewSet("maillage_groups_requests"),
    )
