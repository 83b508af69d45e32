"""What funding gives the rest of a site through core's hooks: a site
search section, a home figure and a "closing soon" section, a country
section and the closing dates among upcoming events."""

from datetime import datetime, time

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maillage_core.hooks import Event, KeyFigure, Section
from maillage_core.search.sources import QuerysetSearchSource, SearchHit, summary_of

from . import conf
from .cards import cards
from .models import FundingCall, FundingSearchPageMixin

COUNTRY_ITEMS = 5


def search_url(request):
    page = FundingSearchPageMixin.for_request(request)
    return page.get_url(request=request) if page else ""


class CallSearchSource(QuerysetSearchSource):
    """Current calls only: on the engine, the visibility field and the
    closing date; with the database backend, the same filters."""

    key = "funding"
    label = gettext_lazy("Funding calls")
    order = 30
    fallback_fields = ("title", "summary")
    # A call open to every country is indexed as "*", which names no country.
    refine_fields = {"country": "facet_countries", "sector": "facet_sectors"}
    # The funders come from get_queryset's prefetch.
    hit_fields = ("title", "slug", "summary", "permanent", "opens_on", "closes_on")

    def get_queryset(self, request):
        return FundingCall.objects.current().prefetch_related("funders")

    def get_public_queryset(self, request):
        return self.get_queryset(request)

    def to_hit(self, call, request) -> SearchHit:
        url = search_url(request)
        meta = [call.funder_list, str(call.status_label)]
        if call.closes_on:
            meta.append(_("closes on %(date)s") % {"date": date_format(call.closes_on, "j F Y")})
        return SearchHit(title=call.title, url=f"{url}{call.slug}/" if url else "", summary=summary_of(call.summary),
                         meta=" · ".join(part for part in meta if part))


def closing_soon(request, limit, **filters):
    url = search_url(request)
    if not url:
        return [], ""
    return cards(FundingCall.objects.closing_soon().filter(**filters).order_by("closes_on", "pk")[:limit]), url


def home_figures(request):
    url = search_url(request)
    if not url:
        return []
    return [KeyFigure(label=_("open funding calls"), value=FundingCall.objects.open().count(), url=url)]


def home_sections(request):
    calls, url = closing_soon(request, conf.get("HOME_ITEMS"))
    if not calls:
        return []
    return [Section(key="funding-closing", title=_("Funding calls closing soon"),
                    template="maillage_funding/includes/home_section.html",
                    context={"calls": calls, "search_url": url}, order=40, event_kinds=(_("funding call"),))]


def country_section(request, country_code):
    """Current calls naming the country (calls open to every country are
    left out: they would fill every country page alike)."""
    code = str(country_code or "").upper()[:2]
    url = search_url(request)
    if not url or len(code) != 2:
        return []
    calls = cards(FundingCall.objects.open().filter(countries__contains=code).order_by("closes_on", "pk")[:COUNTRY_ITEMS])
    if not calls:
        return []
    return [Section(key="funding", title=_("Funding calls for this country"),
                    template="maillage_funding/includes/country_section.html",
                    context={"calls": calls, "search_url": url, "all_url": f"{url}?pays={code}"}, order=45)]


def upcoming_events(request, limit):
    """Closing dates of open calls, soonest first."""
    url = search_url(request)
    if not url:
        return []
    zone = timezone.get_current_timezone()
    calls = FundingCall.objects.open().filter(~Q(closes_on=None)).order_by("closes_on", "pk")[:limit]
    return [Event(title=_("Closing: %(title)s") % {"title": call.title}, url=f"{url}{call.slug}/",
                  start=datetime.combine(call.closes_on, time(23, 59), tzinfo=zone), kind=_("funding call"))
            for call in calls]
