"""Testimonies: the list, one story, the form, and the signed withdrawal link
(routes of TestimonyIndexPage)."""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from maillage_core.antispam import RATE_LIMIT_MESSAGE, rate_limited
from maillage_core.params import paginate

from .. import conf, submissions
from ..forms import TestimonyForm
from ..models.testimonies import Testimony
from ..tokens import testimony_from_token

RATE_SCOPE = "youth-testimony"


def listing(request, page):
    paged = paginate(request, Testimony.objects.published().for_listing(), conf.get("TESTIMONIES_PER_PAGE"))
    index_url = page.get_url(request=request)
    testimonies = list(paged.page.object_list)
    for testimony in testimonies:
        testimony.page_url = f"{index_url}{testimony.pk}/"
    context = {
        "testimonies": testimonies,
        "page_obj": paged.page,
        "notices": [paged.message] if paged.message else [],
        "index_url": index_url,
    }
    return page.render(request, context_overrides=context)


def detail(request, page, pk):
    testimony = Testimony.objects.published().for_listing().filter(pk=pk).first()
    if testimony is None:
        raise Http404
    context = {"testimony": testimony, "index_url": page.get_url(request=request)}
    return page.render(request, template="maillage_youth/testimony_detail.html", context_overrides=context)


def submit(request, page):
    notices = []
    status = 200
    if request.method == "POST":
        form = TestimonyForm(request.POST, request.FILES)
        if rate_limited(request, RATE_SCOPE):
            notices.append(RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            submissions.submit_testimony(form, request)
            return redirect(page.get_url(request=request) + "merci/")
    else:
        form = TestimonyForm()
    context = {"form": form, "notices": notices, "index_url": page.get_url(request=request)}
    response = page.render(request, template="maillage_youth/testimony_form.html", context_overrides=context)
    response.status_code = status
    return response


def thanks(request, page):
    return page.render(
        request,
        template="maillage_youth/thanks.html",
        context_overrides={
            "back_url": page.get_url(request=request),
            "thanks_title": _("Thank you for your story"),
            "thanks_text": _("The network reads it before publishing it. An email confirms what you sent, with the "
                             "link to withdraw it at any time."),
            "back_text": _("Back to the testimonies"),
        },
    )


def withdraw(request, page, token):
    """Opening the link asks for confirmation (mail scanners follow links);
    only the confirmation, a POST, deletes the story."""
    index_url = page.get_url(request=request)
    testimony = testimony_from_token(token)
    if testimony is None:
        return page.render(
            request,
            template="maillage_youth/withdraw_invalid.html",
            context_overrides={"index_url": index_url},
        )
    if request.method == "POST":
        submissions.withdraw(testimony)
        return page.render(
            request,
            template="maillage_youth/withdraw_done.html",
            context_overrides={"index_url": index_url},
        )
    return page.render(
        request,
        template="maillage_youth/withdraw_confirm.html",
        context_overrides={"testimony": testimony, "index_url": index_url},
    )
