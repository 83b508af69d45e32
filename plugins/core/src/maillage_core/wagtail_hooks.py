from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from .hooks import PAGE_CACHE_IGNORED_MODELS, PERSONAL_DATA
from .personal_data import admin_views as personal_data_views
from .personal_data import core_kinds
from .subscriptions import admin_urls
from .subscriptions.pages import SendableByEmailMixin
from .subscriptions.viewsets import SubscriptionViewSetGroup
from .viewsets import VocabularyViewSetGroup


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return personal_data_views.allowed(request.user)


@hooks.register("register_admin_viewset")
def register_vocabulary():
    return VocabularyViewSetGroup()


@hooks.register("register_admin_viewset")
def register_subscriptions():
    return SubscriptionViewSetGroup()


@hooks.register("register_admin_urls")
def subscription_admin_urls():
    return [path("abonnements/", include(admin_urls))]


def send_by_email_button(page, user, priority):
    sendable = issubclass(page.specific_class or type(page), SendableByEmailMixin)
    if sendable and page.permissions_for_user(user).can_publish():
        yield Button(_("Send by email"), reverse("maillage_subscriptions_admin:send", args=[page.pk]),
                     icon_name="mail", priority=priority)


@hooks.register("register_page_header_buttons")
def page_header_send_button(page, user, view_name, next_url=None):
    yield from send_by_email_button(page, user, priority=68)


@hooks.register("register_page_listing_more_buttons")
def page_listing_send_button(page, user, next_url=None):
    yield from send_by_email_button(page, user, priority=55)


@hooks.register(PERSONAL_DATA)
def personal_data_of_core():
    return core_kinds.kinds()


@hooks.register("register_admin_urls")
def personal_data_admin_urls():
    return [path("donnees-personnelles/", personal_data_views.PersonalDataView.as_view(), name="maillage_personal_data")]


@hooks.register("register_log_actions")
def personal_data_log_actions(actions):
    actions.register_action(personal_data_views.ERASED, _("Erase personal data"),
                            _("Personal data of one person erased on request"))


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data"), reverse("maillage_personal_data"), icon_name="user", order=900,
    )


@hooks.register(PAGE_CACHE_IGNORED_MODELS)
def private_subscription_rows():
    """Subscribers and mail sent: never on a public page, and busy during a send."""
    from .subscriptions import models

    return [models.Subscriber, models.TopicSubscription, models.Consent, models.Mailing, models.Delivery,
            models.DigestRecord]
