"""What actors answer, and the emails that asked them. Individual answers
are never public: only the aggregates frozen into an edition are."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ResponseQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)


class Response(models.Model):
    """One actor's answers to one edition: a draft until submitted. The
    actor's type and department are copied in at each save, so that the
    response rate holds even if the directory changes later."""

    edition = models.ForeignKey(
        "maillage_barometer.EditionPage", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="responses"
    )
    actor_key = models.CharField(_("actor"), max_length=80)
    actor_name = models.CharField(_("actor's name"), max_length=255)
    actor_type = models.CharField(_("actor type"), max_length=150, blank=True)
    department = models.CharField(_("department"), max_length=120, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(fields=["edition", "actor_key"], name="maillage_barometer_one_response_per_actor")
        ]

    def __str__(self):
        return self.actor_name

    @property
    def submitted(self):
        return self.submitted_at is not None


class Invitation(models.Model):
    """An email that asked an actor to answer (the first invitation or a
    reminder). One row per actor and day, claimed before the email is sent:
    nobody is emailed twice the same day, even by two sends at once."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("invitation")
        REMINDER = "reminder", _("reminder")

    edition = models.ForeignKey(
        "maillage_barometer.EditionPage", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="invitations"
    )
    actor_key = models.CharField(_("actor"), max_length=80)
    email = models.EmailField(_("email"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sent_on = models.DateField(_("sent on"))
    sent = models.BooleanField(_("sent"), default=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "actor_key", "sent_on"], name="maillage_barometer_one_email_per_actor_a_day"
            )
        ]

    def __str__(self):
        return f"{self.actor_key} {self.sent_on}"
