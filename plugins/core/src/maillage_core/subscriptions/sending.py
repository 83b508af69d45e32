"""Sending a page to a topic's subscribers, batch after batch.

Each recipient's copy is claimed by a ``Delivery`` row, unique per
(mailing, subscriber), before anything is sent; a copy moves from queued
to sending (one worker wins that update) to sent. Whatever stops a send
(a crash, a restart, a mail server down), sending again picks up the
queued copies and the recipients not yet claimed: nobody gets the issue
twice. A copy caught "sending" by a crash may have reached its reader and
is never sent again; the progress screen counts it as interrupted.
"""

import logging
import smtplib
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db import connection as database
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import conf, emails, tokens
from .models import Delivery, Mailing, Subscriber
from .subscribing import record_hard_failure

logger = logging.getLogger("maillage.subscriptions")

# Stands for each recipient's own link token in a rendered mailing.
LINK_TOKEN = "MAILLAGE-LINK-TOKEN"
Status = Delivery.Status


def render_page_email(page, request):
    """(subject, html, text) of a sendable page, rendered once for all its
    recipients; ``LINK_TOKEN`` stands for each one's preferences and unsubscribe links."""
    base = emails.base_url(request)
    preferences_url, unsubscribe_url = emails.link_urls(base, LINK_TOKEN)
    context = {
        **page.get_email_context(request),
        "subject": page.get_email_subject(),
        "web_url": page.get_full_url(request),
        "preferences_url": preferences_url,
        "unsubscribe_url": unsubscribe_url,
        "site_name": emails.site_name(),
    }
    html = emails.email_html(render_to_string(page.email_template, context, request=request), base)
    return page.get_email_subject(), html, emails.html_to_text(html)


def render_versions(page, request):
    """{language: (subject, html, text)} for every language of the site."""
    versions = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            versions[code] = render_page_email(page, request)
    return versions


def version_for(mailing, language):
    """(subject, html, text) of the mailing in ``language``, else in the default language."""
    found = (mailing.versions or {}).get(language)
    return tuple(found) if found else (mailing.subject, mailing.html, mailing.text)


def personal(text, subscriber_or_token):
    token = subscriber_or_token if isinstance(subscriber_or_token, str) else tokens.link_token(subscriber_or_token)
    return text.replace(LINK_TOKEN, token)


def message_for(mailing, to, token_or_subscriber, subject=None, connection=None, language=None):
    base_unsubscribe = emails.absolute(mailing.base_url, reverse("maillage_subscriptions:unsubscribe",
                                                                  args=[LINK_TOKEN]))
    own_subject, html, text = version_for(mailing, language)
    token = personal(LINK_TOKEN, token_or_subscriber)  # signed once for its three uses
    return emails.bulk_message(
        to=to, subject=subject or own_subject, text=personal(text, token), html=personal(html, token),
        unsubscribe_url=personal(base_unsubscribe, token), connection=connection,
    )


def start(page, request):
    """The page's mailing, created now or found: a page is sent once.
    (mailing, created)."""
    versions = render_versions(page, request)
    default = versions.get(settings.LANGUAGE_CODE) or render_page_email(page, request)
    subject, html, text = default
    try:
        with transaction.atomic():
            mailing = Mailing.objects.create(
                page=page, topic=page.email_topic, subject=subject, html=html, text=text,
                versions={code: list(version) for code, version in versions.items() if version != default},
                base_url=emails.base_url(request), created_by=request.user,
            )
    except IntegrityError:
        return Mailing.objects.get(page=page), False
    return mailing, True


def recipients(mailing):
    return Subscriber.objects.active().filter(topics__topic=mailing.topic)


def unclaimed(mailing):
    return recipients(mailing).exclude(deliveries__mailing=mailing)


def claim_batch(mailing, size):
    """Claim up to ``size`` recipients, then take the queued copies to send
    (left by a stopped run, or just claimed)."""
    found = list(unclaimed(mailing).order_by("pk").values_list("pk", flat=True)[:size])
    Delivery.objects.bulk_create(
        [Delivery(mailing=mailing, subscriber_id=pk) for pk in found], ignore_conflicts=True
    )
    return list(mailing.deliveries.filter(status=Status.QUEUED).select_related("subscriber").order_by("pk")[:size])


