"""What the site holds about a person, for the ``maillage_personal_data``
hook: the messages they sent through the contact form (stored by
Wagtail's form builder; a message is theirs when one of its answers holds
their address). Messages are purged after ``MAILLAGE_CONTACT_RETENTION_MONTHS``
(24 by default): long enough to follow up, not kept for ever."""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FormSubmission

from maillage_core.personal_data.kinds import Erased, Kind, NotPersonal

from .models.contact import ContactPage

DEFAULT_RETENTION_MONTHS = 24


def retention_months():
    return getattr(settings, "MAILLAGE_CONTACT_RETENTION_MONTHS", DEFAULT_RETENTION_MONTHS)


def contact_messages():
    return FormSubmission.objects.filter(page__in=ContactPage.objects.values("pk"))


def mentions(submission, email):
    values = submission.form_data.values() if isinstance(submission.form_data, dict) else []
    return any(email in str(value).lower() for value in values)


def messages_of(email):
    # The database narrows to messages whose text holds the address; Python
    # keeps those where an answer does (not a field's name).
    found = contact_messages().filter(form_data__icontains=email).select_related("page").order_by("pk")
    return [submission for submission in found if mentions(submission, email)]


def export_messages(email):
    return [
        {"form": submission.page.title, "sent_at": submission.submit_time.isoformat(), **submission.form_data}
        for submission in messages_of(email)
    ]


def erase_messages(email):
    found = messages_of(email)
    FormSubmission.objects.filter(pk__in=[submission.pk for submission in found]).delete()
    return Erased(deleted=len(found))


def purge_messages(now):
    # A month counted as 1/12 of a year: the limit moves by a day, not by a calendar.
    limit = now - timedelta(days=round(retention_months() * 365.25 / 12))
    count, _by_model = contact_messages().filter(submit_time__lt=limit).delete()
    return count


def kinds():
    return [
        Kind(key="contact-messages", label=_("Messages sent through the contact form"), fields=(),
             export=export_messages, erase=erase_messages, purge=purge_messages,
             retention=_("contact messages, after MAILLAGE_CONTACT_RETENTION_MONTHS months")),
        NotPersonal("home.ContactPage.from_address", _("the address the site sends contact notifications from")),
        NotPersonal("home.NetworkSettings.email", _("the network's own contact address, shown on every page")),
    ]
