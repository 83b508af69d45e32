"""What the barometer holds about a person, for core's
``maillage_personal_data`` hook: the address each invitation or reminder
was sent to. Answers belong to an actor (an organisation), not a person,
and hold no address."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from maillage_core.personal_data.kinds import Erased, Kind

from .models import Invitation

# An invitation's row only keeps an actor from being emailed twice a day
# during its survey: a year on, nothing needs it.
RETENTION_DAYS = 400


def invitations_of(email):
    return Invitation.objects.filter(email__iexact=email).select_related("edition").order_by("sent_on", "pk")


def export_invitations(email):
    return [{"edition": invitation.edition.year, "kind": invitation.kind, "sent_on": invitation.sent_on.isoformat(),
             "email": invitation.email} for invitation in invitations_of(email)]


def erase_invitations(email):
    deleted, _by_model = Invitation.objects.filter(email__iexact=email).delete()
    return Erased(deleted=deleted)


def purge_invitations(now):
    deleted, _by_model = Invitation.objects.filter(sent_on__lt=(now - timedelta(days=RETENTION_DAYS)).date()).delete()
    return deleted


def kinds():
    return [Kind(key="barometer-invitations", label=_("Barometer survey invitations"),
                 fields=("maillage_barometer.Invitation.email",), export=export_invitations,
                 erase=erase_invitations, purge=purge_invitations,
                 retention=_("invitations sent more than 400 days ago, deleted"))]
