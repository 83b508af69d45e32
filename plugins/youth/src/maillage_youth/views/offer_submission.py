"""The public form organisations post an offer with (no account needed)."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _

from maillage_core.antispam import RATE_LIMIT_MESSAGE, rate_limited

from .. import submissions
from ..forms import OfferForm

RATE_SCOPE = "youth-offer"


def submit(request, page):
    notices = []
    status = 200
    if request.method == "POST":
        form = OfferForm(request.POST)
        if rate_limited(request, RATE_SCOPE):
            notices.append(RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            submissions.submit_offer(form, request)
            return redirect(page.get_url(request=request) + "merci/")
    else:
        form = OfferForm()
    context = {
        "form": form,
        "form_title": _("Post an offer"),
        "notices": notices,
        "board_url": page.get_url(request=request),
    }
    response = page.render(request, template="maillage_youth/offer_form.html", context_overrides=context)
    response.status_code = status
    return response


def thanks(request, page):
    return page.render(
        request,
        template="maillage_youth/thanks.html",
        context_overrides={
            "back_url": page.get_url(request=request),
            "thanks_title": _("Thank you, your offer was received"),
            "thanks_text": _("The network checks it and publishes it, usually within a few days. "
                             "An email confirms what you sent, and another tells you when it is online."),
            "back_text": _("Back to the offers"),
        },
    )
