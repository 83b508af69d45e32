"""The officer's screens: each edition's response rate (by actor type and
department) with every actor's state, sending invitations and reminders,
entering an actor's answers by hand, and publishing the results, which
freezes the figures into the edition."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from maillage_core import hooks
from maillage_core.page_cache import content_changed

from . import closing, figures, tasks
from .models import EditionPage, Invitation, Response
from .survey import SurveyForm, save_answers

PERMISSION = "maillage_barometer.change_response"


def allowed(user):
    return user.has_perm(PERMISSION)


def check(request):
    if not allowed(request.user):
        raise PermissionDenied


def editions(request):
    check(request)
    return TemplateResponse(request, "maillage_barometer/admin/editions.html", {
        "page_title": _("Barometer"), "editions": EditionPage.objects.order_by("-year"),
    })


def report(request, pk):
    check(request)
    edition = get_object_or_404(EditionPage, pk=pk)
    if request.method == "POST":
        return act(request, edition, request.POST.get("action"))
    closing.freeze_directory(edition)  # the first look after closing, when no worker did it
    rates = figures.response_rates(edition)
    states = rates["states"]
    actors = [{"respondent": r, "state": ("submitted" if states[r.key] else "draft") if r.key in states else ""}
              for r in rates["respondents"]]
    return TemplateResponse(request, "maillage_barometer/admin/report.html", {
        "page_title": _("Barometer %(year)s") % {"year": edition.year}, "edition": edition, "rates": rates,
        "actors": actors, "emailed_today": Invitation.objects.filter(edition=edition, sent_on=timezone.localdate()).count(),
    })


def act(request, edition, action):
    if action in Invitation.Kind.values:
        if edition.results_published:
            messages.error(request, _("The results are published: the survey is closed."))
        elif edition.survey_closed():
            messages.error(request, _("The survey is closed: no invitation or reminder is sent."))
        elif not edition.live:
            messages.error(request, _("Publish the edition's page first."))
        else:
            tasks.enqueue(edition, action)
            messages.success(request, _("The emails are being sent in the background; nobody gets two the same day."))
    elif action == "publish":
        if edition.results_published:
            messages.error(request, _("The results of %(year)s are already published; their figures stay as they are.")
                           % {"year": edition.year})
        elif not edition.live:
            messages.error(request, _("Publish the edition's page first."))
        elif not edition.survey_closed():
            # Publishing while actors may still answer would leave their answers out.
            messages.error(request, _("The survey is open until %(date)s: its results can be published once it "
                                      "has closed. To publish them now, close the survey first.")
                           % {"date": date_format(edition.closes_on, "DATE_FORMAT")})
        else:
            closing.freeze_directory(edition)
            EditionPage.objects.filter(pk=edition.pk).update(
                figures=figures.compute(edition), results_published_at=timezone.now())
            content_changed()  # update() sends no signal: kept pages without the results are stale
            messages.success(request, _("The results of %(year)s are published; the survey is closed.")
                             % {"year": edition.year})
    else:
        messages.error(request, _("Unknown action: nothing was done."))
    return redirect("maillage_barometer_admin:report", edition.pk)


def close(request, pk):
    """"Close the survey now", confirmed on a page of its own that says what
    becomes of the drafts; answers sent and drafts are kept as they are."""
    check(request)
    edition = get_object_or_404(EditionPage, pk=pk)
    report_url = reverse("maillage_barometer_admin:report", args=[edition.pk])
    if edition.survey_closed():
        messages.error(request, _("The survey is already closed."))
        return redirect(report_url)
    if request.method == "POST":
        closing.close_now(edition)
        messages.success(request, _("The survey of %(year)s is closed: the links no longer work, and the results "
                                    "can be published.") % {"year": edition.year})
        return redirect(report_url)
    states = list(Response.objects.filter(edition=edition).values_list("submitted_at", flat=True))
    return TemplateResponse(request, "maillage_barometer/admin/close.html", {
        "page_title": _("Close the %(year)s survey now?") % {"year": edition.year}, "edition": edition,
        "submitted": sum(1 for s in states if s), "drafts": sum(1 for s in states if not s), "report_url": report_url,
    })


def enter_answers(request, pk, key):
    """The officer types in an actor's answers (given on paper or by phone)."""
    check(request)
    edition = get_object_or_404(EditionPage, pk=pk)
    found = hooks.survey_respondents({key})
    if not found:
        raise Http404
    respondent = found[0]
    response = Response.objects.filter(edition=edition, actor_key=key).first()
    if edition.results_published:
        messages.error(request, _("The results are published: answers can no longer change."))
        return redirect("maillage_barometer_admin:report", edition.pk)
    if request.method == "POST":
        form = SurveyForm(edition, request.POST)
        submit = request.POST.get("action") == SurveyForm.SUBMIT
        if form.is_valid() and (not submit or form.check_required()):
            save_answers(edition, respondent, form.answers(), submit or bool(response and response.submitted),
                         user=request.user)
            messages.success(request, _("The answers of %(actor)s are saved.") % {"actor": respondent.name})
            return redirect("maillage_barometer_admin:report", edition.pk)
    else:
        form = SurveyForm(edition, initial=response.answers if response else {})
    return TemplateResponse(request, "maillage_barometer/admin/answers.html", {
        "page_title": _("Answers of %(actor)s") % {"actor": respondent.name}, "edition": edition,
        "respondent": respondent, "form": form, "response": response,
    })
