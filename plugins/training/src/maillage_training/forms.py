"""The public registration form."""

import re
from html import escape

from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from maillage_core import forms as core_forms
from maillage_core.antispam import HONEYPOT_FIELD, HoneypotFormMixin
from maillage_core.content_memo import remembered
from maillage_core.hooks import organisations
from maillage_core.params import clean_text

from . import conf

MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|javascript:", re.IGNORECASE)


def plain_text(value):
    if MARKUP.search(value or ""):
        raise forms.ValidationError(
            _("Please write plain text: angle brackets starting a tag (like “<script”) are not accepted."),
            code="markup",
        )


class RegistrationForm(core_forms.PlainTextMixin, HoneypotFormMixin, forms.Form):
    name = forms.CharField(
        label=_("First and last name"),
        max_length=150,
        validators=[plain_text],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = core_forms.EmailField(
        label=_("Email"),
        help_text=_("Your confirmation and the link to cancel are sent here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=200,
        validators=[plain_text],
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label=_("Role in the organisation"),
        required=False,
        max_length=150,
        validators=[plain_text],
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=2000,
        validators=[plain_text],
        help_text=_("Tell us what would help you take part: access, hearing, sight, pace…"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the network keeps these details to organise the training, as the data policy says."),
        error_messages={"required": _("Your consent is needed to register.")},
    )

    field_order = ["name", "email", "organisation", "role", "accessibility_needs", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_key = ""
        self.organisation_suggestions, self.organisation_options = suggested_organisations()
        if self.organisation_suggestions:
            self.fields["organisation"].widget.attrs["list"] = "organisation-suggestions"
            self.fields["organisation"].help_text = _("Start typing to choose among the organisations the site knows.")

    def details_html(self):
        """The fields before the consent, each in a ``<div>``. Unbound, they
        are the same for every visitor in a language (Django's form
        templates, most of a session page's time otherwise): kept in the
        process under the content version (suggestions change the
        organisation's help text)."""
        if self.is_bound:
            return self.draw_details()
        key = ("training_registration_details", get_language(), bool(self.organisation_suggestions))
        return remembered(key, self.draw_details)

    def draw_details(self):
        return mark_safe(
            "".join(
                f"<div>{field.as_field_group()}</div>"
                for field in self.visible_fields()
                if field.name not in (HONEYPOT_FIELD, "consent")
            )
        )

    def clean_name(self):
        return clean_text(self.cleaned_data["name"], 150)

    def clean_organisation(self):
        text = clean_text(self.cleaned_data.get("organisation", ""), 200)
        if text:
            for organisation in organisations(text, 5):
                if organisation.name.casefold() == text.casefold():
                    self.organisation_key = organisation.key
                    return organisation.name
        return text

    def clean_role(self):
        return clean_text(self.cleaned_data.get("role", ""), 150)


def suggested_organisations():
    """Organisations another installed plugin offers (the directory, for one),
    and their ``<option>`` elements for the form's datalist.

    The same for every visitor of every session page (200 actors loaded as
    models, then 200 options drawn by the template, most of the page's time
    otherwise): kept in the process under the content version, which a
    published actor renews. A tuple of frozen items and a string, so no
    request can change another's."""
    limit = conf.get("ORGANISATION_SUGGESTIONS")
    if not limit:
        return (), ""
    return remembered(("training_organisation_suggestions", limit), lambda: with_options(organisations("", limit)))


def with_options(suggestions):
    """As the template wrote them: the name as value, the detail (a city) as text."""
    options = "".join(
        f'<option value="{escape(organisation.name)}">{escape(organisation.detail or "")}</option>'
        for organisation in suggestions
    )
    return tuple(suggestions), mark_safe(options)