def send_batch(mailing_id):
    """Send one batch of a mailing; True when more may remain."""
    mailing = Mailing.objects.filter(pk=mailing_id, status=Mailing.Status.SENDING).first()
    if mailing is None:
        return False
    batch = claim_batch(mailing, conf.get("BATCH_SIZE"))
    if not batch:
        Mailing.objects.filter(pk=mailing.pk, status=Mailing.Status.SENDING).update(
            status=Mailing.Status.DONE, finished_at=timezone.now())
        return False
    # Who left since the claim: asked once per batch, not once per copy.
    active = set(Subscriber.objects.active().filter(pk__in=[delivery.subscriber_id for delivery in batch])
                 .values_list("pk", flat=True))
    outcome = None
    with get_connection() as connection:
        for delivery in batch:
            outcome = send_one(mailing, delivery, connection, active, outcome)
    record(outcome)
    Mailing.objects.filter(pk=mailing.pk).update(last_activity_at=timezone.now())
    return True


def send_all(mailing_id, report=None):
    """Every remaining batch, in this process, waiting ``BATCH_INTERVAL``
    between them; ``report`` is given the ``Progress`` after each."""
    while send_batch(mailing_id):
        if report:
            report(progress(Mailing.objects.get(pk=mailing_id)))
        time.sleep(conf.get("BATCH_INTERVAL"))


def record(outcome):
    """Write a copy's final status, (delivery pk, status), if any."""
    if outcome is not None:
        Delivery.objects.filter(pk=outcome[0]).update(status=outcome[1])


def claim(delivery, previous):
    """One statement: the previous copy's final status, and this copy from
    queued to sending; False when another worker had taken it. Plain SQL:
    it runs once per copy, and the ORM's Case/When costs more to build
    than the statement takes to run."""
    if previous is None:
        return bool(Delivery.objects.filter(pk=delivery.pk, status=Status.QUEUED).update(status=Status.SENDING))
    previous_pk, final = previous
    table, key = (database.ops.quote_name(name) for name in (Delivery._meta.db_table, Delivery._meta.pk.column))
    with database.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET status = CASE WHEN {key} = %s THEN %s ELSE %s END "  # noqa: S608 (names from the model)
            f"WHERE {key} = %s OR ({key} = %s AND status = %s)",
            [previous_pk, final, Status.SENDING, previous_pk, delivery.pk, Status.QUEUED],
        )
        return cursor.rowcount == 2


def send_one(mailing, delivery, connection, active, previous=None):
    """Claim the copy (queued → sending), send it, and return its final
    status, which the next copy's claim writes in the same transaction: one
    commit per copy, and still none sent before its claim is stored nor
    left "sending" once the server took it, unless the process dies."""
    if not claim(delivery, previous):
        return None  # another worker took it
    subscriber = delivery.subscriber
    if subscriber.pk not in active:
        delivery.delete()  # unsubscribed since the claim
        return None
    message = message_for(mailing, subscriber.email, subscriber, connection=connection, language=subscriber.language)
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused:
        Delivery.objects.filter(pk=delivery.pk).update(status=Status.FAILED)
        record_hard_failure(subscriber.email)
        return None
    except Exception:
        # Refused before it left (the server is down): it may go in a later run.
        Delivery.objects.filter(pk=delivery.pk).update(status=Status.QUEUED)
        raise
    return (delivery.pk, Status.SENT)


def send_test(page, request):
    """The page as its subscribers will get it, to the officer alone."""
    subject, html, text = render_page_email(page, request)
    mailing = Mailing(subject=subject, html=html, text=text, base_url=emails.base_url(request))
    message_for(mailing, request.user.email, "test", subject=f"[Test] {subject}").send()


@dataclass(frozen=True)
class Progress:
    sent: int
    failed: int
    interrupted: int
    remaining: int

    @property
    def total(self):
        return self.sent + self.failed + self.interrupted + self.remaining

    @property
    def percent(self):
        return round(100 * (self.total - self.remaining) / self.total) if self.total else 100


def progress(mailing):
    counts = dict(mailing.deliveries.values_list("status").annotate(number=Count("pk")))
    remaining = counts.get(Status.QUEUED, 0)
    if mailing.status == Mailing.Status.SENDING:
        remaining += unclaimed(mailing).count()
    return Progress(sent=counts.get(Status.SENT, 0), failed=counts.get(Status.FAILED, 0),
                    interrupted=counts.get(Status.SENDING, 0), remaining=remaining)


def stalled(mailing, now=None):
    """Still sending, but no batch for longer than a batch takes: a worker stopped."""
    if mailing.status != Mailing.Status.SENDING:
        return False
    last = mailing.last_activity_at or mailing.created_at
    return (now or timezone.now()) - last > timedelta(seconds=conf.get("BATCH_INTERVAL") + 300)
