from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaillageYouthConfig(AppConfig):
    name = "maillage_youth"
    label = "maillage_youth"
    verbose_name = _("Maillage: youth space")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            checks,  # noqa: F401  (registers system checks)
            signal_handlers,
        )

        signal_handlers.register()
