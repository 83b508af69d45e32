from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaillageDirectoryConfig(AppConfig):
    name = "maillage_directory"
    label = "maillage_directory"
    verbose_name = _("Maillage: actor directory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            checks,  # noqa: F401  (registers system checks)
            signal_handlers,
        )

        signal_handlers.register()
