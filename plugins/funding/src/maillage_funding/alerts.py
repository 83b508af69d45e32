"""Alerts on funding calls through core's subscriptions: one topic whose
filters are the search's facets, so that a search (its filters; the
words typed are not kept) is saved as an alert from the search page
(``alerte/``). The daily or weekly digest lists the calls published since,
and those entering their last days, that match; core never sends one item
twice to a subscriber."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from maillage_core.subscriptions.topics import DigestItem, Topic, TopicFilter

from . import conf
from .amounts import BANDS
from .models.calls import ANY, FundingCall
from .models.funders import FunderKind

TOPIC = "appels-financement"


def vocabulary_choices(model, value, label="label"):
    def choices():
        return [(str(getattr(row, value)), getattr(row, label)) for row in model.objects.all()]

    return choices


def topic_filters():
    from maillage_core.models import ActorType, Department, Sector, SustainableDevelopmentGoal

    return (
        TopicFilter("financeur", _("funder"), lambda: FunderKind.choices),
        TopicFilter("acteur", _("who may apply"), vocabulary_choices(ActorType, "slug")),
        TopicFilter("pays", _("country"), lambda: list(countries)),
        TopicFilter("secteur", _("sector"), vocabulary_choices(Sector, "slug")),
        TopicFilter("odd", _("SDG"), vocabulary_choices(SustainableDevelopmentGoal, "number")),
        TopicFilter("montant", _("amount"), lambda: [(key, label) for key, (label, _low, _high) in BANDS.items()]),
        TopicFilter("departement", _("department"), vocabulary_choices(Department, "code")),
    )


def funding_topic():
    return Topic(key=TOPIC, label=_("Funding calls"),
                 description=_("New calls, and calls about to close, that match your search."),
                 filters=topic_filters(), new_items=new_calls, order=40)


def matching(calls, filters):
    """The calls of ``calls`` matching ``filters`` (URL values, as saved)."""
    from maillage_core.models import ActorType, Sector

    if filters.get("financeur"):
        calls = calls.filter(funders__kind__in=filters["financeur"])
    if filters.get("acteur"):
        ids = list(ActorType.objects.filter(slug__in=filters["acteur"]).values_list("pk", flat=True))
        calls = calls.filter(actor_types__in=ids) | calls.filter(actor_types=None)
    if filters.get("secteur"):
        calls = calls.filter(sectors__in=Sector.objects.filter(slug__in=filters["secteur"]))
    if filters.get("odd"):
        calls = calls.filter(sdgs__in=filters["odd"])
    if filters.get("departement"):
        calls = calls.filter(departments__in=filters["departement"]) | calls.filter(departments=None)
    calls = list(calls.distinct().prefetch_related("funders"))
    if filters.get("pays"):
        wanted = set(filters["pays"]) | {ANY}
        calls = [call for call in calls if set(call.facet_countries()) & wanted]
    if filters.get("montant"):
        calls = [call for call in calls if set(call.facet_amounts()) & set(filters["montant"])]
    return calls


def search_page(request=None):
    """``FundingSearchPageMixin.for_request``, named by label as a ForeignKey
    does: the page module imports this one (through the alert view)."""
    from django.apps import apps

    return apps.get_model("maillage_funding", "FundingSearchPage").for_request(request)


def new_calls(since, filters):
    """Calls first published after ``since``, and calls whose last days
    began after it, matching ``filters``. One key per call, whichever the
    reason: core never sends a key twice to a subscriber, so an alert never
    brings the same call twice (a call sent as new is not sent again when
    it comes to its last days)."""
    page = search_page()
    base = page.get_full_url() if page else None
    if not base:
        return []
    zone = timezone.get_current_timezone()
    soon = timedelta(days=conf.get("CLOSING_SOON_DAYS"))
    items, seen = [], set()
    for call in matching(FundingCall.objects.current().filter(first_published_at__gt=since), filters):
        seen.add(call.pk)
        items.append(DigestItem(key=f"call:{call.pk}", title=call.title, url=f"{base}{call.slug}/",
                                published_at=call.first_published_at, summary=call.summary[:300]))
    today = timezone.localdate()
    closing = FundingCall.objects.closing_soon(today).filter(closes_on__gt=(since - soon).date())
    for call in matching(closing, filters):
        entered = datetime.combine(call.closes_on - soon, time(0, 0), tzinfo=zone)
        if entered > since and call.pk not in seen:
            items.append(DigestItem(key=f"call:{call.pk}", title=str(_("Closing soon: %(title)s") % {"title": call.title}),
                                    url=f"{base}{call.slug}/", published_at=entered, summary=call.summary[:300]))
    return items[:100]
