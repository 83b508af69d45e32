"""Alerts: each subscriber's daily or weekly digest of the new items of
their topics, sent by ``manage.py send_digests`` (once a day, from cron).

An item is claimed for a subscriber by a ``DigestRecord`` (unique per
subscriber, topic and item) before the email leaves, so no item is ever
sent to someone twice, even when runs overlap or a topic reports an item
again. Nothing is sent when nothing is new. Topics are asked once per run
for each set of filters, for items of the last ``LOOKBACK_DAYS``.
"""

import json
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import conf, emails
from .models import DigestRecord, Subscriber
from .topics import all_topics

logger = logging.getLogger("maillage.subscriptions")

LOOKBACK_DAYS = 14
PERIODS = {Subscriber.Frequency.DAILY: timedelta(days=1), Subscriber.Frequency.WEEKLY: timedelta(days=7)}


@dataclass
class Report:
    subscribers: int = 0
    digests: int = 0
    items: int = 0


def is_due(subscriber, now):
    last = subscriber.last_digest_at or subscriber.confirmed_at
    margin = timedelta(hours=conf.get("WEEKLY_MARGIN_HOURS"))
    return now - last >= PERIODS.get(subscriber.frequency, PERIODS[Subscriber.Frequency.WEEKLY]) - margin


class ItemSource:
    """The topics' new items, asked once per (topic, filters, language) in a
    run, in that language: titles and summaries a plugin translates (a
    sector's name, a kind of offer) read in the subscriber's."""

    def __init__(self, topics, since):
        self.topics, self.since, self.found = topics, since, {}

    def items(self, key, filters, language=None):
        language = language or settings.LANGUAGE_CODE
        memo = (key, json.dumps(filters, sort_keys=True), language)
        if memo not in self.found:
            try:
                with translation.override(language):
                    self.found[memo] = list(self.topics[key].new_items(self.since, filters))
            except Exception:  # one plugin's failure must not stop everyone's alerts
                logger.exception("The topic %s could not list its new items", key)
                self.found[memo] = []
        return self.found[memo]


def send_digests(now=None):
    now = now or timezone.now()
    topics = {key: topic for key, topic in all_topics().items() if topic.in_digest}
    source = ItemSource(topics, now - timedelta(days=LOOKBACK_DAYS))
    report = Report()
    subscribers = (Subscriber.objects.active().filter(topics__topic__in=list(topics)).distinct()
                   .prefetch_related("topics").order_by("pk"))
    base = emails.base_url()
    with get_connection() as connection:
        for subscriber in subscribers.iterator(chunk_size=500):
            if not is_due(subscriber, now):
                continue
            report.subscribers += 1
            sections = new_sections(subscriber, topics, source)
            Subscriber.objects.filter(pk=subscriber.pk).update(last_digest_at=now)
            if sections and send_digest(subscriber, sections, base, connection):
                report.digests += 1
                report.items += sum(len(items) for _topic, items in sections)
    return report


def new_sections(subscriber, topics, source):
    """[(topic, items)] the subscriber has not received, only topics with some."""
    since = subscriber.confirmed_at
    candidates = []
    for row in subscriber.topics.all():
        if row.topic in topics:
            items = [item for item in source.items(row.topic, row.filters, subscriber.language)
                     if item.published_at > since]
            candidates.append((topics[row.topic], items))
    keys = [item.key for _topic, items in candidates for item in items]
    received = set(DigestRecord.objects.filter(subscriber=subscriber, item_key__in=keys)
                   .values_list("topic", "item_key")) if keys else set()
    sections = []
    for topic, items in candidates:
        fresh = [item for item in items if (topic.key, item.key) not in received]
        if fresh:
            sections.append((topic, fresh))
    return sections


def send_digest(subscriber, sections, base, connection):
    """Claim the items, then send; False when another run claimed them first
    or the mail server refused (the claims are given back then)."""
    try:
        with transaction.atomic():
            records = DigestRecord.objects.bulk_create([
                DigestRecord(subscriber=subscriber, topic=topic.key, item_key=item.key)
                for topic, items in sections for item in items
            ])
    except IntegrityError:
        return False
    try:
        digest_message(subscriber, sections, base, connection).send()
    except Exception:
        logger.exception("The alert email of subscriber %s could not be sent", subscriber.pk)
        DigestRecord.objects.filter(pk__in=[record.pk for record in records]).delete()
        return False
    return True


def digest_message(subscriber, sections, base, connection=None):
    preferences_url, unsubscribe_url = emails.link_urls(base, subscriber)
    count = sum(len(items) for _topic, items in sections)
    with translation.override(subscriber.language or settings.LANGUAGE_CODE):
        subject = ngettext("%(count)s new item on %(site)s", "%(count)s new items on %(site)s", count) % {
            "count": count, "site": emails.site_name()}
        html = render_to_string("maillage_core/subscriptions/emails/digest.html", {
            "subject": subject, "sections": sections, "site_name": emails.site_name(),
            "preferences_url": preferences_url, "unsubscribe_url": unsubscribe_url,
            "frequency": subscriber.get_frequency_display(), "intro": _("What is new in the topics you follow."),
        })
    html = emails.email_html(html, base)
    return emails.bulk_message(to=subscriber.email, subject=subject, text=emails.html_to_text(html), html=html,
                               unsubscribe_url=unsubscribe_url, connection=connection)
