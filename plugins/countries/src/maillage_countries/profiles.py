"""What the officer writes about a country she chooses: an introduction and
key facts, in a snippet (menu "Countries"). Nothing is fetched at run time."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

INTRO_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class CountryProfile(models.Model):
    """A country page's introduction and facts."""

    country = CountryField(_("country"), unique=True)
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES,
                          help_text=_("The network's words on the country: its links with the region, its context."))
    capital = models.CharField(_("capital"), max_length=100, blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True,
                                 help_text=_("For example: French (official), Wolof, Pulaar."))
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population in the year"), null=True, blank=True)
    embassy_url = models.URLField(_("French embassy"), blank=True, help_text=_("The address of its website."))
    travel_advice_url = models.URLField(
        _("travel advice"), blank=True,
        help_text=_("The Ministry for Europe and Foreign Affairs' page of advice to travellers for this country."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("country"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("capital"), FieldPanel("languages"), FieldPanel("population"), FieldPanel("population_year"),
             FieldPanel("embassy_url"), FieldPanel("travel_advice_url")],
            heading=_("Key facts"),
        ),
    ]
    class Meta:
        verbose_name = _("country profile")
        verbose_name_plural = _("country profiles")
        ordering = ["country"]

    def __str__(self):
        return str(self.country.name)

    @property
    def has_facts(self):
        return bool(self.capital or self.languages or self.population or self.embassy_url or self.travel_advice_url)
