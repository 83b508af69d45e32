"""The offers board and each offer's page (routes of OfferBoardPage)."""

from datetime import datetime, time, timedelta

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from maillage_core.content_memo import remembered
from maillage_core.models import Sector
from maillage_core.params import paginate
from maillage_core.search import visible_search
from maillage_core.search.fallback import OUTAGE_NOTICE, engine_or_database

from .. import conf
from ..models.choices import OfferKind
from ..models.offers import Offer
from ..offer_filters import SORTS, read_filters
from ..options import options_html
from ..structured_data import job_posting
from ..words import Words

MONTHS_OFFERED = 12


def search_offers(filters, request):
    """Open offers matching ``filters``, lazily: from the engine when there
    is a text query, from the database otherwise."""
    offers = filters.apply(Offer.objects.open()).for_listing()
    if not filters.text:
        return offers.order_by(*filters.ordering, "pk")
    return visible_search(
        offers, filters.text, user=getattr(request, "user", None), db_queryset=offers, order_by=filters.ordering
    )


def fallback_search(filters):
    """During an engine outage: every word in the title, organisation or city."""
    offers = filters.apply(Offer.objects.open()).for_listing()
    for word in filters.text.split()[:5]:
        offers = offers.filter(Q(title__icontains=word) | Q(organisation__icontains=word) | Q(city__icontains=word))
    return offers.order_by(*filters.ordering, "pk")


def one_page(request, filters):
    """(page, degraded): a page of results, from the database when the engine fails."""
    return engine_or_database(
        lambda: read_page(request, search_offers(filters, request)), lambda: read_page(request, fallback_search(filters))
    )


def read_page(request, offers):
    paged = paginate(request, offers, conf.get("OFFERS_PER_PAGE"))
    paged.page.object_list = list(paged.page.object_list)
    return paged


def board(request, page):
    # The thesaurus, the same for every visitor: kept under the content version.
    sectors = remembered(("youth_sectors",), lambda: list(Sector.objects.all()))
    filters = read_filters(request, sectors)
    paged, degraded = one_page(request, filters)
    notices = list(filters.notices)
    if degraded:
        notices.append(OUTAGE_NOTICE)
    if paged.message:
        notices.append(paged.message)
    board_url = page.get_url(request=request)
    for offer in paged.page.object_list:
        offer.board_url = f"{board_url}{offer.slug}/"
    context = {
        "filters": filters,
        "offers": paged.page.object_list,
        "page_obj": paged.page,
        "total": paged.page.paginator.count,
        "degraded": degraded,
        "notices": notices,
        "board_url": board_url,
        "kind_options": options_html(OfferKind.choices, filters.kinds),
        "country_options": options_html(country_options(filters), filters.countries),
        "sector_options": options_html(((sector.slug, sector.label) for sector in sectors),
                                       {sector.slug for sector in filters.sectors}),
        "month_options": options_html(month_options(filters), {f"{filters.month:%Y-%m}"} if filters.month else (),
                                      capitalised=True),
        "sort_options": options_html(SORTS.items(), {filters.sort}, capitalised=True),
    }
    return page.render(request, context_overrides=context)


def open_countries():
    """Codes of the countries with an open offer, kept under the content
    version until midnight (when offers close by their date alone)."""
    def build():
        # order_by(): the model's ordering would make each offer a distinct row.
        return frozenset(Offer.objects.open().order_by().values_list("country", flat=True).distinct())

    return remembered(("youth_open_countries",), build, until=lambda codes: next_midnight())


def next_midnight():
    return datetime.combine(timezone.localdate() + timedelta(days=1), time.min, tzinfo=timezone.get_current_timezone())


def country_options(filters):
    """Countries with an open offer, and any the visitor chose, by name."""
    words = Words()
    codes = open_countries() | set(filters.countries)
    return sorted(((code, words.country(code)) for code in codes if code), key=lambda pair: pair[1])


def month_options(filters):
    from ..offer_filters import next_month

    today = timezone.localdate()
    month = today.replace(day=1)
    months = []
    for _index in range(MONTHS_OFFERED):
        months.append(month)
        month = next_month(month)
    if filters.month and filters.month not in months:
        months.insert(0, filters.month)
    words = Words()
    return [(f"{month:%Y-%m}", words.month_year(month)) for month in months]


def detail(request, page, slug):
    offer = Offer.objects.select_related("sector").filter(slug=slug).first()
    if offer is None or not (offer.live or offer.expired):
        raise Http404
    board_url = page.get_url(request=request)
    if not offer.is_open:
        # A closed offer was public once: say so rather than a bare 404.
        response = page.render(
            request,
            template="maillage_youth/offer_closed.html",
            context_overrides={"offer": offer, "board_url": board_url},
        )
        response.status_code = 410
        return response
    context = {
        "offer": offer,
        "board_url": board_url,
        "job_posting": job_posting(offer, request, board_url),
    }
    return page.render(request, template="maillage_youth/offer_detail.html", context_overrides=context)
