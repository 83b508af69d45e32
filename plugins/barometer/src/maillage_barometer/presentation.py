"""What an edition's page shows of its frozen figures: key figures, a chart
with its data table and a sentence per question and per directory
breakdown, each compared with the previous edition, and the evolution of
the number of respondents over the years."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maillage_core import worldmap

from . import charts
from .figures import HIDDEN, SMALL_CELL, public_value
from .questions import CHOICE_KINDS

TOP = 10  # rows of the longest breakdowns (departments, countries) shown


@dataclass
class Chart:
    key: str
    title: str
    sentence: str
    rows: list  # [charts.Bar]
    svg: str = ""
    table: list = field(default_factory=list)  # every row, when the chart shows the first only
    map: str = ""
    map_legend: list = field(default_factory=list)  # (level, text) of each shade, core's include
    map_note: str = ""
    note: str = ""
    compared: bool = False
    heading: str = ""  # of the table's first column


def rate(figures):
    return round(100 * figures["respondents"] / figures["invited"]) if figures.get("invited") else 0


def key_figures(figures, previous):
    def row(label, value, before, suffix=""):
        return {"label": label, "value": value, "previous": before, "suffix": suffix}

    p = previous or {}
    return [
        row(_("actors answered the survey"), figures["respondents"], p.get("respondents")),
        row(_("response rate"), rate(figures), rate(p) if p else None, " %"),
        row(_("actors in the directory"), figures["actors"], p.get("actors")),
        row(_("countries where they work"), len(figures["directory"]["countries"]),
            len(p["directory"]["countries"]) if p else None),
    ]


def first_sentence(title, bars, year, previous_year):
    shown = [bar for bar in bars if isinstance(bar.value, int)]
    if not shown:
        return _("%(title)s: too few answers to show any figure (fewer than 5 per answer).") % {"title": title}
    first = max(shown, key=lambda bar: bar.value)
    sentence = _("%(title)s in %(year)s: “%(label)s” comes first (%(value)s).") % {
        "title": title, "year": year, "label": first.label, "value": first.value}
    if previous_year and isinstance(first.previous, int):
        sentence += " " + _("It was %(value)s in %(year)s.") % {"value": first.previous, "year": previous_year}
    return sentence


def choice_chart(key, title, rows, previous_rows, year, previous_year, small_cells=True, top=None, heading=None):
    before = {row["key"]: row["count"] for row in previous_rows} if previous_rows is not None else None
    show = public_value if small_cells else (lambda n: n)
    # An answer given last year and by nobody this year still shows: as 0.
    known = {row["key"] for row in rows}
    rows = rows + [{**row, "count": 0} for row in previous_rows or () if row["key"] not in known]
    every = [
        charts.Bar(label=row["label"], value=show(row["count"]), key=row["key"],
                   previous=None if before is None else show(before.get(row["key"], 0)))
        for row in rows
    ]
    bars = every[:top]
    sentence = first_sentence(title, bars, year, previous_year)
    chart = Chart(key=key, title=title, sentence=sentence, rows=bars, compared=before is not None, table=every,
                  heading=heading or _("Answer"))
    chart.svg = charts.bar_chart(f"chart-{key}", title, sentence, bars)
    if top and len(rows) > top:
        chart.note = _("The chart shows the %(top)s first of %(count)s; the table, every one.") % {
            "top": top, "count": len(rows)}
    return chart


def with_map(chart, rows, small_cells=False):
    """A country chart with the world map of its counts, each country a
    link to its row of the table. With ``small_cells`` (the answers to a
    survey question), a country fewer than 5 actors named is left unshaded,
    its row of the table saying "< 5": a shade would tell 1 from 4."""
    least = SMALL_CELL if small_cells else 1
    counts = {row["key"]: row["count"] for row in rows if row["count"] >= least}
    chart.map = worldmap.render(
        counts, lambda code: f"#{chart.key}-{code}",
        label=lambda name, count: _("%(country)s: %(count)s actors") % {"country": name, "count": count},
        title=_("Map: %(title)s") % {"title": chart.title})
    chart.map_legend = [
        (step, actors_between(max(low, least), high))
        for step, low, high in worldmap.legend(max(counts.values(), default=0)) if high >= least]
    if small_cells and any(0 < row["count"] < least for row in rows):
        chart.map_note = _("Countries named by fewer than 5 actors are not shaded; the table gives them as “< 5”.")
    return chart


def actors_between(low, high):
    if low == high:
        return ngettext("%(count)s actor", "%(count)s actors", low) % {"count": low}
    return _("%(low)s to %(high)s actors") % {"low": low, "high": high}


def number_rows(figure):
    hidden = figure["answered"] < 5
    return {"answered": public_value(figure["answered"]), "total": HIDDEN if hidden else figure["total"],
            "unit": figure.get("unit", "")}


def question_charts(figures, previous):
    before = {q["key"]: q for q in (previous or {}).get("questions", [])}
    year, previous_year = figures["year"], (previous or {}).get("year")
    found, numbers = [], []
    for figure in figures["questions"]:
        earlier = before.get(figure["key"]) if before.get(figure["key"], {}).get("kind") == figure["kind"] else None
        if figure["kind"] in CHOICE_KINDS:
            chart = choice_chart(f"q-{figure['key']}", figure["label"], figure["rows"],
                                 earlier["rows"] if earlier else None, year, previous_year,
                                 top=TOP if figure["kind"] == "countries" else None)
            if figure["kind"] == "countries":
                with_map(chart, figure["rows"], small_cells=True)
            found.append(chart)
        elif figure["kind"] == "number":
            numbers.append({"label": figure["label"], **number_rows(figure),
                            "previous": number_rows(earlier) if earlier else None})
    return found, numbers


DIRECTORY_CHARTS = (  # (name, title, rows on the chart, heading of the table's first column)
    ("types", lambda: _("Actors of the directory by type"), None, lambda: _("Actor type")),
    ("departments", lambda: _("Actors of the directory by department"), TOP, lambda: _("Department")),
    ("countries", lambda: _("Countries where the most actors work"), TOP, lambda: _("Country")),
    ("sectors", lambda: _("Actors of the directory by sector"), None, lambda: _("Sector")),
    ("sdgs", lambda: _("Actors of the directory by SDG"), None, lambda: _("SDG")),
)


def directory_charts(figures, previous):
    year, previous_year = figures["year"], (previous or {}).get("year")
    found = [
        choice_chart(f"d-{name}", title(), figures["directory"][name],
                     previous["directory"][name] if previous else None, year, previous_year,
                     small_cells=False, top=top, heading=heading())
        for name, title, top, heading in DIRECTORY_CHARTS
    ]
    countries = next(chart for chart in found if chart.key == "d-countries")
    with_map(countries, figures["directory"]["countries"])
    return found


def evolution_chart(editions):
    columns = [(str(edition.figures["year"]), edition.figures["respondents"]) for edition in editions]
    title = _("Respondents year after year")
    if len(columns) < 2:
        return None
    sentence = _("%(first)s actors answered in %(first_year)s, %(last)s in %(last_year)s.") % {
        "first": columns[0][1], "first_year": columns[0][0], "last": columns[-1][1], "last_year": columns[-1][0]}
    return {"title": title, "sentence": sentence, "columns": columns,
            "svg": charts.column_chart("chart-evolution", title, sentence, columns)}


def participation_chart(figures):
    """Who answered, by actor type: a stacked bar per type (answered, did
    not), from the directory's counts at publication."""
    answered = {row["label"]: row["count"] for row in figures.get("respondents_by_type", ())}
    if not answered:
        return None
    rows = []
    for row in figures["directory"]["types"]:
        count = min(answered.get(row["label"], 0), row["count"])
        shown = public_value(count)
        rest = row["count"] - count if isinstance(shown, int) else HIDDEN
        rows.append({"label": row["label"], "answered": shown, "others": rest, "actors": row["count"]})
    title = _("Who answered, by type of actor")
    sentence = _("Dark: the actors of each type who answered the survey; light: those who did not.")
    svg = charts.stacked_bar_chart("chart-participation", title, sentence, [
        (row["label"], [(row["answered"], "barometer-chart__bar--current"),
                        (row["others"], "barometer-chart__bar--rest")]) for row in rows])
    return {"title": title, "sentence": sentence, "rows": rows, "svg": svg}


def edition_context(edition):
    figures = edition.figures
    previous_edition = edition.previous_edition()
    previous = previous_edition.figures if previous_edition else None
    questions, numbers = question_charts(figures, previous)
    return {
        "figures": figures,
        "previous_year": previous["year"] if previous else None,
        "key_figures": key_figures(figures, previous),
        "question_charts": questions,
        "number_figures": numbers,
        "directory_charts": directory_charts(figures, previous),
        "evolution": evolution_chart(edition.published_editions()),
        "participation": participation_chart(figures),
        "hidden": HIDDEN,
    }
