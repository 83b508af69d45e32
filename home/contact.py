"""The public side of the contact form: the form class built from the
officer's fields plus a honeypot, and the message sent to the officer."""

import logging
import smtplib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.mail import send_mail
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from maillage_core import forms as core_forms
from maillage_core.antispam import HONEYPOT_FIELD, HoneypotFormMixin

logger = logging.getLogger("maillage.contact")

AUTOCOMPLETE = {"email": "email", "url": "url"}


class ContactFormBuilder(FormBuilder):
    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["error_messages"] = {"required": _("Fill in “%(label)s”.") % {"label": field.label}}
        return options

    def create_email_field(self, field, options):
        # No longer than an email address can be (Django's model EmailField holds 254 characters).
        form_field = core_forms.EmailField(**options)
        form_field.error_messages["invalid"] = _("Enter an email address such as name@example.org.")
        return form_field

    def get_form_class(self):
        fields = self.formfields
        kinds = {(field.clean_name or field.get_field_clean_name()): field.field_type for field in self.fields}
        for name, form_field in fields.items():
            if kinds.get(name) in AUTOCOMPLETE:
                form_field.widget.attrs["autocomplete"] = AUTOCOMPLETE[kinds[name]]
        # The honeypot comes last, so the message "leave the last field empty" is true.
        attrs = {**fields, "field_order": [*fields, HONEYPOT_FIELD]}
        return type("ContactForm", (core_forms.PlainTextMixin, HoneypotFormMixin, BaseForm), attrs)


def submitted_data(form):
    return {name: value for name, value in form.cleaned_data.items() if name != HONEYPOT_FIELD}


def reply_address(form):
    for name, form_field in form.fields.items():
        if form_field.__class__.__name__ == "EmailField" and form.cleaned_data.get(name):
            return form.cleaned_data[name]
    return None


def officer_recipients(page):
    configured = [address.strip() for address in (page.to_address or "").split(",") if address.strip()]
    return configured or [settings.MAILLAGE_OFFICER_EMAIL]


def notify_officer(page, form, admin_url):
    """Email the submission; a mail failure is logged, the submission is already stored."""
    body = page.render_email(form) + "\n\n" + _("All messages: %(url)s") % {"url": admin_url}
    subject = page.subject or _("New message from the website: %(title)s") % {"title": page.title}
    reply_to = reply_address(form)
    try:
        send_mail(
            subject,
            body,
            officer_recipients(page),
            page.from_address or None,
            reply_to=[reply_to] if reply_to else None,
        )
    except (smtplib.SMTPException, OSError, ValidationError):
        logger.exception("Could not email the submission to %s; it is kept in the admin.", officer_recipients(page))
        return False
    return True
