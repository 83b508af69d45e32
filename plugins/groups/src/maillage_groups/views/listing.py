"""The groups index (filters: kind, country, sector, active or archived) and
the archive of minutes (per group, or across groups), searchable.

Parameters are read with ``maillage_core.params``: a value that does not
parse is dropped with a message, never an error. The archive shows
members-only minutes to those who may read them only: on the engine by the
visibility filter (one clause), in the database by one condition on the
person's groups.
"""

from datetime import datetime

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _
from django_countries import countries as all_countries

from maillage_core import params
from maillage_core.content_memo import remembered
from maillage_core.models import Sector
from maillage_core.search import visible_search
from maillage_core.search.fallback import OUTAGE_NOTICE, engine_or_database

from .. import conf
from ..access import mark_personal, minutes_visible_to
from ..models.choices import GroupKind, GroupStatus

KINDS = {"pays": GroupKind.COUNTRY, "thematique": GroupKind.THEMATIC}
STATUSES = {"actifs": [GroupStatus.ACTIVE], "archives": [GroupStatus.ARCHIVED], "tous": list(GroupStatus.values)}


def ignored(name, value):
    return _("“%(value)s” is not a valid value for “%(name)s”; it was ignored.") % {"value": value, "name": name}


def country_options(groups):
    codes = {code for group in groups for code in group.country_codes}
    return sorted(((code, str(all_countries.name(code) or code)) for code in codes), key=lambda item: item[1])


def listed_groups(index):
    """(groups, sectors): the index's live, public groups by title, each with
    its ``listed_sectors`` and ``country_codes``, and the sectors they cover.
    The same for every visitor (no members-only content): kept in the
    process under the content version, so a listing asks no query of its own
    (filtering a few dozen groups in Python costs less than asking)."""
    return remembered(("groups_index", index.pk), lambda: load_groups(index))


def load_groups(index):
    groups = index.groups()
    sectors = list(Sector.objects.filter(pk__in=groups.values("sectors")).only("slug", "name", "name_en"))
    listed = list(groups.order_by("title").prefetch_related(
        Prefetch("sectors", queryset=Sector.objects.only("slug", "name", "name_en"))
    ))
    for group in listed:
        group.listed_sectors = tuple(group.sectors.all())
        group.country_codes = tuple(country.code for country in group.countries)
    return listed, sectors


def chosen_groups(groups, kind, country, sector, status):
    return [
        group for group in groups
        if group.status in STATUSES[status]
        and (not kind or group.kind == KINDS[kind])
        and (not country or country in group.country_codes)
        and (not sector or any(listed.slug == sector for listed in group.listed_sectors))
    ]


def group_index(request, index):
    notices = []
    groups, sectors = listed_groups(index)
    countries = country_options(groups)

    kind, bad = params.one_of(request, "type", KINDS, "")
    if bad:
        notices.append(ignored(_("kind"), bad))
    country, bad = params.one_of(request, "pays", {code for code, _name in countries}, "")
    if bad:
        notices.append(ignored(_("country"), bad))
    sector, bad = params.one_of(request, "secteur", {s.slug for s in sectors}, "")
    if bad:
        notices.append(ignored(_("sector"), bad))
    status, bad = params.one_of(request, "statut", STATUSES, "actifs")
    if bad:
        notices.append(ignored(_("status"), bad))

    results = params.paginate(request, chosen_groups(groups, kind, country, sector, status), conf.get("PER_PAGE"))
    if results.message:
        notices.append(results.message)
    context = {
        "page_obj": results.page,
        "groups": list(results.page.object_list),
        "countries": countries,
        "sectors": sectors,
        "kinds": [("pays", _("Country groups")), ("thematique", _("Thematic groups"))],
        "statuses": [("actifs", _("Active")), ("archives", _("Archived")), ("tous", _("All"))],
        "chosen": {"type": kind, "pays": country, "secteur": sector, "statut": status},
        "notices": notices,
        "archive_url": index.url + index.reverse_subpage("archive") if index.url else "",
    }
    return mark_personal(index.render(request, context_overrides=context), request, private=False)


# -- the archive of minutes -------------------------------------------------


def year_options(scope):
    return sorted({moment.year for moment in scope.dates("held_on", "year")}, reverse=True)


def minutes_archive(request, page, group=None):
    """The archive of ``page``: the groups index (every group) or a group."""
    notices = []
    user = request.user
    scope = page.archived_minutes()
    visible = minutes_visible_to(user, scope)
    query, shortened = params.search_query(request)
    if shortened:
        notices.append(shortened)
    years = year_options(visible)
    year, bad = params.integer(request, "annee", minimum=1900, maximum=2200)
    if bad is not None or (year is not None and year not in years):
        notices.append(ignored(_("year"), bad if bad is not None else year))
        year = None
    if year is not None:
        # A range, not __year: the engine knows ranges.
        zone = conf.time_zone()
        within = {"held_on__gte": datetime(year, 1, 1, tzinfo=zone), "held_on__lt": datetime(year + 1, 1, 1, tzinfo=zone)}
        scope, visible = scope.filter(**within), visible.filter(**within)

    degraded = False
    if query:
        results = visible_search(scope, query, user=user, db_queryset=visible)
        matches = visible.filter(Q(title__icontains=query[:100]) | Q(body__icontains=query[:100]))
        (listing, items), degraded = engine_or_database(
            lambda: read_page(request, results), lambda: read_page(request, matches.order_by("-held_on"))
        )
        if degraded:
            notices.append(OUTAGE_NOTICE)
    else:
        listing, items = read_page(request, visible.order_by("-held_on", "pk"))
    if listing.message:
        notices.append(listing.message)
    attach_groups(items, page)
    context = {
        "page_obj": listing.page,
        "items": items,
        "group": group,
        "search_query": query,
        "years": years,
        "year": year,
        "notices": notices,
        "degraded": degraded,
        "archive_title": (
            _("Minutes of “%(group)s”") % {"group": group.title} if group is not None else _("Minutes of every group")
        ),
    }
    response = page.render(
        request, template="maillage_groups/minutes_archive.html", context_overrides=context
    )
    return mark_personal(response, request, private=False)


def read_page(request, minutes):
    """(listing, items): the page asked for, read (the engine answers now)."""
    listing = params.paginate(request, minutes, conf.get("PER_PAGE"))
    return listing, list(listing.page.object_list)


def attach_groups(items, page):
    """The groups of a page of minutes, in one query."""
    groups = page.groups_by_id({item.group_id for item in items})
    for item in items:
        item.group_page = groups.get(item.group_id)
