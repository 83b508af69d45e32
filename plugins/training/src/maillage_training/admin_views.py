"""Two admin actions on a session beyond editing it: cancelling it (which
emails everyone registered) and marking who attended."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy

from . import booking
from .models import Registration, TrainingSession


class SessionActionView(WagtailAdminTemplateMixin, TemplateView):
    viewset = None
    header_icon = "date"

    def dispatch(self, request, pk):
        if not ModelPermissionPolicy(TrainingSession).user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.session = get_object_or_404(TrainingSession.objects.select_related("training"), pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.session)

    def index_url(self):
        from django.urls import reverse

        return reverse(self.viewset.get_url_name("index"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.session, index_url=self.index_url(), **kwargs)


class CancelSessionView(SessionActionView):
    template_name = "maillage_training/admin/cancel_session.html"
    page_title = gettext_lazy("Cancel the session")

    def get_context_data(self, **kwargs):
        active = self.session.registrations.filter(status__in=Registration.ACTIVE).count()
        return super().get_context_data(people=active, **kwargs)

    def post(self, request, pk):
        if booking.cancel_session(self.session.pk):
            messages.success(request, _("The session is cancelled; everyone registered is told by email."))
        else:
            messages.warning(request, _("This session was already cancelled; nobody was emailed again."))
        return redirect(self.index_url())


class AttendanceView(SessionActionView):
    template_name = "maillage_training/admin/attendance.html"
    page_title = gettext_lazy("Attendance")

    def confirmed(self):
        return self.session.registrations.filter(status=Registration.Status.CONFIRMED).order_by("name")

    def get_context_data(self, **kwargs):
        return super().get_context_data(registrations=self.confirmed(), **kwargs)

    def post(self, request, pk):
        present = {value for value in request.POST.getlist("attended") if value.isdigit()}
        confirmed = self.confirmed()
        with transaction.atomic():
            confirmed.filter(pk__in=present).update(attended=True)
            confirmed.exclude(pk__in=present).update(attended=False)
        messages.success(request, _("Attendance saved."))
        return redirect(request.path)
