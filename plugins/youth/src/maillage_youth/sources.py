"""What the youth space gives the rest of a site through core's hooks:
site search sections, a home-page figure and section, country sections."""

from django.db.models import Count
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maillage_core.hooks import CountryFigures, KeyFigure, Section
from maillage_core.search.sources import QuerysetSearchSource, SearchHit, summary_of
from maillage_core.site_pages import concrete_models, public, under_site

from .models import Offer, OfferBoardPageMixin, SchemePageMixin, Testimony, TestimonyIndexPageMixin
from .regions import region_of

HOME_OFFERS = 3
COUNTRY_ITEMS = 5


class OfferSearchSource(QuerysetSearchSource):
    """Open offers only: on the engine, the visibility field and the
    closing date; with the database backend, the same filters."""

    key = "offers"
    label = gettext_lazy("Offers for young people")
    order = 40
    fallback_fields = ("title", "organisation")
    refine_fields = {"country": "country", "sector": "sector"}
    hit_fields = ("title", "slug", "kind", "organisation", "country", "closing_date", "description")

    def get_queryset(self, request):
        return Offer.objects.open().select_related("sector")

    def get_public_queryset(self, request):
        return Offer.objects.open().select_related("sector")

    def to_hit(self, offer, request) -> SearchHit:
        meta = " · ".join(
            [str(offer.get_kind_display()), offer.organisation, str(offer.country.name),
             _("apply by %(date)s") % {"date": date_format(offer.closing_date, "j F Y")}]
        )
        return SearchHit(title=offer.title, url=offer.get_url(request) or "", summary=summary_of(offer.description),
                         meta=meta)


class SchemeSearchSource(QuerysetSearchSource):
    key = "schemes"
    label = gettext_lazy("Engagement schemes")
    order = 35
    fallback_fields = ("title", "short_name")
    hit_fields = ("title", "pitch", "operator", "url_path")

    def model(self):
        models = concrete_models(SchemePageMixin)
        return models[0] if models else None

    def get_queryset(self, request):
        return self.model().objects.live()

    def get_public_queryset(self, request):
        return self.model().objects.live().public()

    def to_hit(self, scheme, request) -> SearchHit:
        return SearchHit(title=scheme.title, url=scheme.get_url(request=request) or "", summary=scheme.pitch,
                         meta=scheme.operator)


class TestimonySearchSource(QuerysetSearchSource):
    key = "testimonies"
    label = gettext_lazy("Testimonies")
    order = 45
    fallback_fields = ("title",)
    refine_fields = {"country": "country"}
    hit_fields = ("title", "author_name", "country", "year", "text")

    def get_queryset(self, request):
        return Testimony.objects.published().select_related("scheme")

    def get_public_queryset(self, request):
        return self.get_queryset(request)

    def to_hit(self, testimony, request) -> SearchHit:
        meta = ", ".join(str(part) for part in [testimony.author_name, testimony.country.name, testimony.year] if part)
        return SearchHit(title=testimony.title, url=testimony.get_url(request) or "", summary=summary_of(testimony.text),
                         meta=meta)


def board_url(request):
    board = OfferBoardPageMixin.for_request(request)
    return board.get_url(request=request) if board else ""


def latest_offers(request, limit, **filters):
    url = board_url(request)
    if not url:
        return [], ""
    offers = list(Offer.objects.open().filter(**filters).for_listing().order_by("-first_published_at", "-pk")[:limit])
    for offer in offers:
        offer.board_url = f"{url}{offer.slug}/"
    return offers, url


def home_figures(request):
    url = board_url(request)
    if not url:
        return []
    return [KeyFigure(label=_("open offers for young people"), value=Offer.objects.open().count(), url=url)]


def home_sections(request):
    offers, url = latest_offers(request, HOME_OFFERS)
    if not offers:
        return []
    return [
        Section(
            key="youth-offers",
            title=_("Latest offers for young people"),
            template="maillage_youth/includes/home_section.html",
            context={"offers": offers, "board_url": url},
            order=50,
        )
    ]


def country_figures(request):
    """Open offers per country (one grouped query), when the board that shows them exists."""
    if not board_url(request):
        return []
    rows = Offer.objects.open().exclude(country="").order_by().values_list("country").annotate(n=Count("pk"))
    counts = {str(code): n for code, n in rows}
    return [CountryFigures(key="offers", label=_("Offers for young people"), counts=counts, order=60)] if counts else []


def schemes_for(request, code):
    """Live public schemes that can take someone to the country's region of
    the world, in one query (a catalogue holds a dozen or so)."""
    region = region_of(code)
    models = concrete_models(SchemePageMixin)
    if not region or not models:
        return []
    schemes = under_site(public(models[0].objects.live()), request).order_by("title")
    return [scheme for scheme in schemes if region in scheme.regions]


def country_section(request, code):
    offers, url = latest_offers(request, COUNTRY_ITEMS, country=code)
    testimonies = []
    index_page = TestimonyIndexPageMixin.for_request(request)
    if index_page:
        testimonies = list(Testimony.objects.published().filter(country=code).for_listing()[:COUNTRY_ITEMS])
        for testimony in testimonies:
            testimony.page_url = testimony.url_on(index_page, request)
    schemes = schemes_for(request, code)
    if not offers and not testimonies and not schemes:
        return []
    return [
        Section(
            key="youth",
            title=_("Young people: offers, schemes and testimonies"),
            template="maillage_youth/includes/country_section.html",
            context={"offers": offers, "testimonies": testimonies, "schemes": schemes, "board_url": url,
                     "country": code},
            order=60,
        )
    ]
