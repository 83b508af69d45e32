"""The admin side of sending a page by email: preview, a test to oneself,
the send, and its progress (refreshed while it runs; resumed by a button
when a worker stopped)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from . import sending, tasks
from .models import Mailing
from .pages import SendableByEmailMixin
from .topics import get_topic


def sendable_page(request, page_id):
    """The live sendable page ``page_id`` the user may publish, else 404/403."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, SendableByEmailMixin) or not page.email_topic:
        raise Http404
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return page


class SendPageView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "maillage_core/subscriptions/admin/send.html"
    page_title = gettext_lazy("Send by email")
    header_icon = "mail"

    def dispatch(self, request, page_id):
        self.page = sendable_page(request, page_id)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        mailing = Mailing.objects.filter(page=self.page).first()
        topic = get_topic(self.page.email_topic)
        return super().get_context_data(
            page=self.page, mailing=mailing, topic=topic,
            recipients=sending.Subscriber.objects.active().filter(topics__topic=self.page.email_topic).count(),
            preview_url=reverse("maillage_subscriptions_admin:preview", args=[self.page.pk]),
            **kwargs,
        )

    def post(self, request, page_id):
        action = request.POST.get("action")
        if action == "test":
            if not request.user.email:
                messages.error(request, _("Your account has no email address: add one in your account settings."))
            else:
                sending.send_test(self.page, request)
                messages.success(request, _("A test was sent to %(email)s.") % {"email": request.user.email})
            return redirect("maillage_subscriptions_admin:send", page_id=self.page.pk)
        if action == "send":
            if not self.page.live:
                messages.error(request, _("Publish the page first: the email links to its web version."))
                return redirect("maillage_subscriptions_admin:send", page_id=self.page.pk)
            if request.POST.get("confirm") != "yes":
                messages.error(request, _("Tick the box to confirm that this issue goes to every subscriber."))
                return redirect("maillage_subscriptions_admin:send", page_id=self.page.pk)
            mailing, created = sending.start(self.page, request)
            if created:
                tasks.enqueue(mailing.pk)
                messages.success(request, _("Sending has started."))
            else:
                messages.warning(request, _("This page was already sent; nobody receives it twice."))
            return redirect("maillage_subscriptions_admin:progress", mailing_id=mailing.pk)
        return redirect("maillage_subscriptions_admin:send", page_id=self.page.pk)


@xframe_options_sameorigin
def preview(request, page_id):
    """The email as subscribers will see it, for the send screen's frame."""
    page = sendable_page(request, page_id)
    _subject, html, _text = sending.render_page_email(page, request)
    return HttpResponse(sending.personal(html, "apercu"))


class ProgressView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "maillage_core/subscriptions/admin/progress.html"
    page_title = gettext_lazy("Sending progress")
    header_icon = "mail"

    def dispatch(self, request, mailing_id):
        self.mailing = get_object_or_404(Mailing, pk=mailing_id)
        if self.mailing.page_id:
            sendable_page(request, self.mailing.page_id)  # the same right as to send it
        elif not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, mailing_id)

    def get_page_subtitle(self):
        return self.mailing.subject

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            mailing=self.mailing, progress=sending.progress(self.mailing), stalled=sending.stalled(self.mailing),
            sending=self.mailing.status == Mailing.Status.SENDING, **kwargs,
        )

    def post(self, request, mailing_id):
        if self.mailing.status == Mailing.Status.SENDING:
            tasks.enqueue(self.mailing.pk)
            messages.success(request, _("Sending resumes where it stopped; nobody receives the issue twice."))
        return redirect("maillage_subscriptions_admin:progress", mailing_id=self.mailing.pk)
