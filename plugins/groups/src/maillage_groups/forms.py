"""Public forms. Everything typed is kept as plain text and escaped on
output; the forms open to anyone carry the honeypot, and their views count
submissions with ``rate_limited``."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.utils.translation import gettext_lazy as _

from maillage_core.antispam import HoneypotFormMixin
from maillage_core.params import clean_text


def plain(value, max_length):
    """One line of text: control characters out, spaces collapsed."""
    return clean_text(value, max_length)


class SignupForm(HoneypotFormMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Email address"),
        max_length=150,
        help_text=_("We send a link to this address to confirm it is yours."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    field_order = ["name", "email", "website_url"]

    def clean_name(self):
        name = plain(self.cleaned_data["name"], 150)
        if not name:
            raise forms.ValidationError(_("Please give your name."))
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class ActivationForm(forms.Form):
    """Choose a password, once the address is confirmed."""

    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("The same password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned_data = super().clean()
        first, second = cleaned_data.get("password1"), cleaned_data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(first, self.user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned_data


class LoginForm(forms.Form):
    email = forms.CharField(
        label=_("Email address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class PasswordResetForm(HoneypotFormMixin, DjangoPasswordResetForm):
    pass


class JoinForm(HoneypotFormMixin, forms.Form):
    message = forms.CharField(
        label=_("A word for the coordinators (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Who you are, your organisation, why you would like to join."),
    )

    def clean_message(self):
        text = self.cleaned_data.get("message", "")
        # Keep line breaks, drop control characters.
        return "\n".join(plain(line, 1000) for line in text.splitlines()).strip()[:1000]


class AttendanceForm(forms.Form):
    attending = forms.TypedChoiceField(
        label=_("Will you attend?"),
        choices=[("yes", _("I will attend")), ("no", _("I won't attend"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class NotificationsForm(forms.Form):
    meetings = forms.BooleanField(label=_("Email me new meetings"), required=False)
    minutes = forms.BooleanField(label=_("Email me new minutes"), required=False)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        error_messages={
            "required": _("Choose “Approve” or “Decline”."),
            "invalid_choice": _("Choose “Approve” or “Decline”."),
        },
    )
