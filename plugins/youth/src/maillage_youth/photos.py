"""Photos sent with a testimony: checked, then re-encoded.

``maillage_core.forms.PictureField`` refuses, with these messages, a file
that weighs or measures too much, is not a PNG, JPEG or WebP picture
(whatever its name says), or does not decode in full. An accepted photo is
saved again: that drops its metadata (a phone's photo carries the place it
was taken) and whatever else a crafted file could hide after the picture.
"""

import io
from pathlib import Path

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

FORMATS = ("JPEG", "PNG", "WEBP")

MESSAGES = {
    "too_heavy": _("The photo weighs %(size)s; the limit is %(limit)s. Send a smaller photo."),
    "unreadable": _("This file is not a photo we can read: send a JPEG, PNG or WebP picture."),
    "format": _("The photo must be a JPEG, PNG or WebP picture."),
    "too_large": _("The photo measures %(width)s × %(height)s pixels; the limit is %(limit)s pixels on each side."),
    "damaged": _("This photo is damaged: send another one."),
}


def reencoded_photo(upload):
    """The photo saved again without its metadata, or a ValidationError."""
    upload.seek(0)
    try:
        return reencoded(upload, upload.picture.format)
    except (OSError, ValueError, Image.DecompressionBombError):
        raise forms.ValidationError(MESSAGES["damaged"], code="damaged") from None


def reencoded(upload, kind):
    with Image.open(upload) as image:
        image.load()
        image = ImageOps.exif_transpose(image)
        buffer = io.BytesIO()
        if kind == "PNG":
            image.save(buffer, "PNG", optimize=True)
            suffix, content_type = ".png", "image/png"
        else:
            if image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            image.save(buffer, "JPEG", quality=85, optimize=True)
            suffix, content_type = ".jpg", "image/jpeg"
    name = Path(upload.name or "photo").stem[:60] or "photo"
    return SimpleUploadedFile(f"{name}{suffix}", buffer.getvalue(), content_type=content_type)
