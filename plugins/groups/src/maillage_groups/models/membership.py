"""Who belongs to a group, and what the plugin keeps for each group.

A ``Membership`` row is the one source of truth for access: a person sees a
group's members-only pages and documents while their row says ``member``.
Coordinators are members with ``is_coordinator``; that flag also puts them
in the group's Wagtail group (``GroupSpace.coordinators``), which holds
their admin permissions over the group's pages and document collections.
"""

import swapper
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Membership(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Request pending")
        MEMBER = "member", _("Member")
        DECLINED = "declined", _("Request declined")
        LEFT = "left", _("Left the group")
        REMOVED = "removed", _("Removed by a coordinator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="maillage_group_memberships",
    )
    group = models.ForeignKey(
        "maillage_groups.GroupPage", verbose_name=_("working group"), on_delete=models.CASCADE, related_name="memberships"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    is_coordinator = models.BooleanField(
        _("coordinator"),
        default=False,
        help_text=_("Coordinators edit the group's pages and documents and answer join requests."),
    )
    message = models.TextField(_("message with the request"), max_length=1000, blank=True)
    notify_meetings = models.BooleanField(_("email me new meetings"), default=True)
    notify_minutes = models.BooleanField(_("email me new minutes"), default=True)
    # Grows with each change of the email choices, so an old unsubscribe
    # link cannot undo a later choice.
    notifications_version = models.PositiveIntegerField(default=0, editable=False)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["group__title", "user__last_name", "user__first_name", "user__email"]
        constraints = [models.UniqueConstraint(fields=["user", "group"], name="maillage_groups_one_membership")]
        indexes = [models.Index(fields=["group", "status"], name="maillage_membership_status")]
        permissions = [
            ("view_members_only_content", _("Can see every working group's members-only pages and documents")),
        ]

    def __str__(self):
        return f"{self.person_name} — {self.group.title}"

    @property
    def person_name(self):
        return self.user.get_full_name() or self.user.email or self.user.get_username()

    @property
    def is_member(self):
        return self.status == self.Status.MEMBER

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class AttendanceReply(models.Model):
    """A member's answer to "will you attend?" for one meeting."""

    meeting = models.ForeignKey(
        "maillage_groups.MeetingPage",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="attendance_replies",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    attending = models.BooleanField(_("will attend"))
    updated_at = models.DateTimeField(_("answered"), auto_now=True)

    class Meta:
        verbose_name = _("attendance reply")
        verbose_name_plural = _("attendance replies")
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="maillage_groups_one_reply")]

    def __str__(self):
        return f"{self.user} — {self.meeting}"


class GroupSpace(models.Model):
    """What the plugin creates beside each group page: the Wagtail group
    of its coordinators and its two document collections (public and
    members-only). Made when the group page is created; see ``spaces``."""

    group = models.OneToOneField(
        "maillage_groups.GroupPage", verbose_name=_("working group"), on_delete=models.CASCADE, related_name="space"
    )
    coordinators = models.OneToOneField(
        "auth.Group",
        verbose_name=_("coordinators' permission group"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("public documents"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    members_collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("members-only documents"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("group space")
        verbose_name_plural = _("group spaces")

    def __str__(self):
        return str(self.group_id)


class MemberNotification(models.Model):
    """The email telling members of a new meeting or new minutes, once per
    page. The row is written when the page is first published; ``sent_at``
    stays empty until the mail server took every message, so
    ``manage.py groups_send_notifications`` can finish the job."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("New meeting")
        MINUTES = "minutes", _("New minutes")

    page = models.ForeignKey(swapper.get_model_name("wagtailcore", "Page"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipients = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("member notification")
        verbose_name_plural = _("member notifications")
        constraints = [models.UniqueConstraint(fields=["page", "kind"], name="maillage_groups_one_notification")]

    def __str__(self):
        return f"{self.kind} {self.page_id}"
