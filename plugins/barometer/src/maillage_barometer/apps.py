from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaillageBarometerConfig(AppConfig):
    name = "maillage_barometer"
    label = "maillage_barometer"
    verbose_name = _("Maillage: barometer")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from . import checks  # noqa: F401  (registers system checks)
        from .closing import schedule
        from .models import EditionPage

        page_published.connect(schedule, sender=EditionPage, dispatch_uid="maillage_barometer_closing")
