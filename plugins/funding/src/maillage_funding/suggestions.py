"""A visitor suggests a call, or a correction to one, with the public form
(``proposer/``). A new call is saved as a draft never published; a
correction as a draft revision of the call, its published version
untouched. Either enters the moderation workflow, and the officer is told
once the transaction has committed. Nothing is public before a moderator
publishes it."""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from maillage_core.officer import officer_email

from .models.calls import FundingCall

logger = logging.getLogger("maillage.funding")


def note(data):
    lines = [_("Funder: %(funder)s") % {"funder": data["funder"]}] if data.get("funder") else []
    if data.get("message"):
        lines.append(data["message"])
    return "\n".join(lines)


@transaction.atomic
def suggest(data, call=None):
    """Save the suggestion as a draft in moderation; returns the call."""
    if call is None:
        call = FundingCall(live=False, has_unpublished_changes=True, title=data["title"], summary=data["summary"])
    elif data.get("summary"):
        call.summary = data["summary"]
    call.official_url = data.get("official_url") or call.official_url
    if data.get("permanent"):
        call.permanent, call.closes_on = True, None
    elif data.get("closes_on"):
        call.permanent, call.closes_on = False, data["closes_on"]
    call.suggestion = note(data)
    call.submitter_email = data["email"]
    if call.pk is None:
        call.save()
    call.save_revision(log_action=True)  # a published call keeps its row: the change waits in the revision
    workflow = call.get_workflow()
    if workflow is not None and not call.workflow_in_progress:
        workflow.start(call, user=None)
    transaction.on_commit(lambda: tell_officer(call))
    return call


def tell_officer(call):
    address = officer_email()
    if not address:
        return
    try:
        send_mail(_("A funding call was suggested: %(title)s") % {"title": call.title},
                  _("A visitor suggested a funding call or a correction. It waits for moderation in the admin, "
                    "under Funding › Funding calls: %(title)s") % {"title": call.title},
                  None, [address])
    except Exception:  # the mail server is down: the suggestion is saved all the same
        logger.exception("Could not tell the officer of the suggested call %s", call.pk)
