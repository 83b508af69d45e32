"""The officer's screens, grouped under one "Trainings" menu: sessions with
seat counts (and cancelling one, and attendance), and registrations per
session with CSV/XLSX export and moves between waitlist and seats."""

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from maillage_core.spreadsheets import NeutralisedExportMixin

from . import admin_views, booking, conf
from .models import Registration, TrainingSession


class LinkColumn(Column):
    cell_template_name = "maillage_training/admin/link_cell.html"

    def __init__(self, name, *, get_url, text, **kwargs):
        super().__init__(name, accessor="pk", **kwargs)
        self.get_url, self.text = get_url, text

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(url=self.get_url(instance), text=self.text)
        return context


# -- sessions ---------------------------------------------------------------


class SessionAdminForm(WagtailAdminModelForm):
    """A training is chosen among training pages only; cancelling is its own
    action (it emails everyone registered), so the status offers the rest."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        training = self.fields["training"]
        training.queryset = conf.training_page_model().objects.order_by("title")
        training.widget = forms.Select()
        training.widget.choices = training.choices
        if not (self.instance.pk and self.instance.is_cancelled):
            self.fields["status"].choices = [
                choice for choice in TrainingSession.Status.choices if choice[0] != TrainingSession.Status.CANCELLED
            ]


SESSION_PANELS = [
    FieldPanel("training"),
    FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
    FieldPanel("schedule_note"),
    MultiFieldPanel(
        [
            FieldPanel("venue_name"),
            FieldPanel("street_address"),
            FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
            FieldPanel("department"),
            FieldPanel("online_url"),
        ],
        heading=_("Where"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("capacity"),
            FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
            FieldPanel("status"),
        ],
        heading=_("Registration"),
    ),
]


class SessionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().with_counts().select_related("training")


class SessionEditView(generic.EditView):
    def save_instance(self):
        session = super().save_instance()
        # Added seats or a reopened session go to the people waiting first.
        booking.fill_from_waitlist(session.pk)
        return session


class SessionViewSet(ModelViewSet):
    model = TrainingSession
    icon = "date"
    menu_label = _("Sessions")
    edit_handler = ObjectList(SESSION_PANELS, base_form_class=SessionAdminForm)
    index_view_class = SessionIndexView
    edit_view_class = SessionEditView
    list_filter = ["status", "department"]
    ordering = ["-start"]
    copy_view_enabled = True

    @property
    def list_display(self):
        return [
            "__str__",
            Column("start", label=_("Start"), sort_key="start"),
            Column("city", label=_("City")),
            Column("capacity", label=_("Seats")),
            Column("confirmed_count", label=_("Confirmed")),
            Column("waitlist_count", label=_("Waiting")),
            Column("status", accessor="get_status_display", label=_("Status")),
            LinkColumn(
                "registrations",
                label=_("Registrations"),
                get_url=lambda s: reverse("maillage_training_registrations:index") + f"?session={s.pk}",
                text=_("Registrations"),
            ),
            LinkColumn(
                "attendance",
                label=_("Attendance"),
                get_url=lambda s: reverse(self.get_url_name("attendance"), args=[s.pk]),
                text=_("Mark attendance"),
            ),
            LinkColumn(
                "cancel",
                label=_("Cancel"),
                get_url=lambda s: "" if s.is_cancelled else reverse(self.get_url_name("cancel"), args=[s.pk]),
                text=_("Cancel the session"),
            ),
        ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("cancel/<int:pk>/", admin_views.CancelSessionView.as_view(viewset=self), name="cancel"),
            path("attendance/<int:pk>/", admin_views.AttendanceView.as_view(viewset=self), name="attendance"),
        ]


# -- registrations ----------------------------------------------------------


class RegistrationFilterSet(WagtailFilterSet):
    session = django_filters.ModelChoiceFilter(
        label=_("Session"), queryset=TrainingSession.objects.select_related("training").order_by("-start")
    )

    class Meta:
        model = Registration
        fields = ["session", "status", "attended"]


class RegistrationIndexView(NeutralisedExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("session__training")


class RegistrationStatusForm(WagtailAdminModelForm):
    """Status and attendance; status changes go through ``booking`` (locks, promotion, emails)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial_status = self.instance.status


class RegistrationEditView(generic.EditView):
    def save_instance(self):
        registration = self.form.instance
        wanted, previous = registration.status, self.form.initial_status
        Registration.objects.filter(pk=registration.pk).update(attended=registration.attended)
        if wanted != previous:
            if wanted == Registration.Status.CANCELLED:
                booking.cancel_registration(registration.pk)
            elif previous != Registration.Status.CANCELLED:
                booking.move_registration(registration.pk, wanted)
        registration.refresh_from_db()
        return registration


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """People register through the public form, which counts seats and asks
    consent; a registration is cancelled (its seat goes to the waitlist) or
    erased by the personal-data commands, never deleted from the admin."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "user"
    menu_label = _("Registrations")
    edit_handler = ObjectList([FieldPanel("status"), FieldPanel("attended")], base_form_class=RegistrationStatusForm)
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    copy_view_enabled = False
    list_per_page = 50
    list_display = ["name", "email", "organisation", "session", "status", "attended", "created_at"]
    list_export = [
        "session", "status", "name", "email", "organisation", "role", "accessibility_needs", "attended", "created_at",
    ]
    export_filename = "inscriptions"


class TrainingViewSetGroup(ViewSetGroup):
    menu_label = _("Trainings")
    menu_icon = "date"
    menu_order = 300
    items = (
        SessionViewSet("maillage_training_sessions"),
        RegistrationViewSet("maillage_training_registrations"),
    )


def register_policies():
    from wagtail.permissions import register_permission_policy

    register_permission_policy(Registration, RegistrationPermissionPolicy(Registration), exact_class=True)
