"""Admin lists of subscribers and of sendings, under one "Subscriptions" menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Mailing, Subscriber


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    list_display = ["email", "status_label", "language", "frequency", "confirmed_at", "hard_failures"]
    list_filter = ["language", "frequency"]
    search_fields = ["email"]
    # Topics and consents are the subscriber's own doing, through the signed links.
    form_fields = ["language", "frequency", "hard_failures", "suspended_at"]
    inspect_view_enabled = True
    inspect_view_fields = ["email", "language", "frequency", "created_at", "confirmed_at", "unsubscribed_at",
                           "hard_failures", "suspended_at"]
    add_view_enabled = False
    copy_view_enabled = False


class ProgressColumn(Column):
    def get_value(self, instance):
        return _("see the progress")

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["link_url"] = reverse("maillage_subscriptions_admin:progress", args=[instance.pk])
        return context

    cell_template_name = "wagtailadmin/tables/title_cell.html"


class MailingViewSet(ModelViewSet):
    model = Mailing
    icon = "mail"
    menu_label = _("Sendings")
    list_display = ["subject", "topic", "status", "created_at", "finished_at",
                    ProgressColumn("progress", label=_("progress"))]
    list_filter = ["status", "topic"]
    form_fields = []
    add_view_enabled = False
    copy_view_enabled = False
    edit_view_enabled = False
    inspect_view_enabled = False


class SubscriptionViewSetGroup(ViewSetGroup):
    menu_label = _("Subscriptions")
    menu_icon = "mail"
    menu_order = 850
    items = (SubscriberViewSet("maillage_subscribers"), MailingViewSet("maillage_mailings"))
