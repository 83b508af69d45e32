"""The public side of an edition, served by its page's routes: the page
itself (the survey's announcement, then the frozen figures), an actor's
survey through its signed link, and the open data."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from maillage_core import hooks

from . import closing, opendata, pdf, pdf_extra, rendered
from .models.responses import Response
from .survey import SurveyForm, previous_answers, read_link_token, save_answers


def edition(request, page):
    context = {"survey_open": page.survey_open()}
    if not page.results_published:
        closing.freeze_directory(page)  # the first visit after closing, when no worker did it
    if page.results_published:
        context["results"] = rendered.results(request, page)
    return page.render(request, context_overrides=context)


def notice(request, page, title, message, status):
    response = TemplateResponse(request, "maillage_barometer/survey_notice.html",
                                {"page": page, "self": page, "notice_title": title, "notices": [message]},
                                status=status)
    add_never_cache_headers(response)
    return response


def survey(request, page, token):
    """An actor's answers, saved as a draft over several sittings and then
    sent. Whatever is wrong with the link, the visitor reads why."""
    today = timezone.localdate()
    closes = date_format(page.closing_date(), "DATE_FORMAT")
    if page.survey_closed(today):
        closing.freeze_directory(page)
        return notice(request, page, _("The survey is closed"),
                      _("The survey closed on %(date)s: answers can no longer be given or changed. "
                        "Thank you for your interest.") % {"date": closes}, status=410)
    if today < page.opens_on:
        return notice(request, page, _("The survey is not open yet"),
                      _("The survey opens on %(date)s: come back then with the same link.")
                      % {"date": date_format(page.opens_on, "DATE_FORMAT")}, status=403)
    actor_key = read_link_token(page, token)
    respondents = hooks.survey_respondents({actor_key}) if actor_key else []
    if not respondents:
        return notice(request, page, _("This link does not work"),
                      _("This link is incomplete, altered or not meant for this survey. Use the link of the "
                        "last email you received, whole, or ask the network for a new one."), status=403)
    respondent = respondents[0]
    response = Response.objects.filter(edition=page, actor_key=actor_key).first()
    if response is not None and response.submitted:
        return notice(request, page, _("Your answers were sent"),
                      _("The answers of %(actor)s were sent on %(date)s; they can no longer be changed here. "
                        "Thank you! To correct them, write to the network.")
                      % {"actor": respondent.name, "date": date_format(timezone.localtime(response.submitted_at), "DATE_FORMAT")},
                      status=409 if request.method == "POST" else 200)
    prefilled_year = None
    if request.method == "POST":
        form = SurveyForm(page, request.POST)
        submit = request.POST.get("action") == SurveyForm.SUBMIT
        if form.is_valid() and (not submit or form.check_required()):
            save_answers(page, respondent, form.answers(), submit)
            if submit:
                messages.success(request, _("Thank you: your answers were sent."))
            else:
                messages.success(request, _("Your answers are saved. Come back with the same link to finish "
                                            "them before %(date)s.") % {"date": closes})
            return redirect(request.path)
    elif response is not None:
        form = SurveyForm(page, initial=response.answers)
    else:
        initial, prefilled_year = previous_answers(page, actor_key)
        form = SurveyForm(page, initial=initial)
    result = TemplateResponse(request, "maillage_barometer/survey.html", {
        "page": page, "self": page, "form": form, "respondent": respondent, "draft": response,
        "prefilled_year": prefilled_year, "closes_on": page.closes_on,
    }, status=400 if request.method == "POST" else 200)
    add_never_cache_headers(result)
    return result


def open_data(request, page, fmt):
    if fmt not in opendata.FORMATS or not page.results_published:
        raise Http404
    response = HttpResponse(opendata.WRITERS[fmt](page.figures), content_type=opendata.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="barometre-{page.year}.{fmt}"'
    return response


def edition_pdf(request, page):
    """The published edition as a PDF, made from its print view once and kept."""
    if not page.results_published or not pdf_extra.available():
        raise Http404

    def print_view():
        context = {"survey_open": False, "results": rendered.results(request, page)}
        return page.render(request, context_overrides=context).render().content.decode()

    response = HttpResponse(pdf.document(request, page, print_view), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="barometre-{page.year}.pdf"'
    return response
