"""The public form to suggest a call or a correction (no account needed)."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _

from maillage_core.antispam import RATE_LIMIT_MESSAGE, rate_limited

from .. import suggestions
from ..forms import SuggestionForm
from ..models.calls import FundingCall

RATE_SCOPE = "funding-suggestion"


def suggest(request, page):
    slug = request.GET.get("appel", "")[:120]
    call = FundingCall.objects.public().filter(slug=slug).first() if slug else None
    notices, status = [], 200
    if request.method == "POST":
        form = SuggestionForm(request.POST)
        if rate_limited(request, RATE_SCOPE):
            notices.append(RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            suggestions.suggest(form.cleaned_data, call)
            return redirect(page.get_url(request=request) + "merci/")
        else:
            status = 400
    else:
        initial = {"title": call.title, "official_url": call.official_url, "closes_on": call.closes_on,
                   "permanent": call.permanent, "summary": call.summary,
                   "funder": call.funder_list} if call else {}
        form = SuggestionForm(initial=initial)
    context = {
        "form": form, "call": call, "notices": notices, "search_url": page.get_url(request=request),
        "form_title": _("Suggest a correction") if call else _("Suggest a funding call"),
    }
    response = page.render(request, template="maillage_funding/suggest.html", context_overrides=context)
    response.status_code = status
    return response


def thanks(request, page):
    return page.render(request, template="maillage_funding/thanks.html",
                       context_overrides={"search_url": page.get_url(request=request)})
