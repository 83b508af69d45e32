"""Form fields for public forms, shared by every plugin.

Each refuses, with a message, a value the database or a later step could
not take, so that an accepted form always saves:

- ``EmailField``, ``URLField``: no longer than the model fields that keep
  them (Django's model ``EmailField`` holds 254 characters, ``URLField`` 200).
- ``ModelChoiceField``, ``ModelMultipleChoiceField``: a submitted key the
  database cannot compare (a 20-digit number, a NUL) is refused before any
  query; some backends raise on those instead of finding nothing.
- ``YearField``: from a first year to the current year of the site's local
  date, read when the form is checked (a process outlives New Year's Eve).
- ``PictureField``: an upload decoded in full (see ``maillage_core.pictures``).

And ``PlainTextMixin`` keeps control characters out of the text a form saves.
"""

import re

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections
from django.db import models as db_models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pictures import PictureRefused, decoded_picture

EMAIL_MAX_LENGTH = 254
URL_MAX_LENGTH = 200
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Line breaks and tabs are text; the other control characters are not.
STRAY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class PlainTextMixin:
    """Every text answer loses its control characters (line breaks and tabs
    stay). Pasted from a PDF or typed by a robot, they mean nothing on a
    page, and a feed or an email carrying a published record would fail on
    them (XML 1.0 cannot hold them)."""

    def clean(self):
        super().clean()
        for name, value in self.cleaned_data.items():
            if isinstance(value, str) and STRAY_CONTROL.search(value):
                text = STRAY_CONTROL.sub(" ", value)
                # As the field strips its answer, so does this (a password field does not).
                self.cleaned_data[name] = text.strip() if getattr(self.fields.get(name), "strip", False) else text
        return self.cleaned_data


class EmailField(forms.EmailField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        super().__init__(**kwargs)


class URLField(forms.URLField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", URL_MAX_LENGTH)
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class CheckedKeyMixin:
    """Refuse, before querying, a key its column could not hold."""

    def key_field(self):
        field = self.queryset.model._meta.get_field(self.to_field_name) if self.to_field_name else None
        field = field or self.queryset.model._meta.pk
        while field.is_relation:  # a child page's key is a link to its parent's
            field = field.target_field
        return field

    def key_fits(self, value):
        text = str(value)
        if CONTROL.search(text):
            return False
        field = self.key_field()
        if isinstance(field, db_models.IntegerField):  # auto fields included
            try:
                number = int(text)
            except ValueError:  # also past Python's limit of 4,300 digits
                return False
            low, high = connections[self.queryset.db].ops.integer_field_range(field.get_internal_type())
            return (low is None or number >= low) and (high is None or number <= high)
        max_length = getattr(field, "max_length", None)
        return max_length is None or len(text) <= max_length


class ModelChoiceField(CheckedKeyMixin, forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not isinstance(value, self.queryset.model) and not self.key_fits(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )
        return super().to_python(value)


class ModelMultipleChoiceField(CheckedKeyMixin, forms.ModelMultipleChoiceField):
    def clean(self, value):
        for key in value if isinstance(value, (list, tuple)) else ():
            if not isinstance(key, self.queryset.model) and not self.key_fits(key):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": key}
                )
        return super().clean(value)


def current_year():
    return timezone.localdate().year


class YearField(forms.IntegerField):
    default_error_messages = {
        "min_value": _("The year cannot be before %(limit_value)s."),
        "max_value": _("The year cannot be later than %(limit_value)s, this year."),
    }

    def __init__(self, *, first_year, **kwargs):
        super().__init__(**kwargs)
        self.first_year = first_year
        self.validators += [
            MinValueValidator(first_year, message=self.error_messages["min_value"]),
            # A callable limit is read at each validation; the validator is
            # never changed in place, so every form shares it safely.
            MaxValueValidator(current_year, message=self.error_messages["max_value"]),
        ]
        self.widget.attrs["min"] = first_year

    def __deepcopy__(self, memo):
        # Each form instance gets a copy of the field: the input's "max" is this year's.
        result = super().__deepcopy__(memo)
        result.widget.attrs["max"] = current_year()
        return result


FORMAT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}


class PictureField(forms.FileField):
    """A picture of one of ``formats``, at most ``max_bytes`` heavy and
    ``max_pixels`` on its longer side (numbers, or callables read at each
    check so settings can change them), decoded in full.

    The cleaned value is the upload, with ``picture`` (format, width,
    height) set on it.
    """

    default_error_messages = {
        "too_heavy": _("The picture weighs %(size)s; the limit is %(limit)s. Send a smaller one."),
        "unreadable": _("This file is not a picture we can read: send a %(formats)s picture."),
        "format": _("The picture must be a %(formats)s picture."),
        "too_large": _(
            "The picture measures %(width)s × %(height)s pixels; the limit is %(limit)s pixels on each side."
        ),
        "damaged": _("This picture is damaged or incomplete: send the file again, or another one."),
    }

    def __init__(self, *, formats, max_bytes, max_pixels, **kwargs):
        self.formats = tuple(formats)  # a sequence: its order is the one messages show
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = ",".join(FORMAT_TYPES.get(kind, "image/*") for kind in self.formats)
        return attrs

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        max_bytes = limit(self.max_bytes)
        if upload.size > max_bytes:
            raise self.refusal("too_heavy", size=filesizeformat(upload.size), limit=filesizeformat(max_bytes))
        max_pixels = limit(self.max_pixels)
        try:
            upload.picture = decoded_picture(upload, formats=self.formats, max_pixels=max_pixels)
        except PictureRefused as refused:
            picture = refused.picture
            raise self.refusal(
                refused.code,
                width=picture.width if picture else 0,
                height=picture.height if picture else 0,
                limit=max_pixels,
            ) from refused
        return upload

    def refusal(self, code, **params):
        params["formats"] = ", ".join(self.formats)
        return forms.ValidationError(self.error_messages[code], code=code, params=params)


def limit(value):
    return value() if callable(value) else value
