"""Subscribers, their topics and consents, the issues sent to them and the
digest items they received.

Two rows are claims that keep an email from going out twice: a
``Delivery`` per (mailing, subscriber), a ``DigestRecord`` per (subscriber,
topic, item). Both are unique in the database, so two workers, a retry or a
resumed send find the claim taken.
"""

import secrets

import swapper
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

swapper.set_app_prefix("wagtailcore", "wagtail")


def new_key():
    return secrets.token_urlsafe(16)


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Subscribers who confirmed, did not leave, and whose address works."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True, suspended_at__isnull=True)


class Subscriber(models.Model):
    class Frequency(models.TextChoices):
        DAILY = "daily", _("Every day")
        WEEKLY = "weekly", _("Every week")

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=10)
    frequency = models.CharField(
        _("alerts"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY,
        help_text=_("How often the new items of the chosen topics are sent."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    # The confirmation link in flight: cleared when used, so a link works once.
    pending_key = models.CharField(max_length=32, blank=True, editable=False)
    # Carried by the preferences and unsubscribe links; a new key revokes them.
    link_key = models.CharField(max_length=32, default=new_key, editable=False)
    hard_failures = models.PositiveIntegerField(
        _("hard failures"), default=0, help_text=_("Emails refused because the address does not exist.")
    )
    suspended_at = models.DateTimeField(_("suspended"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last alert check"), null=True, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return bool(self.confirmed_at and not self.unsubscribed_at and not self.suspended_at)

    def status_label(self):
        if self.suspended_at:
            return _("suspended (address fails)")
        if self.unsubscribed_at:
            return _("unsubscribed")
        if self.confirmed_at:
            return _("subscribed")
        return _("waiting for confirmation")

    status_label.short_description = _("status")


class TopicSubscription(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(_("topic"), max_length=60)
    filters = models.JSONField(_("filters"), default=dict, blank=True)

    class Meta:
        verbose_name = _("topic subscription")
        verbose_name_plural = _("topic subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "topic"], name="maillage_subscription_one_per_topic")
        ]

    def __str__(self):
        return self.topic


class Consent(models.Model):
    """What a person agreed to (or withdrew), when, and from which form."""

    class Action(models.TextChoices):
        REQUESTED = "requested", _("asked to subscribe")
        CONFIRMED = "confirmed", _("confirmed by the emailed link")
        CHANGED = "changed", _("changed their topics")
        WITHDRAWN = "withdrawn", _("unsubscribed")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    topics = models.TextField(_("what"), blank=True)
    source = models.CharField(_("from"), max_length=100)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.subscriber_id} {self.action}"


class Mailing(models.Model):
    """One page (an issue of La Lettre) sent to one topic's subscribers."""

    class Status(models.TextChoices):
        SENDING = "sending", _("sending")
        DONE = "done", _("sent")

    page = models.OneToOneField(
        swapper.get_model_name("wagtailcore", "Page"), verbose_name=_("page"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    topic = models.CharField(_("topic"), max_length=60)
    subject = models.CharField(_("subject"), max_length=255)
    html = models.TextField(editable=False)
    text = models.TextField(editable=False)
    # {language: [subject, html, text]}: the issue rendered in each language of
    # the site, so each subscriber reads its words (footer, links, subject) in theirs;
    # ``subject``, ``html`` and ``text`` are the default language's.
    versions = models.JSONField(default=dict, editable=False)
    base_url = models.CharField(max_length=200, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("last batch"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("sending")
        verbose_name_plural = _("sendings")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject


class Delivery(models.Model):
    """The claim of one subscriber's copy of a mailing."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        # Handed to the mail server when a crash interrupted the send:
        # perhaps received, so never sent again.
        SENDING = "sending", _("interrupted")
        SENT = "sent", _("sent")
        FAILED = "failed", _("refused")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["mailing", "subscriber"], name="maillage_delivery_once_per_subscriber")
        ]
        indexes = [models.Index(fields=["mailing", "status"], name="maillage_delivery_status")]

    def __str__(self):
        return f"{self.mailing_id} → {self.subscriber_id}: {self.status}"


class DigestRecord(models.Model):
    """An item a subscriber received in a digest: never sent to them again."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="digest_records")
    topic = models.CharField(max_length=60)
    item_key = models.CharField(max_length=200)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("alert item sent")
        verbose_name_plural = _("alert items sent")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "topic", "item_key"], name="maillage_digest_item_once")
        ]

    def __str__(self):
        return f"{self.topic} {self.item_key}"
