"""Public forms: an organisation's offer and a young person's testimony.

Everything typed is kept as plain text: templates escape it on output, and
an offer's description becomes rich text only after escaping, one
paragraph per blank line, so no markup a visitor types is interpreted.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from maillage_core import forms as core_forms
from maillage_core.antispam import HONEYPOT_FIELD, HoneypotFormMixin
from maillage_core.models import Sector
from maillage_core.site_pages import concrete_models

from . import conf, photos
from .models.choices import OfferKind
from .models.offers import Offer
from .models.schemes import SchemePageMixin
from .models.testimonies import FIRST_YEAR


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def mark_optional(form):
    """Say "optional" in the label of each optional field: every other one is needed."""
    for name, field in form.fields.items():
        if not field.required and name != HONEYPOT_FIELD:
            field.label = _("%(label)s (optional)") % {"label": field.label}


def country_choices():
    return [("", _("Choose a country"))] + list(countries)


class OfferForm(core_forms.PlainTextMixin, HoneypotFormMixin, forms.Form):
    title = forms.CharField(label=_("Title of the offer"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of offer"), choices=[("", _("Choose"))] + list(OfferKind.choices))
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    organisation_url = core_forms.URLField(label=_("Organisation's website"), required=False)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    sector = core_forms.ModelChoiceField(Sector.objects.all(), label=_("Sector"), required=False, empty_label=_("Not stated"))
    start_date = forms.DateField(label=_("Start"), required=False, widget=DateInput(),
                                 help_text=_("Leave empty for “as soon as possible”."))
    end_date = forms.DateField(label=_("End"), required=False, widget=DateInput())
    duration = forms.CharField(label=_("Duration"), max_length=100, required=False,
                               help_text=_("For example: 6 months, one year, permanent."))
    closing_date = forms.DateField(label=_("Applications close on"), widget=DateInput(),
                                   help_text=_("The offer leaves the board the day after."))
    description = forms.CharField(
        label=_("Description of the offer"), max_length=6000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text; leave a blank line between paragraphs."),
    )
    how_to_apply = forms.CharField(label=_("How to apply"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    application_url = core_forms.URLField(label=_("Address to apply"), required=False)
    application_email = core_forms.EmailField(label=_("Email to apply"), required=False)
    submitter_name = forms.CharField(label=_("Your name"), max_length=150)
    submitter_email = core_forms.EmailField(label=_("Your email"), help_text=_("Never published; we write to you when the offer is online."))

    sections = (
        (_("The offer"), ["title", "kind", "organisation", "organisation_url", "country", "city", "sector"]),
        (_("Dates"), ["start_date", "end_date", "duration", "closing_date"]),
        (_("Description and application"), ["description", "how_to_apply", "application_url", "application_email"]),
        (_("About you"), ["submitter_name", "submitter_email"]),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark_optional(self)

    def field_sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.sections]

    def clean_closing_date(self):
        closing = self.cleaned_data["closing_date"]
        today = timezone.localdate()
        if closing < today:
            raise forms.ValidationError(_("This date is in the past: give the day applications close."))
        furthest = today + datetime.timedelta(days=conf.get("OFFER_MAX_OPEN_DAYS"))
        if closing > furthest:
            raise forms.ValidationError(
                _("Offers stay on the board at most until %(date)s; give an earlier closing date.")
                % {"date": furthest.strftime("%d/%m/%Y")}
            )
        return closing

    def clean(self):
        data = super().clean()
        start, end, closing = data.get("start_date"), data.get("end_date"), data.get("closing_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end comes before the start."))
        if closing and end and closing > end:
            self.add_error("closing_date", _("Applications would close after the end of the offer."))
        return data

    def to_offer(self):
        """An unsaved, never-published offer holding the answers."""
        data = self.cleaned_data
        names = ["title", "kind", "organisation", "organisation_url", "country", "city", "sector", "start_date",
                 "end_date", "duration", "closing_date", "how_to_apply", "application_url", "application_email",
                 "submitter_name", "submitter_email"]
        offer = Offer(live=False, has_unpublished_changes=True, **{name: data.get(name) for name in names})
        offer.description = text_as_rich_text(data["description"])
        return offer


def text_as_rich_text(text):
    paragraphs = [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
    return format_html_join("", "<p>{}</p>", ((p,) for p in paragraphs)) if paragraphs else ""


class SchemeChoiceField(core_forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


def live_schemes():
    models = concrete_models(SchemePageMixin)
    if not models:
        return None
    return models[0].objects.live().public().order_by("title")


class TestimonyForm(core_forms.PlainTextMixin, HoneypotFormMixin, forms.Form):
    author_name = forms.CharField(
        label=_("First name or pseudonym"), max_length=60, help_text=_("Published with your story.")
    )
    email = core_forms.EmailField(
        label=_("Your email"),
        help_text=_("Never published. The link to withdraw your story is sent there."),
    )
    title = forms.CharField(label=_("Title of your story"), max_length=120)
    scheme = SchemeChoiceField(
        queryset=None, label=_("Scheme"), required=False, empty_label=_("Another scheme, or none")
    )
    scheme_other = forms.CharField(label=_("Other scheme or programme"), max_length=150, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    year = core_forms.YearField(label=_("Year"), first_year=FIRST_YEAR)
    text = forms.CharField(
        label=_("Your story"), min_length=100, max_length=5000, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Between 100 and 5,000 characters; leave a blank line between paragraphs."),
    )
    photo = core_forms.PictureField(
        label=_("A photo"), required=False, widget=forms.ClearableFileInput,
        help_text=_("JPEG, PNG or WebP. Avoid showing people who have not agreed to it."),
        formats=photos.FORMATS,
        max_bytes=lambda: conf.get("PHOTO_MAX_BYTES"),
        max_pixels=lambda: conf.get("PHOTO_MAX_PIXELS"),
        error_messages=photos.MESSAGES,
    )
    photo_alt = forms.CharField(
        label=_("What the photo shows"), max_length=250, required=False,
        help_text=_("For people who cannot see it, e.g. “The school garden in Kpalimé, at harvest time”."),
    )
    consent = forms.BooleanField(
        label=_("I agree to the publication of my story, my first name or pseudonym and, if I send one, my photo, "
                "on this site."),
        error_messages={"required": _("Your agreement is needed to publish your story.")},
    )

    sections = (
        (_("You"), ["author_name", "email"]),
        (_("Your experience"), ["title", "scheme", "scheme_other", "country", "year", "text"]),
        (_("Photo"), ["photo", "photo_alt"]),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        schemes = live_schemes()
        self.fields["scheme"].queryset = schemes if schemes is not None else Sector.objects.none()
        mark_optional(self)

    def field_sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.sections]

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return photos.reencoded_photo(upload) if upload else None

    def clean(self):
        data = super().clean()
        if data.get("photo") and not data.get("photo_alt"):
            self.add_error("photo_alt", _("Say what the photo shows, for people who cannot see it."))
        return data
