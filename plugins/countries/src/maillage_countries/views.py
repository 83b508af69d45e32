"""The countries index and the country pages, served by the index page's routes."""

import unicodedata

from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maillage_core import hooks, worldmap
from maillage_core.continents import CONTINENTS, continent_of
from maillage_core.params import one_of, search_query

from . import names
from .profiles import CountryProfile

ORDERS = ("asc", "desc")


def fold(text):
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("’", "'")


def profiled_codes():
    return {str(code) for code in CountryProfile.objects.values_list("country", flat=True)}


def available_codes(request, figures=None):
    """{code: {figures key: count}} for every country with a page: active in
    some plugin, or with a profile the officer wrote."""
    found = hooks.active_countries(request, figures)
    for code in profiled_codes():
        found.setdefault(code, {})
    return {code: counts for code, counts in found.items() if names.slug_for(code)}


def country_slugs(request):
    return sorted(names.slug_for(code) for code in available_codes(request))


# --- the index ----------------------------------------------------------


def index(request, page):
    figures = hooks.country_figures(request)
    columns = [(figure.key, figure.label) for figure in figures]
    keys = [key for key, _label in columns]
    base = page.get_url(request=request) or ""
    notices = []
    query, shortened = search_query(request)
    if shortened:
        notices.append(shortened)
    continent, wrong_continent = one_of(request, "continent", CONTINENTS, "")
    if wrong_continent:
        notices.append(_("There is no continent “%(value)s”: every continent is shown.") % {"value": wrong_continent})
    sort, wrong_sort = one_of(request, "tri", ["pays", *keys], "pays")
    order, wrong_order = one_of(request, "ordre", ORDERS, "asc" if sort == "pays" else "desc")
    if wrong_sort or wrong_order:
        notices.append(_("The table cannot be sorted that way: it is sorted by country."))
        sort, order = "pays", "asc"

    rows = []
    available = available_codes(request, figures)
    present = {continent_of(code) for code in available}
    for code, counts in available.items():
        name = names.name_of(code)
        if continent and continent_of(code) != continent:
            continue
        if query and fold(query) not in fold(name) and fold(query) not in names.slug_for(code).replace("-", " "):
            continue
        rows.append({
            "code": code, "name": name, "url": f"{base}{names.slug_for(code)}/",
            "continent": CONTINENTS.get(continent_of(code), ""),
            "counts": [counts.get(key, 0) for key in keys], "total": sum(counts.values()),
        })
    rows.sort(key=lambda row: fold(row["name"]))
    if sort != "pays":
        position = keys.index(sort)
        rows.sort(key=lambda row: row["counts"][position], reverse=order == "desc")
    elif order == "desc":
        rows.reverse()

    kept = {"q": query, "continent": continent}
    headers = [("pays", _("Country"))] + columns
    context = {
        "rows": rows,
        "columns": columns,
        "headers": [sort_header(key, label, sort, order, kept) for key, label in headers],
        "query": query,
        "continent": continent,
        "continents": [(key, label, continent_link(key, kept)) for key, label in CONTINENTS.items()
                       if key in present or key == continent],
        "all_continents_link": continent_link("", kept),
        "notices": notices,
        "index_url": base,
        "world_map": worldmap.render(
            {row["code"]: max(row["total"], 1) for row in rows},
            lambda code: f"{base}{names.slug_for(code)}/",
            label=active_label,
            title=_("Map of the countries where the network is active"),
        ),
        "map_legend": worldmap.described_legend(max((max(row["total"], 1) for row in rows), default=0), legend_label),
    }
    return page.render(request, context_overrides=context)


def legend_label(low, high):
    if low == high:
        return ngettext("%(count)s item", "%(count)s items", low) % {"count": low}
    return _("%(low)s to %(high)s items") % {"low": low, "high": high}


def active_label(name, count):
    return ngettext("%(country)s: %(count)s item", "%(country)s: %(count)s items", count) % {
        "country": name, "count": count}


def link(parameters):
    kept = {key: value for key, value in parameters.items() if value}
    return f"?{urlencode(kept)}" if kept else "?"


def continent_link(key, kept):
    return link({"q": kept["q"], "continent": key})


def sort_header(key, label, sort, order, kept):
    """A column's heading: a link that sorts by it (reversing the order
    when it already does), and its aria-sort state."""
    current = key == sort
    if current:
        next_order = "desc" if order == "asc" else "asc"
    else:
        next_order = "asc" if key == "pays" else "desc"
    return {
        "key": key,
        "label": label,
        "url": link({**kept, "tri": key, "ordre": next_order}),
        "aria_sort": ("ascending" if order == "asc" else "descending") if current else "",
    }


# --- a country ----------------------------------------------------------


def country(request, page, slug):
    code = names.code_for(slug)
    if not code:
        raise Http404("No such country")
    canonical = names.slug_for(code)
    if slug != canonical:
        return redirect(f"{page.get_url(request=request)}{canonical}/", permanent=True)
    profile = CountryProfile.objects.filter(country=code).first()
    sections = hooks.country_sections(request, code)
    if profile is None and not sections:
        raise Http404("No page for this country")
    name = names.name_of(code)
    # This request's copy of the index page describes the country to search
    # engines and social networks (title, description); nothing is saved.
    page.seo_title = name
    page.search_description = _("%(country)s: the network's actors, groups, trainings and offers there.") % {
        "country": name}
    context = {
        "code": code,
        "country_name": name,
        "continent": CONTINENTS.get(continent_of(code), ""),
        "profile": profile,
        "sections": sections,
        "index_url": page.get_url(request=request),
        "small_map": worldmap.render({}, str, [code], title=_("%(country)s on the world map") % {"country": name},
                                     focus=code)
        if code in worldmap.shapes()["shapes"] else "",
    }
    return page.render(request, template="maillage_countries/country_page.html", context_overrides=context)
