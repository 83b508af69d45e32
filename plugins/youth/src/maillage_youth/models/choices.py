"""Closed lists of the youth space. Their values travel in URLs and feeds,
so they are stable English keys; the labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfferKind(models.TextChoices):
    JOB = "job", _("Job")
    INTERNSHIP = "internship", _("Internship")
    VOLUNTEERING = "volunteering", _("Volunteering")
    CIVIC_SERVICE = "civic_service", _("Civic service")


class WorldRegion(models.TextChoices):
    """Where a scheme can take someone: broad enough for a young person's
    first question ("I would like to go to Africa")."""

    EUROPE = "europe", _("Europe")
    AFRICA = "africa", _("Sub-Saharan Africa")
    MENA = "mena", _("North Africa and Middle East")
    AMERICAS = "americas", _("Americas and Caribbean")
    ASIA_PACIFIC = "asia_pacific", _("Asia and Pacific")


class DiplomaLevel(models.IntegerChoices):
    """French levels, in order: a scheme asking for one accepts any above."""

    NONE = 0, _("No diploma")
    CAP = 1, _("CAP or BEP")
    BAC = 2, _("Baccalauréat")
    BAC_2 = 3, _("Bac+2 (BTS, DUT…)")
    BAC_3 = 4, _("Bac+3 (licence, BUT)")
    BAC_5 = 5, _("Bac+5 (master…)")


class GuideTopic(models.TextChoices):
    HEALTH = "health", _("Health")
    INSURANCE = "insurance", _("Insurance")
    VISAS = "visas", _("Visas and papers")
    FUNDING = "funding", _("Funding")
    OTHER = "other", _("Preparing to leave")
