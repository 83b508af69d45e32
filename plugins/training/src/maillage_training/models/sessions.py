"""Dated sessions of a training: when, where, how many seats."""

import swapper
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

swapper.set_app_prefix("wagtailcore", "wagtail")


class SessionQuerySet(models.QuerySet):
    def visible(self):
        """Sessions of published trainings that anyone may see (no login,
        password or group restriction on the training or above it)."""
        from maillage_core.site_pages import restricted_sections

        sessions = self.filter(training__live=True)
        for restricted_path, _depth in restricted_sections():
            sessions = sessions.exclude(training__path__startswith=restricted_path)
        return sessions

    def under(self, page):
        return self.filter(training__path__startswith=page.path, training__depth__gt=page.depth)

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now())

    def with_counts(self):
        """Annotate seat counts; explicit order, as Meta.ordering is ignored with GROUP BY."""
        return self.annotate(
            confirmed_count=Count("registrations", filter=Q(registrations__status="confirmed")),
            waitlist_count=Count("registrations", filter=Q(registrations__status="waitlisted")),
        ).order_by("start", "pk")


class TrainingSession(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        FULL = "full", _("Full (waitlist only)")
        CANCELLED = "cancelled", _("Cancelled")

    training = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("training"),
        on_delete=models.CASCADE,
        related_name="training_sessions",
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"))
    schedule_note = models.CharField(
        _("schedule details"), max_length=255, blank=True, help_text=_("For example: two half-days, 9:00–12:30.")
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    street_address = models.CharField(_("address"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    department = models.ForeignKey(
        "maillage_core.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Sent to registrants; never shown publicly.")
    )
    capacity = models.PositiveIntegerField(_("seats"), validators=[MinValueValidator(1)])
    registration_opens = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open as soon as published.")
    )
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: closes when the session starts.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    # Raised on every change so calendar applications replace their copy.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="maillage_training_session_ends_after_start"),
        ]

    def __str__(self):
        start = timezone.localtime(self.start, self.time_zone)
        return f"{self.training.title} — {start:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        if self.pk:
            self.sequence += 1
        super().save(*args, **kwargs)

    @property
    def time_zone(self):
        from .. import conf

        return conf.time_zone()

    def clean(self):
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("A session cannot end before it starts.")
        if self.registration_closes and self.registration_opens and self.registration_closes <= self.registration_opens:
            errors["registration_closes"] = _("Registration must close after it opens.")
        if not (self.city or self.online_url):
            errors["city"] = _("Give the city of the venue, or an online link for a remote session.")
        if errors:
            raise ValidationError(errors)

    # -- state ---------------------------------------------------------------

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def closes_at(self):
        return self.registration_closes or self.start

    def is_past(self, now=None):
        return self.end < (now or timezone.now())

    def registration_state(self, now=None):
        """'open', 'not_yet', 'closed' or 'cancelled': may a person register now?"""
        now = now or timezone.now()
        if self.is_cancelled:
            return "cancelled"
        if self.registration_opens and now < self.registration_opens:
            return "not_yet"
        if now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def seats_left(self):
        """Needs ``with_counts()``: the listing queries annotate the counts."""
        if self.status != self.Status.OPEN:
            return 0
        return max(0, self.capacity - self.confirmed_count)

    @property
    def is_full(self):
        return self.status == self.Status.FULL or self.confirmed_count >= self.capacity

    @property
    def is_online(self):
        return bool(self.online_url) and not self.city

    def location_label(self):
        parts = [self.venue_name, self.city]
        return ", ".join(part for part in parts if part)
