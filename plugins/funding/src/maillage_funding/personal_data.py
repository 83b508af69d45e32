"""What funding holds about a person, for core's ``maillage_personal_data``
hook: the suggestions they sent with the public form (their address and
their note, on the call and in its revisions). Alerts are core's
subscriptions, exported and erased by core.

Erasing blanks the address and the note; the call stays, as the network's.
"""

from django.utils.translation import gettext_lazy as _

from maillage_core.personal_data.kinds import Erased, Kind, blank_matching, scrub_revisions

from .models import FundingCall


def calls_of(email):
    return FundingCall.objects.filter(submitter_email__iexact=email).order_by("pk")


def export_suggestions(email):
    return [
        {"title": call.title, "suggestion": call.suggestion, "submitter_email": call.submitter_email,
         "live": call.live, "created_at": call.created_at.isoformat()}
        for call in calls_of(email)
    ]


def erase_suggestions(email):
    erased = Erased()
    for call in calls_of(email):
        erased.anonymised += int(blank_matching(call, email, ["submitter_email"], also=["suggestion"]))
    scrub_revisions(FundingCall, email, ["submitter_email"], also=["suggestion"])
    return erased


def kinds():
    return [Kind(key="funding-suggestions", label=_("Funding calls suggested"),
                 fields=("maillage_funding.FundingCall.submitter_email",),
                 export=export_suggestions, erase=erase_suggestions)]
