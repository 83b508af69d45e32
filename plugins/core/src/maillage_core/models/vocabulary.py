"""The thesaurus shared by the regional networks: every plugin describes
actors, trainings, groups and offers with these same words, so that a
country or a sector means the same thing across the site."""

from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class BilingualNameMixin(models.Model):
    """French name first; the English one shows when the visitor reads English."""

    name = models.CharField(_("name (French)"), max_length=150, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    @property
    def label(self):
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class Sector(BilingualNameMixin):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class ActorType(BilingualNameMixin):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("actor type")
        verbose_name_plural = _("actor types")


class SustainableDevelopmentGoal(models.Model):
    """One of the 17 UN goals; fixed, so read-only in the admin."""

    number = models.PositiveSmallIntegerField(pgettext_lazy("SDG", "number"), primary_key=True)
    name_fr = models.CharField(_("name (French)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150)

    class Meta:
        ordering = ["number"]
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")

    def __str__(self):
        return _("SDG %(number)s: %(name)s") % {"number": self.number, "name": self.label}

    @property
    def label(self):
        if (get_language() or "").startswith("en"):
            return self.name_en
        return self.name_fr


class Department(models.Model):
    """A French department, identified by its official code (01…95, 2A, 2B, 971…)."""

    code = models.CharField(_("code"), max_length=3, primary_key=True)
    name = models.CharField(_("name"), max_length=80)
    region = models.CharField(_("region"), max_length=80)

    class Meta:
        ordering = ["code"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.label

    @property
    def label(self):
        return f"{self.name} ({self.code})"
