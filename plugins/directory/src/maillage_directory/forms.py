"""The public form to propose an actor or a change to a record.

Everything typed is kept as plain text: templates escape it on output, and
the description becomes rich text only after escaping, one paragraph per
blank line, so no markup a visitor types is ever interpreted.
"""

import html

from django import forms
from django.utils.html import format_html_join, strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from maillage_core import forms as core_forms
from maillage_core.antispam import HoneypotFormMixin
from maillage_core.models import ActorType, Department, Sector, SustainableDevelopmentGoal

from . import conf
from .models.actor import FIRST_YEAR_FOUNDED
from .models.choices import LegalStatus, SizeBand

LOGO_FORMATS = ("PNG", "JPEG", "GIF", "WEBP")  # in this order in messages and the "accept" attribute
SIZE_CHOICES = [("", _("not stated"))] + list(SizeBand.choices)

PUBLIC_TEXT_FIELDS = ["name", "acronym", "address", "postcode", "city", "phone", "logo_alt"]
PRIVATE_TEXT_FIELDS = ["contact_name", "contact_role", "contact_phone"]
URL_FIELDS = ["website", "facebook_url", "linkedin_url", "instagram_url"]
PLAIN_FIELDS = (
    PUBLIC_TEXT_FIELDS
    + PRIVATE_TEXT_FIELDS
    + URL_FIELDS
    + ["email", "contact_email", "legal_status", "members", "volunteers", "staff"]
    + ["address_public", "email_public", "phone_public", "year_founded", "actor_type", "department"]
)


