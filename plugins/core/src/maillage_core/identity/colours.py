"""Brand colours, refused when text on them (or them as text on white)
would fall below WCAG 2.1 AA's contrast ratio for body text."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
AA_TEXT = 4.5  # WCAG 2.1, 1.4.3: body text


def channel(value):
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour):
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker(colour, factor=0.75):
    """The colour a link or button takes under the pointer."""
    red, green, blue = (int(int(colour[i : i + 2], 16) * factor) for i in (1, 3, 5))
    return f"#{red:02x}{green:02x}{blue:02x}"


def validate_brand_colour(value):
    """White text on the colour, and the colour as text on white, must both
    be readable: the header, buttons and links use it both ways."""
    if not HEX.match(value or ""):
        raise ValidationError(_("Enter a colour as # followed by six hexadecimal digits, e.g. #0b4f9c."), code="format")
    ratio = contrast(value, WHITE)
    if ratio < AA_TEXT:
        raise ValidationError(
            _(
                "This colour is too light: white text on it, or it as text on white, has a contrast of "
                "%(ratio).2f:1, and WCAG AA asks for at least 4.5:1. Choose a darker shade."
            ),
            code="contrast",
            params={"ratio": ratio},
        )
