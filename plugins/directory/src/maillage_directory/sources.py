"""What the directory gives the rest of the site through core's hooks."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maillage_core.hooks import CountryFigures, KeyFigure, Organisation, Respondent, Section
from maillage_core.models import Sector
from maillage_core.search.sources import QuerysetSearchSource, SearchHit, summary_of

from .models import Actor, DirectoryPage
from .statistics import statistics

COUNTRY_SECTION_SIZE = 8


class ActorSearchSource(QuerysetSearchSource):
    """Actors in site search: published ones only (the visibility filter
    on the engine, ``live`` with the database backend)."""

    key = "actors"
    label = gettext_lazy("Actors")
    order = 20
    fallback_fields = ("name", "acronym")
    refine_fields = {"country": "facet_countries", "sector": "facet_sectors"}
    hit_fields = ("name", "acronym", "city", "description", "slug")

    def get_queryset(self, request):
        return Actor.objects.live()

    def get_public_queryset(self, request):
        return Actor.objects.live()

    def to_hit(self, actor, request) -> SearchHit:
        meta = " · ".join(part for part in [actor.acronym, actor.city] if part)
        return SearchHit(
            title=actor.name, url=actor.get_url(request) or "", summary=summary_of(actor.description), meta=meta
        )


def home_figures(request):
    directory = DirectoryPage.for_request(request)
    url = directory.get_url(request=request) if directory else ""
    figures = statistics()
    return [
        KeyFigure(label=_("actors in the directory"), value=figures.actors, url=url or ""),
        KeyFigure(label=_("countries where they work"), value=figures.countries, url=url or ""),
    ]


def organisations(query, limit):
    """Published actors whose name or acronym contains ``query``."""
    text = " ".join(str(query or "").split())[:100]
    actors = Actor.objects.live().select_related("department")
    if text:
        actors = actors.filter(Q(name__icontains=text) | Q(acronym__icontains=text))
    return [
        Organisation(key=f"directory:{actor.pk}", name=str(actor), detail=actor.city)
        for actor in actors.order_by("name")[: max(0, int(limit))]
    ]


def survey_respondents(keys):
    """Published actors as a survey sees them (the barometer), in four
    queries whatever their number; ``keys`` ("directory:12") limits them."""
    actors = Actor.objects.live().select_related("actor_type", "department").prefetch_related("sectors", "sdgs")
    if keys is not None:
        ids = [int(key[10:]) for key in keys if key.startswith("directory:") and key[10:].isdigit()]
        actors = actors.filter(pk__in=[pk for pk in ids if pk < 2**31])
    return [
        Respondent(
            key=f"directory:{actor.pk}", name=str(actor), email=actor.contact_email or actor.email,
            actor_type=actor.actor_type.name if actor.actor_type else "",
            department=f"{actor.department.name} ({actor.department.code})" if actor.department else "",
            countries=tuple(sorted(country.code for country in actor.countries)),
            sectors=tuple(sorted(sector.slug for sector in actor.sectors.all())),
            sdgs=tuple(sorted(goal.number for goal in actor.sdgs.all())),
        )
        for actor in actors
    ]


MAIN_SECTORS = 3


def main_sectors(actors):
    """The sectors most of ``actors`` work in, most first: two queries."""
    through = Actor.sectors.through
    rows = (through.objects.filter(actor__in=actors.values("pk")).values("sector_id")
            .annotate(n=Count("pk")).order_by("-n", "sector_id")[:MAIN_SECTORS])
    ranked = [row["sector_id"] for row in rows]
    sectors = Sector.objects.in_bulk(ranked)
    return [sectors[pk] for pk in ranked if pk in sectors]


def country_figures(request):
    return [CountryFigures(key="actors", label=_("Actors"), counts=statistics().per_country, order=30)]


def country_section(request, code):
    actors = Actor.objects.live().filter(countries__contains=code).select_related("actor_type")
    found = list(actors.order_by("-updated_at")[:COUNTRY_SECTION_SIZE])
    if not found:
        return []
    directory = DirectoryPage.for_request(request)
    url = directory.get_url(request=request) if directory else ""
    return [
        Section(
            key="directory",
            title=_("Actors of the region working there"),
            template="maillage_directory/includes/country_section.html",
            context={"actors": found, "total": actors.count(), "directory_url": url, "country": code,
                     "sectors": main_sectors(actors)},
            order=30,
        )
    ]
