from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaillageFundingConfig(AppConfig):
    name = "maillage_funding"
    label = "maillage_funding"
    verbose_name = _("Maillage: funding calls")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            checks,  # noqa: F401  (registers system checks)
            signal_handlers,
        )

        signal_handlers.register()
