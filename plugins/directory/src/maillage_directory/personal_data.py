"""What the directory holds about a person, for the
``maillage_personal_data`` hook: the proposals and corrections they sent
(their name, address and message to the officer), and actor records
whose contact person, or address, is theirs.

Erasing blanks these fields (in the record and in its saved revisions);
the actors and the history of what was proposed stay.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from maillage_core.personal_data.kinds import Erased, Kind, blank_matching, scrub_revisions

from .models import Actor
from .models.submission import Submission


def iso(value):
    return value.isoformat() if value else None


def submissions_of(email):
    return Submission.objects.filter(submitter_email__iexact=email).select_related("actor").order_by("pk")


def export_submissions(email):
    return [
        {
            "kind": submission.kind, "actor": submission.actor.name, "submitter_name": submission.submitter_name,
            "submitter_email": submission.submitter_email, "message": submission.message,
            "received_at": iso(submission.created_at),
        }
        for submission in submissions_of(email)
    ]


def erase_submissions(email):
    count = submissions_of(email).update(submitter_name="", submitter_email="", message="")
    return Erased(anonymised=count)


def actors_of(email):
    return Actor.objects.filter(Q(contact_email__iexact=email) | Q(email__iexact=email)).order_by("pk")


def export_actors(email):
    return [
        {
            "actor": actor.name, "email": actor.email, "contact_name": actor.contact_name,
            "contact_role": actor.contact_role, "contact_email": actor.contact_email,
            "contact_phone": actor.contact_phone,
        }
        for actor in actors_of(email)
    ]


def erase_actors(email):
    erased = Erased()
    for actor in actors_of(email):
        contact = blank_matching(actor, email, ["contact_email"], also=["contact_name", "contact_role", "contact_phone"])
        address = blank_matching(actor, email, ["email"])
        erased.anonymised += int(contact or address)
    # Proposals waiting in revisions may name the person on any actor.
    scrub_revisions(Actor, email, ["contact_email"], also=["contact_name", "contact_role", "contact_phone"])
    scrub_revisions(Actor, email, ["email"])
    return erased


def kinds():
    return [
        Kind(key="directory-submissions", label=_("Proposals and corrections sent to the directory"),
             fields=("maillage_directory.Submission.submitter_email",),
             export=export_submissions, erase=erase_submissions),
        Kind(key="directory-contacts", label=_("Directory records naming the person"),
             fields=("maillage_directory.Actor.contact_email", "maillage_directory.Actor.email"),
             export=export_actors, erase=erase_actors),
    ]
