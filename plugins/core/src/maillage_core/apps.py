from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaillageCoreConfig(AppConfig):
    name = "maillage_core"
    label = "maillage_core"
    verbose_name = _("Maillage: shared vocabulary")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers system checks)
        from .page_cache import signals as page_cache_signals
        from .permissions import register_policies
        from .search import signal_handlers
        from .spreadsheets import neutralise_every_admin_export
        from .subscriptions import checks as subscription_checks  # noqa: F401  (registers them)

        signal_handlers.register()
        page_cache_signals.register()
        neutralise_every_admin_export()
        register_policies()
        register_identity_setting()


def register_identity_setting():
    """Settings › Identity in the admin, where the host has Wagtail's settings
    app (its edit view); without it the identity keeps its defaults
    (maillage_core.W012 says so)."""
    from django.conf import settings

    if "wagtail.contrib.settings" in settings.INSTALLED_APPS:
        from wagtail.contrib.settings.registry import register_setting

        from .models import IdentitySettings

        register_setting(IdentitySettings, icon="image")
