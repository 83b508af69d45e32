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
