from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaillageCountriesConfig(AppConfig):
    name = "maillage_countries"
    label = "maillage_countries"
    verbose_name = _("Maillage: country zooms")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers system checks)
