"""The network's identity (Settings › Identity): logo, brand colours, font.

Read on every page through ``maillage_core.identity.theme``, which keeps
what pages need of it in the cache under the content version (any save of
this row, or of its logo, renews it)."""

import hashlib

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model_string

from ..identity.colours import validate_brand_colour

FONT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_PRIMARY = "#0b4f9c"
DEFAULT_SECONDARY = "#b35900"


def validate_woff2(upload):
    """A WOFF2 file (its signature, not only its name), of a reasonable size."""
    name = getattr(upload, "name", "") or ""
    if not name.lower().endswith(".woff2"):
        raise ValidationError(_("Upload a font in WOFF2 format (a file ending in .woff2)."), code="extension")
    if upload.size > FONT_MAX_BYTES:
        raise ValidationError(_("This font file is larger than 2 MB."), code="size")
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    signature = upload.read(4)
    upload.seek(position)
    if signature != b"wOF2":
        raise ValidationError(_("This file is not a WOFF2 font."), code="signature")


class IdentitySettings(BaseSiteSetting):
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in the header of every page; the browser tab's icon and the phone home screen icon are "
            "made from it. A square or wide image, SVG or PNG; the network's name is written beside it."
        ),
    )
    primary_colour = models.CharField(
        _("main colour"),
        max_length=7,
        default=DEFAULT_PRIMARY,
        validators=[validate_brand_colour],
        help_text=_("Header, links and headings, e.g. #0b4f9c. Must be dark enough for white text on it."),
    )
    secondary_colour = models.CharField(
        _("second colour"),
        max_length=7,
        default=DEFAULT_SECONDARY,
        validators=[validate_brand_colour],
        help_text=_("Buttons and the keyboard focus outline, e.g. #b35900. Must be dark enough for white text."),
    )
    font_family = models.CharField(
        _("font name"),
        max_length=60,
        blank=True,
        validators=[RegexValidator(r"^[\w][\w \-]*$", _("Use letters, digits, spaces and hyphens only."))],
        help_text=_("The name of the font you upload below, e.g. Marianne. Left empty, the system font is used."),
    )
    font_regular = models.FileField(
        _("font, regular (WOFF2)"), upload_to="maillage/fonts/", blank=True, validators=[validate_woff2]
    )
    font_bold = models.FileField(
        _("font, bold (WOFF2)"), upload_to="maillage/fonts/", blank=True, validators=[validate_woff2]
    )

    select_related = ["logo"]

    panels = [
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("primary_colour"), FieldPanel("secondary_colour")], _("Colours")),
        MultiFieldPanel([FieldPanel("font_family"), FieldPanel("font_regular"), FieldPanel("font_bold")], _("Font")),
    ]

    class Meta:
        verbose_name = _("identity")
        verbose_name_plural = _("identity")

    def clean(self):
        super().clean()
        if (self.font_regular or self.font_bold) and not self.font_family.strip():
            raise ValidationError({"font_family": _("Give the font's name, so that the pages can use it.")})

    @property
    def version(self):
        """Changes with anything the theme stylesheet or the icons show."""
        parts = (
            self.primary_colour,
            self.secondary_colour,
            self.font_family,
            self.font_regular.name,
            self.font_bold.name,
            self.logo_id,
            getattr(self.logo, "file_hash", ""),
        )
        return hashlib.sha1(repr(parts).encode()).hexdigest()[:12]
