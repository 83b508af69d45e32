"""What happens to a proposal from the public: it becomes a draft revision
under moderation, never a published change.

- A new actor is saved unpublished (``live=False``): its row exists, is
  indexed as a draft, and no public page or search shows it.
- A change to a published actor is saved only as a revision: the live row
  keeps the published values until an officer publishes the revision.
- In both cases the actor's moderation workflow starts when one is
  assigned (the migration assigns "Validation des fiches de l'annuaire"),
  a ``Submission`` keeps the submitter's address, and emails go out once
  the transaction has committed.
"""

import logging

from django.core.mail import BadHeaderError, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from . import conf
from .models.actor import Actor
from .models.submission import Submission
from .tokens import make_update_token

logger = logging.getLogger("maillage.directory")


@transaction.atomic
def propose_new(form, request=None):
    actor = Actor(live=False, has_unpublished_changes=True)
    form.apply_to(actor)
    attach_logo(actor, form)
    actor.save()
    return record(actor, form, Submission.Kind.NEW, request)


@transaction.atomic
def propose_update(actor, form, kind, request=None):
    actor = Actor.objects.select_for_update().get(pk=actor.pk)
    form.apply_to(actor, keep_private_when_blank=kind != Submission.Kind.INVITED)
    attach_logo(actor, form)
    return record(actor, form, kind, request)


def attach_logo(actor, form):
    upload = form.cleaned_data.get("logo")
    if upload:
        image = get_image_model()(title=actor.name[:255], file=upload)
        image.save()
        actor.logo = image


def record(actor, form, kind, request):
    # save_revision() writes only the revision pointers to the row: the
    # proposed values wait in the revision.
    revision = actor.save_revision(log_action=True)
    submission = Submission.objects.create(
        actor=actor,
        revision=revision,
        kind=kind,
        submitter_name=form.cleaned_data["submitter_name"],
        submitter_email=form.cleaned_data["submitter_email"],
        message=form.cleaned_data.get("message", ""),
    )
    start_moderation(actor)
    transaction.on_commit(lambda: notify(submission, request))
    return submission


def start_moderation(actor):
    workflow = actor.get_workflow()
    if workflow is None or actor.workflow_in_progress:
        return
    workflow.start(actor, user=None)


def notify(submission, request=None):
    context = {"submission": submission, "actor": submission.actor}
    try:
        send_mail(
            _("We received your proposal for the directory"),
            render_to_string("maillage_directory/email/submission_received.txt", context),
            None,
            [submission.submitter_email],
        )
        officer = conf.officer_email()
        if officer:
            send_mail(
                _("Directory: a proposal awaits moderation (%(name)s)") % {"name": one_line(submission.actor.name)},
                render_to_string("maillage_directory/email/submission_to_officer.txt", context),
                None,
                [officer],
            )
    except (OSError, BadHeaderError):
        # The proposal is saved; a mail server outage must not lose it.
        logger.exception("could not send the emails of submission %s", submission.pk)


def one_line(text):
    return " ".join(str(text).split())[:100]


def send_update_request(actor, request, directory_url):
    """Email the actor a signed link to update its record without an account."""
    recipient = actor.contact_email or actor.email
    if not recipient:
        return None
    token = make_update_token(actor)
    link = request.build_absolute_uri(f"{directory_url}mise-a-jour/{token}/")
    send_mail(
        _("Please check your record in the directory"),
        render_to_string(
            "maillage_directory/email/update_request.txt",
            {"actor": actor, "link": link, "days": conf.get("UPDATE_LINK_DAYS")},
        ),
        None,
        [recipient],
    )
    return recipient
