"""Emails that ask actors to answer: the first invitation, then reminders
to those who have not sent their answers. Each email is claimed by an
``Invitation`` row unique per actor and day before it goes: a send run
twice, or two at once, never emails an actor twice the same day."""

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from maillage_core import hooks
from maillage_core.subscriptions import conf as mail_conf

from .models.responses import Invitation, Response
from .survey import make_link_token

KINDS = (Invitation.Kind.INVITATION, Invitation.Kind.REMINDER)


def survey_url(edition, actor_key):
    return (edition.get_full_url() or "") + edition.reverse_subpage("survey", args=[make_link_token(edition, actor_key)])


def recipients(edition, kind, today):
    """The actors to email today: not yet submitted, not yet emailed today;
    a first invitation only to those never invited."""
    submitted = set(Response.objects.submitted().filter(edition=edition).values_list("actor_key", flat=True))
    emailed = Invitation.objects.filter(edition=edition)
    skip = set((emailed if kind == Invitation.Kind.INVITATION else emailed.filter(sent_on=today))
               .values_list("actor_key", flat=True))
    return [r for r in hooks.survey_respondents() if r.email and r.key not in submitted and r.key not in skip]


def send(edition, kind, limit=None):
    """Email the recipients of ``kind`` now, ``limit`` at most; how many were
    sent. Those emailed are left out of the next call: a send stopped half
    way goes on where it stopped."""
    today = timezone.localdate()
    sent = 0
    with get_connection() as connection:
        for respondent in recipients(edition, kind, today)[:limit]:
            try:
                # Claim and send in one transaction: an email that fails (or a
                # worker killed half way) takes its claim with it, so the retry
                # emails this actor today; a send running at the same time
                # waits on the claim, then skips the actor.
                with transaction.atomic():
                    Invitation.objects.create(edition=edition, actor_key=respondent.key, email=respondent.email,
                                              kind=kind, sent_on=today, sent=True)
                    message(edition, respondent, kind, connection).send()
            except IntegrityError:
                continue  # already emailed today, by another send
            sent += 1
    return sent


def message(edition, respondent, kind, connection):
    context = {"edition": edition, "respondent": respondent, "url": survey_url(edition, respondent.key),
               "closes_on": date_format(edition.closes_on, "DATE_FORMAT"), "reminder": kind == Invitation.Kind.REMINDER}
    subject = (_("Reminder: the %(year)s barometer survey closes on %(date)s")
               if context["reminder"] else _("The %(year)s barometer: your answers, please")) % {
        "year": edition.year, "date": context["closes_on"]}
    body = render_to_string("maillage_barometer/emails/invitation.txt", context)
    return EmailMessage(subject, body, mail_conf.sender(), [respondent.email], connection=connection)
