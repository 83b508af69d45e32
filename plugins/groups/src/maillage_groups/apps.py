from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaillageGroupsConfig(AppConfig):
    name = "maillage_groups"
    label = "maillage_groups"
    verbose_name = _("Maillage: working groups")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            checks,  # noqa: F401  (registers system checks)
            signal_handlers,
        )

        signal_handlers.register()
