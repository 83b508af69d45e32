"""What the public pages do to a subscriber: ask, confirm, change, leave.

The subscribe form answers the same whatever the address: unknown or
waiting, it gets a confirmation link; already subscribed, a link to its
preferences (so nobody can change another person's topics, nor learn that
they subscribed). Nothing is sent to an address that failed too often.
Each step writes a consent record: what, when, from which form.
"""

import logging

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import conf, emails
from .models import Consent, Subscriber, TopicSubscription, new_key
from .topics import all_topics, clean_filters, describe

logger = logging.getLogger("maillage.subscriptions")

# One email per address and quarter of an hour, however often the form is sent:
# the form cannot be used to flood someone's inbox.
EMAIL_PAUSE = 15 * 60


def normalise(email):
    return email.strip().lower()


def chosen(choices):
    """{topic key: filters} of known topics only."""
    topics = all_topics()
    return {key: clean_filters(topics[key], filters) for key, filters in choices.items() if key in topics}


def describe_choices(choices):
    topics = all_topics()
    return "; ".join(describe(topics[key], filters) for key, filters in choices.items() if key in topics)


def request_subscription(*, email, choices, frequency, language, source, base):
    """Handle the subscribe form; returns nothing the visitor may see."""
    email = normalise(email)
    choices = chosen(choices)
    with transaction.atomic():
        subscriber, _created = get_or_create(email, language)
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.suspended_at:
            return
        if subscriber.is_active:
            message = emails.known_address_message(subscriber, base)
        else:
            subscriber.pending_key = subscriber.pending_key or new_key()
            subscriber.frequency = frequency
            subscriber.language = language
            subscriber.save(update_fields=["pending_key", "frequency", "language"])
            set_topics(subscriber, choices)
            Consent.objects.create(subscriber=subscriber, action=Consent.Action.REQUESTED,
                                   topics=describe_choices(choices), source=source)
            message = emails.confirmation_message(subscriber, base, describe_choices(choices))
    pause = f"maillage:subscription-email:{subscriber.pk}"
    if cache.add(pause, 1, EMAIL_PAUSE):
        try:
            message.send()
        except Exception:  # the mail server is down: the visitor may try again at once
            logger.exception("Could not send the subscription email of subscriber %s", subscriber.pk)
            cache.delete(pause)


def get_or_create(email, language):
    try:
        with transaction.atomic():
            return Subscriber.objects.get_or_create(email=email, defaults={"language": language})
    except IntegrityError:  # created by a request at the same moment
        return Subscriber.objects.get(email=email), False


def set_topics(subscriber, choices):
    subscriber.topics.exclude(topic__in=list(choices)).delete()
    for key, filters in choices.items():
        TopicSubscription.objects.update_or_create(subscriber=subscriber, topic=key, defaults={"filters": filters})


def current_choices(subscriber):
    return {row.topic: row.filters for row in subscriber.topics.all()}


def confirm(subscriber, source):
    """Use the confirmation link once; False when it was already used."""
    with transaction.atomic():
        updated = Subscriber.objects.filter(pk=subscriber.pk, pending_key=subscriber.pending_key).exclude(
            pending_key="").update(pending_key="", confirmed_at=timezone.now(), unsubscribed_at=None,
                                   last_digest_at=None)
        if not updated:
            return False
        subscriber.refresh_from_db()
        Consent.objects.create(subscriber=subscriber, action=Consent.Action.CONFIRMED,
                               topics=describe_choices(current_choices(subscriber)), source=source)
    return True


def change(subscriber, *, choices, frequency, language, source):
    choices = chosen(choices)
    with transaction.atomic():
        subscriber.frequency, subscriber.language = frequency, language
        subscriber.save(update_fields=["frequency", "language"])
        set_topics(subscriber, choices)
        Consent.objects.create(subscriber=subscriber, action=Consent.Action.CHANGED,
                               topics=describe_choices(choices), source=source)


def unsubscribe(subscriber, source):
    """Leave every topic; doing it again changes nothing."""
    with transaction.atomic():
        updated = Subscriber.objects.filter(pk=subscriber.pk, unsubscribed_at__isnull=True).update(
            unsubscribed_at=timezone.now(), pending_key="")
        if updated:
            Consent.objects.create(subscriber=subscriber, action=Consent.Action.WITHDRAWN,
                                   topics=describe_choices(current_choices(subscriber)), source=source)
    return bool(updated)


def record_hard_failure(email):
    """One more hard failure (the address does not exist) for ``email``;
    past ``HARD_FAILURE_LIMIT`` nothing more is sent to it. None when the
    address is not a subscriber's, else the subscriber."""
    subscriber = Subscriber.objects.filter(email=normalise(email)).first()
    if subscriber is None:
        return None
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        subscriber.hard_failures += 1
        if subscriber.hard_failures >= conf.get("HARD_FAILURE_LIMIT") and not subscriber.suspended_at:
            subscriber.suspended_at = timezone.now()
        subscriber.save(update_fields=["hard_failures", "suspended_at"])
    return subscriber


def lift_suspension(subscriber):
    Subscriber.objects.filter(pk=subscriber.pk).update(suspended_at=None, hard_failures=0)
