"""Public proposals: a new actor, a correction, or the update an actor
makes through the signed link it received. Each ends as a draft revision
under moderation (see ``submissions``)."""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from maillage_core.antispam import RATE_LIMIT_MESSAGE, rate_limited

from .. import submissions
from ..forms import ActorProposalForm
from ..models.actor import Actor
from ..models.submission import Submission
from ..tokens import actor_id_from_token

TEMPLATE = "maillage_directory/actor_form.html"
RATE_SCOPE = "directory-proposal"


def propose(request, page):
    return handle(
        request,
        page,
        title=_("Propose an organisation"),
        intro=_("Tell us about an organisation of the region acting abroad. The network checks every proposal before it is published."),
        save=lambda form: submissions.propose_new(form, request),
    )


def propose_update(request, page, slug):
    actor = Actor.objects.live().filter(slug=slug).first()
    if actor is None:
        raise Http404
    return handle(
        request,
        page,
        title=_("Propose a correction: %(name)s") % {"name": actor.name},
        intro=_("Change what is wrong or missing. The network checks every proposal before it is published; "
                "private details left empty stay as they are."),
        save=lambda form: submissions.propose_update(actor, form, Submission.Kind.UPDATE, request),
        initial=ActorProposalForm.initial_for(actor, include_private=False),
        actor=actor,
    )


def invited_update(request, page, token):
    actor_id = actor_id_from_token(token)
    actor = Actor.objects.filter(pk=actor_id).first() if actor_id else None
    if actor is None:
        return page.render(
            request,
            template="maillage_directory/link_expired.html",
            context_overrides={"directory_url": page.get_url(request=request)},
        )
    return handle(
        request,
        page,
        title=_("Update your record: %(name)s") % {"name": actor.name},
        intro=_("Check every field and correct what changed. The network publishes your update after a quick check."),
        save=lambda form: submissions.propose_update(actor, form, Submission.Kind.INVITED, request),
        initial=ActorProposalForm.initial_for(actor, include_private=True),
        actor=actor,
    )


def handle(request, page, *, title, intro, save, initial=None, actor=None):
    notices = []
    status = 200
    if request.method == "POST":
        form = ActorProposalForm(request.POST, request.FILES, initial=initial)
        if rate_limited(request, RATE_SCOPE):
            notices.append(RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            save(form)
            return redirect(page.get_url(request=request) + "merci/")
    else:
        form = ActorProposalForm(initial=initial)
    context = {
        "form": form,
        "form_title": title,
        "form_intro": intro,
        "notices": notices,
        "actor": actor,
        "directory_url": page.get_url(request=request),
    }
    response = page.render(request, template=TEMPLATE, context_overrides=context)
    response.status_code = status
    return response


def thanks(request, page):
    return page.render(
        request,
        template="maillage_directory/thanks.html",
        context_overrides={"directory_url": page.get_url(request=request)},
    )
