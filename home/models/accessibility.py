"""The accessibility statement, in the structure the RGAA prescribes:
conformance state, test results, non-accessible content (non-conformities,
disproportionate-burden derogations, exempt content), how the statement was
made, feedback and contact, and recourse. The officer updates it after each
audit; its conformance state is shown in every page's footer."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import SHORT_TEXT_FEATURES
from .pages import EditorialPageMixin


class ConformanceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("non-compliant")


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def section_text(label, help_text=""):
    return RichTextField(label, blank=True, features=SHORT_TEXT_FEATURES, help_text=help_text)


class AccessibilityStatementPage(EditorialPageMixin, Page):
    entity_name = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("Left empty: the network's name from the settings.")
    )
    commitment = section_text(
        _("strategy and actions"), _("Links to the multi-year accessibility plan and this year's action plan.")
    )
    status = models.CharField(
        _("conformance status"), max_length=10, choices=ConformanceStatus.choices, default=ConformanceStatus.NONE
    )
    rgaa_version = models.CharField(_("RGAA version"), max_length=10, default="4.1.2")
    audited_by = models.CharField(_("audit carried out by"), max_length=200, blank=True)
    audit_date = models.DateField(_("audit date"), null=True, blank=True)
    compliance_rate = models.DecimalField(
        _("criteria met (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Left empty while no audit has been made."),
    )
    non_conformities = section_text(_("non-conformities"))
    derogations = section_text(_("derogations for disproportionate burden"))
    exempt_content = section_text(_("content not subject to the accessibility obligation"))
    statement_date = models.DateField(_("statement made on"), null=True, blank=True)
    technologies = models.TextField(_("technologies used"), blank=True, help_text=_("One per line."))
    test_environment = models.TextField(
        _("test environment"), blank=True, help_text=_("Browser and assistive technology pairs, one per line.")
    )
    tools = models.TextField(_("evaluation tools"), blank=True, help_text=_("One per line."))
    audited_pages = models.TextField(_("pages checked"), blank=True, help_text=_("One per line."))
    contact = section_text(
        _("feedback and contact"), _("How to reach the person in charge: email, contact form, postal address.")
    )
    recourse = section_text(_("recourse"), _("Left empty: the standard text about the Défenseur des droits."))

    content_panels = Page.content_panels + [
        FieldPanel("entity_name"),
        FieldPanel("commitment"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("rgaa_version")]),
                FieldRowPanel([FieldPanel("audited_by"), FieldPanel("audit_date"), FieldPanel("compliance_rate")]),
            ],
            _("Conformance state and test results"),
        ),
        MultiFieldPanel(
            [FieldPanel("non_conformities"), FieldPanel("derogations"), FieldPanel("exempt_content")],
            _("Non-accessible content"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("statement_date"),
                FieldPanel("technologies"),
                FieldPanel("test_environment"),
                FieldPanel("tools"),
                FieldPanel("audited_pages"),
            ],
            _("How this statement was made"),
        ),
        FieldPanel("contact"),
        FieldPanel("recourse"),
    ]
    search_fields = Page.search_fields + [index.SearchField("non_conformities")]
    max_count = 1
    subpage_types = []

    class Meta:
        verbose_name = _("accessibility statement")

    def get_context(self, request, *args, **kwargs):
        from ..structured_data import network_settings

        context = super().get_context(request, *args, **kwargs)
        settings = network_settings(request)
        context["entity"] = self.entity_name or (settings.display_name if settings else "")
        context["site_url"] = self.get_site().root_url if self.get_site() else ""
        context.update(
            technologies=lines(self.technologies),
            test_environment=lines(self.test_environment),
            tools=lines(self.tools),
            audited_pages=lines(self.audited_pages),
        )
        return context
