from django.db import models
from django.utils.translation import gettext_lazy as _


class TrainingFormat(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (on site and online)")
