"""Saving a search as an email alert, without an account (``alerte/``).

The search's filters become the filters of the funding topic of core's
subscriptions (``alerts``): core sends the confirmation link (double
opt-in), the digests, and the one-click unsubscribe, and keeps the consent
records. The words typed in the search box are not kept: a digest matches
by filters. As core's subscribe form does, the page answers the same
whatever the address, and says where the link went.
"""

from django import forms
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from maillage_core.antispam import RATE_LIMIT_MESSAGE, HoneypotFormMixin, rate_limited
from maillage_core.forms import EmailField, PlainTextMixin
from maillage_core.subscriptions import emails, subscribing
from maillage_core.subscriptions.models import Subscriber
from maillage_core.subscriptions.topics import clean_filters, describe

from ..alerts import TOPIC, funding_topic

SOURCE = "funding search alert"


class AlertForm(HoneypotFormMixin, PlainTextMixin, forms.Form):
    email = EmailField(label=_("Your email"))
    frequency = forms.ChoiceField(
        label=_("How often?"), choices=Subscriber.Frequency.choices, initial=Subscriber.Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )


def search_filters(request):
    """The topic's filters read from the page's query string and the form's
    hidden fields (unknown values dropped)."""
    topic = funding_topic()
    wanted = {f.name: request.GET.getlist(f.name) + request.POST.getlist(f.name) for f in topic.filters}
    return topic, clean_filters(topic, wanted)


@never_cache
def alert(request, page):
    topic, filters = search_filters(request)
    status = 200
    if request.method == "POST":
        form = AlertForm(request.POST)
        if rate_limited(request, "funding-alert"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            subscribing.request_subscription(
                email=form.cleaned_data["email"], choices={TOPIC: filters},
                frequency=form.cleaned_data["frequency"], language=get_language(), source=SOURCE,
                base=emails.base_url(request),
            )
            return redirect("maillage_subscriptions:sent")
        else:
            status = 400
    else:
        form = AlertForm()
    context = {
        "form": form,
        "what": describe(topic, filters),
        "hidden": [(name, value) for name, values in filters.items() for value in values],
        "search_url": page.get_url(request=request),
        "search_query": "?" + request.GET.urlencode() if request.GET else "",
    }
    response = page.render(request, template="maillage_funding/alert.html", context_overrides=context)
    response.status_code = status
    return response
