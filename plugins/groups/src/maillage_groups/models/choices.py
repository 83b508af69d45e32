from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupKind(models.TextChoices):
    COUNTRY = "country", _("Country group")
    THEMATIC = "thematic", _("Thematic group")


class GroupStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ARCHIVED = "archived", _("Archived")


class MembershipPolicy(models.TextChoices):
    OPEN = "open", _("Open: anyone with an account joins at once")
    ON_REQUEST = "request", _("On request: a coordinator approves each member")
    CLOSED = "closed", _("Closed: no new members")
