from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaillageTrainingConfig(AppConfig):
    name = "maillage_training"
    label = "maillage_training"
    verbose_name = _("Maillage: trainings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers system checks)
        from .viewsets import register_policies

        register_policies()
