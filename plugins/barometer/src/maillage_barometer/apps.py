from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaillageBarometerConfig(AppConfig):
    name = "maillage_barometer"
    label = "maillage_barometer"
    verbose_name = _("Maillage: barometer")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers system checks)
