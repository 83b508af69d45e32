"""Photos sent with a testimony: checked, then re-encoded.

A file is refused with a message when it weighs or measures too much, or
is not a PNG, JPEG or WebP picture (whatever its name says). An accepted
photo is decoded and saved again: that drops its metadata (a phone's
photo carries the place it was taken) and whatever else a crafted file
could hide after the picture.
"""

import io
from pathlib import Path

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from . import conf

FORMATS = {"JPEG", "PNG", "WEBP"}


def checked_photo(upload):
    """The re-encoded photo, or a ValidationError saying what is wrong."""
    limit = conf.get("PHOTO_MAX_BYTES")
    if upload.size > limit:
        raise forms.ValidationError(
            _("The photo weighs %(size)s; the limit is %(limit)s. Send a smaller photo.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            kind, width, height = probe.format, probe.width, probe.height
    except (OSError, ValueError, Image.DecompressionBombError):
        raise forms.ValidationError(_("This file is not a photo we can read: send a JPEG, PNG or WebP picture.")) from None
    if (kind or "").upper() not in FORMATS:
        raise forms.ValidationError(_("The photo must be a JPEG, PNG or WebP picture."))
    pixels = conf.get("PHOTO_MAX_PIXELS")
    if max(width, height) > pixels:
        raise forms.ValidationError(
            _("The photo measures %(width)s × %(height)s pixels; the limit is %(limit)s pixels on each side.")
            % {"width": width, "height": height, "limit": pixels}
        )
    upload.seek(0)
    try:
        return reencoded(upload, kind.upper())
    except (OSError, ValueError, Image.DecompressionBombError):
        raise forms.ValidationError(_("This photo is damaged: send another one.")) from None


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