class SDGChoiceField(core_forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class ActorProposalForm(core_forms.PlainTextMixin, HoneypotFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=40, required=False)
    actor_type = core_forms.ModelChoiceField(ActorType.objects.all(), label=_("Type of actor"), required=False)
    legal_status = forms.ChoiceField(
        label=_("Legal status"), choices=[("", _("not stated"))] + list(LegalStatus.choices), required=False
    )
    description = forms.CharField(
        label=_("What the organisation does"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        required=False,
        help_text=_("Plain text; leave a blank line between paragraphs."),
    )
    year_founded = core_forms.YearField(label=_("Year founded"), first_year=FIRST_YEAR_FOUNDED, required=False)
    members = forms.ChoiceField(label=pgettext_lazy("actor", "Members"), choices=SIZE_CHOICES, required=False)
    volunteers = forms.ChoiceField(label=_("Volunteers"), choices=SIZE_CHOICES, required=False)
    staff = forms.ChoiceField(label=_("Staff"), choices=SIZE_CHOICES, required=False)

    address = forms.CharField(label=_("Street address of the head office"), max_length=255, required=False)
    address_public = forms.BooleanField(label=_("Publish the street address"), required=False, initial=True)
    postcode = forms.RegexField(
        label=_("Postcode"), regex=r"^\d{5}$", max_length=5, required=False,
        error_messages={"invalid": _("A French postcode has five digits.")},
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    department = core_forms.ModelChoiceField(Department.objects.all(), label=_("Department"), required=False)
    website = core_forms.URLField(label=_("Website"), required=False)
    email = core_forms.EmailField(label=_("Email of the organisation"), required=False)
    email_public = forms.BooleanField(label=_("Publish this email"), required=False, initial=True)
    phone = forms.RegexField(
        label=_("Phone"), regex=r"^[0-9 +().-]{6,30}$", max_length=30, required=False,
        error_messages={"invalid": _("Write the number with digits, spaces and + only.")},
    )
    phone_public = forms.BooleanField(label=_("Publish this phone number"), required=False, initial=True)
    facebook_url = core_forms.URLField(label=_("Facebook page"), required=False)
    linkedin_url = core_forms.URLField(label=_("LinkedIn page"), required=False)
    instagram_url = core_forms.URLField(label=_("Instagram account"), required=False)

    countries = forms.MultipleChoiceField(
        label=_("Countries of intervention"),
        choices=lambda: list(countries),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )
    sectors = core_forms.ModelMultipleChoiceField(
        Sector.objects.all(), label=_("Sectors"), required=False, widget=forms.CheckboxSelectMultiple
    )
    sdgs = SDGChoiceField(
        SustainableDevelopmentGoal.objects.all(),
        label=_("Sustainable development goals"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    logo = core_forms.PictureField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG, GIF or WebP."),
        formats=LOGO_FORMATS,
        max_bytes=lambda: conf.get("LOGO_MAX_BYTES"),
        max_pixels=lambda: conf.get("LOGO_MAX_PIXELS"),
        error_messages={
            "too_heavy": _("The logo weighs %(size)s; the limit is %(limit)s. Send a smaller image."),
            "unreadable": _("The logo must be a PNG, JPEG, GIF or WebP image."),
            "format": _("The logo must be a PNG, JPEG, GIF or WebP image."),
            "too_large": _("The logo must be at most %(limit)s pixels wide and high."),
        },
    )
    logo_alt = forms.CharField(
        label=_("Text of the logo"), max_length=200, required=False,
        help_text=_("What the logo says, for people who cannot see it."),
    )

    contact_name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    contact_role = forms.CharField(label=_("Their role"), max_length=150, required=False)
    contact_email = core_forms.EmailField(label=_("Their email"), required=False)
    contact_phone = forms.CharField(label=_("Their phone"), max_length=30, required=False)

    submitter_name = forms.CharField(label=_("Your name"), max_length=150)
    submitter_email = core_forms.EmailField(label=_("Your email"), help_text=_("We write to you when the record is online."))
    message = forms.CharField(
        label=_("A word for the network (optional)"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
        required=False,
    )

    public_sections = (
        (_("The organisation"), ["name", "acronym", "actor_type", "legal_status", "description", "year_founded",
                                  "members", "volunteers", "staff", "logo", "logo_alt"]),
        (_("Head office and contact details"), ["address", "address_public", "postcode", "city", "department",
                                                "website", "email", "email_public", "phone", "phone_public",
                                                "facebook_url", "linkedin_url", "instagram_url"]),
        (_("Action abroad"), ["countries", "sectors", "sdgs"]),
        (_("Contact person (never published)"), ["contact_name", "contact_role", "contact_email", "contact_phone"]),
        (_("About you"), ["submitter_name", "submitter_email", "message"]),
    )

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.public_sections]

    def clean(self):
        data = super().clean()
        if data.get("logo") and not data.get("logo_alt"):
            self.add_error("logo_alt", _("Say what the logo shows, for people who cannot see it."))
        return data

    # From and to an actor
    @classmethod
    def initial_for(cls, actor, include_private):
        initial = {name: getattr(actor, name) for name in PLAIN_FIELDS}
        initial.update(
            description=description_as_text(actor.description),
            countries=actor.country_codes,
            sectors=list(actor.sectors.all()),
            sdgs=list(actor.sdgs.all()),
        )
        if not include_private:
            for name in PRIVATE_TEXT_FIELDS + ["contact_email"]:
                initial[name] = ""
            for flag, value in (("email_public", "email"), ("phone_public", "phone"), ("address_public", "address")):
                if not getattr(actor, flag):
                    initial[value] = ""
        return initial

    def apply_to(self, actor, keep_private_when_blank=False):
        """Copy the answers onto ``actor`` (in memory; the caller saves a revision)."""
        data = self.cleaned_data
        for name in PLAIN_FIELDS:
            value = data.get(name)
            if value is None:
                value = "" if name not in ("year_founded", "actor_type", "department") else None
            if keep_private_when_blank and not value and self.hidden_value_kept(actor, name):
                continue
            setattr(actor, name, value)
        actor.description = text_as_rich_text(data.get("description", ""))
        actor.countries = data.get("countries") or []
        actor.sectors = list(data.get("sectors") or [])
        actor.sdgs = list(data.get("sdgs") or [])

    @staticmethod
    def hidden_value_kept(actor, name):
        """A field the public form showed empty because it is private: an
        empty answer means "unchanged", not "erase"."""
        if name in PRIVATE_TEXT_FIELDS + ["contact_email"]:
            return True
        flags = {"email": "email_public", "phone": "phone_public", "address": "address_public"}
        return name in flags and not getattr(actor, flags[name])


def text_as_rich_text(text):
    paragraphs = [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
    return format_html_join("", "<p>{}</p>", ((p,) for p in paragraphs)) if paragraphs else ""


def description_as_text(rich_text):
    paragraphs = (rich_text or "").replace("</p>", "\n\n")
    return html.unescape(strip_tags(paragraphs)).strip()
