"""The public pages of subscriptions: subscribe, confirm, preferences,
unsubscribe. No account: the emailed links are signed.

Opening a link (GET) only shows what it will do, so that mail scanners
following links change nothing; the change happens on POST. The
unsubscribe address also takes a mail client's one-click POST (RFC 8058),
which carries no CSRF token: the signed link is its proof. A forged,
altered, expired or used link gets a page saying so, and nothing changes.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..antispam import RATE_LIMIT_MESSAGE, rate_limited
from . import conf, emails, subscribing, tokens
from .forms import PreferencesForm, SubscribeForm, filter_field_name
from .topics import all_topics

RATE_SCOPE = "subscriptions"
SUBSCRIBE_FORM = "subscribe form"
CONFIRM_PAGE = "confirmation link"
PREFERENCES_PAGE = "preferences page"
UNSUBSCRIBE_PAGE = "unsubscribe page"
ONE_CLICK = "one-click unsubscribe (RFC 8058)"


def problem(request, message, status=400):
    return render(request, "maillage_core/subscriptions/link_problem.html", {"message": message}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if rate_limited(request, RATE_SCOPE):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            subscribing.request_subscription(
                email=form.cleaned_data["email"], choices=form.choices(), frequency=form.frequency_choice(),
                language=get_language(), source=SUBSCRIBE_FORM, base=emails.base_url(request),
            )
            return redirect("maillage_subscriptions:sent")
    else:
        wanted = [key for key in request.GET.getlist("theme") if key in all_topics()]
        form = SubscribeForm(initial={"topics": wanted})
    return render(request, "maillage_core/subscriptions/subscribe.html", {"form": form}, status=status)


def sent(request):
    return render(request, "maillage_core/subscriptions/sent.html", {"days": conf.get("CONFIRM_DAYS")})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    subscriber, current = tokens.read_confirm(token)
    if subscriber is None:
        return problem(request, _("This confirmation link is not valid or has expired. Subscribe again to "
                                  "receive a new one."))
    if not current:
        return problem(request, _("This confirmation link was already used. If you are subscribed, the "
                                  "emails you receive link to your preferences."), status=409)
    if request.method == "POST":
        if not subscribing.confirm(subscriber, CONFIRM_PAGE):
            return problem(request, _("This confirmation link was already used."), status=409)
        messages.success(request, _("Your subscription is confirmed. Here you can change it at any time."))
        return redirect("maillage_subscriptions:preferences", token=tokens.link_token(subscriber))
    return render(request, "maillage_core/subscriptions/confirm.html", {
        "subscriber": subscriber, "topics": subscribing.describe_choices(subscribing.current_choices(subscriber)),
    })


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    subscriber = tokens.read_link(token)
    if subscriber is None:
        return problem(request, _("This link is not valid. Use the link of the latest email you received."))
    if request.method == "POST" and subscriber.is_active:
        form = PreferencesForm(request.POST)
        if form.is_valid():
            subscribing.change(subscriber, choices=form.choices(), frequency=form.frequency_choice(),
                               language=form.cleaned_data["language"], source=PREFERENCES_PAGE)
            messages.success(request, _("Your choices are saved."))
            return redirect("maillage_subscriptions:preferences", token=token)
    else:
        form = PreferencesForm(initial=preferences_initial(subscriber))
    return render(request, "maillage_core/subscriptions/preferences.html", {
        "form": form, "subscriber": subscriber, "token": token,
    })


def preferences_initial(subscriber):
    initial = {"frequency": subscriber.frequency, "language": subscriber.language}
    topics = all_topics()
    chosen = subscribing.current_choices(subscriber)
    initial["topics"] = [key for key in chosen if key in topics]
    for key in initial["topics"]:
        for topic_filter in topics[key].filters:
            initial[filter_field_name(topics[key], topic_filter)] = chosen[key].get(topic_filter.name, [])
    return initial


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber = tokens.read_link(token)
    if subscriber is None:
        return problem(request, _("This unsubscribe link is not valid. Use the link of the latest email you "
                                  "received, or write to us."))
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        subscribing.unsubscribe(subscriber, ONE_CLICK if one_click else UNSUBSCRIBE_PAGE)
        return render(request, "maillage_core/subscriptions/unsubscribed.html", {"token": token})
    return render(request, "maillage_core/subscriptions/unsubscribe.html", {"subscriber": subscriber})
