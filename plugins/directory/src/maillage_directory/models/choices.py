"""Fixed lists of an actor record (the vocabulary shared with other
networks lives in maillage_core)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalStatus(models.TextChoices):
    ASSOCIATION = "association", _("Association (law of 1901)")
    LOCAL_AUTHORITY = "collectivite", _("Local authority")
    PUBLIC_BODY = "etablissement-public", _("Public body")
    FOUNDATION = "fondation", _("Foundation")
    COMPANY = "entreprise", _("Company")
    COOPERATIVE = "cooperative", _("Cooperative")
    INFORMAL = "collectif", _("Informal group")
    OTHER = "autre", _("Other")


class SizeBand(models.TextChoices):
    NONE = "0", _("none")
    UP_TO_10 = "1-10", _("1 to 10")
    UP_TO_50 = "11-50", _("11 to 50")
    UP_TO_250 = "51-250", _("51 to 250")
    MORE = "250+", _("more than 250")
