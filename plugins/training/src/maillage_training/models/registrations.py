"""People registered for a session, and the emails each was sent."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE = (Status.CONFIRMED, Status.WAITLISTED)
    PERSONAL_FIELDS = ("name", "email", "organisation", "organisation_key", "role", "accessibility_needs")

    session = models.ForeignKey(
        "maillage_training.TrainingSession",
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    # Set when the organisation was chosen among those another plugin knows
    # (``maillage_organisations`` hook), e.g. a directory record.
    organisation_key = models.CharField(_("organisation reference"), max_length=100, blank=True)
    role = models.CharField(_("role"), max_length=150, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    language = models.CharField(_("language"), max_length=10, default="fr")
    consent_at = models.DateTimeField(_("consent given at"))
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    # Waitlist order: the earliest first.
    waitlisted_at = models.DateTimeField(_("waitlisted at"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # The database, not only the form, refuses a second active
            # registration of one address: two simultaneous submissions
            # cannot both pass a check.
            models.UniqueConstraint(
                fields=["session", "email"],
                condition=Q(status__in=["confirmed", "waitlisted"]) & ~Q(email=""),
                name="maillage_training_one_active_registration_per_email",
            ),
        ]
        indexes = [models.Index(fields=["session", "status"], name="maillage_tr_session_status")]

    def __str__(self):
        return self.name or _("(erased)")

    @property
    def is_erased(self):
        return self.personal_data_erased_at is not None


class RegistrationEmail(models.Model):
    """One email of one kind sent to one registration. The unique pair is
    the claim that keeps an email from going out twice, whatever retries,
    double clicks or overlapping commands happen."""

    class Kind(models.TextChoices):
        CONFIRMED = "confirmed", _("Registration confirmed")
        WAITLISTED = "waitlisted", _("Placed on the waitlist")
        PROMOTED = "promoted", _("Seat freed: moved from the waitlist")
        CANCELLED = "cancelled", _("Registration cancelled")
        SESSION_CANCELLED = "session_cancelled", _("Session cancelled")
        REMINDER = "reminder", _("Reminder")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("registration email")
        verbose_name_plural = _("registration emails")
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind"], name="maillage_training_one_email_per_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → #{self.registration_id}"
