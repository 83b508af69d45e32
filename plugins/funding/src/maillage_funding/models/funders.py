"""Funders: who pays. A plain snippet the officer keeps; calls name them."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class FunderKind(models.TextChoices):
    STATE = "state", _("State or ministry")
    REGION = "region", _("Region")
    DEPARTMENT = "department", _("Department")
    CITY = "city", _("City or group of towns")
    EU = "eu", _("European Union")
    FOUNDATION = "foundation", _("Foundation")
    COMPANY = "company", _("Company")
    AGENCY = "agency", _("Agency")


class Funder(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    kind = models.CharField(_("kind of funder"), max_length=20, choices=FunderKind.choices)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("funder")
        verbose_name_plural = _("funders")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120] or "financeur"
        super().save(*args, **kwargs)
