"""Hook points through which feature plugins contribute to a site without
importing each other. Each is a Wagtail hook name: a plugin registers a
function in its ``wagtail_hooks.py`` and the site (or another plugin) asks
for every registered contribution with the helpers below.

``maillage_search_sources``    fn() -> SearchSource: a section of site search.

A ``Section``'s template is included with the section alone added to the
page's context, ``{% include section.template with section=section %}``: it
reads its values as ``section.context.<name>``, never as top-level names, so
that the home page, country pages and any other host render it alike. Each
contribution makes a constant number of queries whatever the number of
objects it lists (its template included).

``maillage_home_figures``      fn(request) -> iterable of KeyFigure.
``maillage_home_sections``     fn(request) -> iterable of Section.
``maillage_country_sections``  fn(request, country_code) -> iterable of Section:
                               what a plugin knows of one country (an upper-case
                               ISO 3166 code, checked by ``country_sections``).
``maillage_country_figures``   fn(request) -> iterable of CountryFigures: how much
                               a plugin has per country, for the countries index;
                               a country with any figure is "active".
``maillage_search_visibility`` fn(user) -> iterable of visibility values the
                               user may find (see ``search.visibility``).
``maillage_private_pages``     fn(user) -> Q over pages the user may not see, for
                               ORM page queries (see ``search.private_pages``).
``maillage_demo_content``      fn(options, progress) -> None: idempotent demo
                               loader; ``options`` may carry ``actors`` etc.
``maillage_organisations``     fn(query, limit) -> iterable of Organisation:
                               lets a form offer organisations a plugin knows.
``maillage_upcoming_events``   fn(request, limit) -> iterable of Event.
``maillage_search_rebuilders`` fn() -> iterable of (model, rebuild): a faster
                               way than update_index to rebuild the index of
                               ``model``; ``rebuild(progress)`` is called with a
                               function taking (done, total).
``maillage_subscription_topics`` fn() -> iterable of Topic: what visitors may
                               subscribe to by email (see ``subscriptions.topics``).
``maillage_personal_data``     fn() -> iterable of Kind and NotPersonal: what a
                               plugin holds about a person, exported, erased
                               and purged (see ``personal_data.kinds``).
``maillage_sitemap_entries``   fn(request) -> iterable of SitemapEntry: the public
                               pages a plugin serves that are not Wagtail pages
                               (see ``sitemaps``).
``maillage_survey_respondents`` fn(keys) -> iterable of Respondent: the actors a
                               survey may ask (the barometer's), with what the
                               figures group them by; ``keys`` (a set of
                               ``Respondent.key``) limits them, None asks for all.
``maillage_page_cache_ignored_models`` fn() -> iterable of models whose saves never
                               change a public page (subscribers, sent mail,
                               logs): they leave the page cache alone (see
                               ``page_cache``).
"""

from dataclasses import dataclass, field
from datetime import datetime

from wagtail import hooks

from .content_memo import for_anonymous

SEARCH_SOURCES = "maillage_search_sources"
HOME_FIGURES = "maillage_home_figures"
HOME_SECTIONS = "maillage_home_sections"
COUNTRY_SECTIONS = "maillage_country_sections"
COUNTRY_FIGURES = "maillage_country_figures"
DEMO_CONTENT = "maillage_demo_content"
ORGANISATIONS = "maillage_organisations"
UPCOMING_EVENTS = "maillage_upcoming_events"
SEARCH_REBUILDERS = "maillage_search_rebuilders"
SUBSCRIPTION_TOPICS = "maillage_subscription_topics"
PERSONAL_DATA = "maillage_personal_data"
SITEMAP_ENTRIES = "maillage_sitemap_entries"
SURVEY_RESPONDENTS = "maillage_survey_respondents"
PAGE_CACHE_IGNORED_MODELS = "maillage_page_cache_ignored_models"


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: int
    url: str = ""


@dataclass(frozen=True)
class Section:
    """A block of a page rendered from a plugin's own template."""

    key: str
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100
    #: The ``Event.kind`` values this section already lists (a home page
    #: section of upcoming trainings lists "training"): the page's combined
    #: agenda leaves them out rather than showing the same dates twice.
    event_kinds: tuple = ()


@dataclass(frozen=True)
class CountryFigures:
    """One column of the countries index: ``counts`` maps upper-case country
    codes to a positive number (actors, groups, offers...)."""

    key: str
    label: str
    counts: dict
    order: int = 100


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str
    detail: str = ""


@dataclass(frozen=True)
class Respondent:
    """An actor a survey may ask: ``key`` is the plugin's and stable
    ("directory:12"); the rest is what yearly figures count actors by."""

    key: str
    name: str
    email: str = ""
    actor_type: str = ""
    department: str = ""
    countries: tuple = ()  # upper-case ISO codes
    sectors: tuple = ()  # sector slugs
    sdgs: tuple = ()  # SDG numbers


@dataclass(frozen=True)
class Event:
    title: str
    url: str
    start: datetime
    location: str = ""
    kind: str = ""


def search_sources():
    sources = [make() for make in hooks.get_hooks(SEARCH_SOURCES)]
    return sorted(sources, key=lambda source: (source.order, source.key))


def home_figures(request):
    return [figure for fn in hooks.get_hooks(HOME_FIGURES) for figure in fn(request)]


def home_sections(request):
    sections = [section for fn in hooks.get_hooks(HOME_SECTIONS) for section in fn(request)]
    return sorted(sections, key=lambda section: section.order)


def country_code(value):
    """``value`` as an upper-case two-letter code, or "" when it cannot be one."""
    code = str(value or "").strip().upper()
    return code if len(code) == 2 and code.isascii() and code.isalpha() else ""


def country_sections(request, country_code_):
    code = country_code(country_code_)
    if not code:
        return []
    # Every plugin's queries for a country, the same for every anonymous
    # visitor until the content changes (a minute at most: "upcoming").
    return list(for_anonymous(request, ("country_sections", code), lambda: gather_country_sections(request, code)))


def gather_country_sections(request, code):
    sections = [s for fn in hooks.get_hooks(COUNTRY_SECTIONS) for s in fn(request, code)]
    return sorted(sections, key=lambda section: section.order)


def country_figures(request):
    figures = [f for fn in hooks.get_hooks(COUNTRY_FIGURES) for f in fn(request)]
    return sorted(figures, key=lambda column: (column.order, column.key))


def active_countries(request, figures=None):
    """{code: {figures key: count}} for every country some plugin reports
    (in ``figures``, when the caller already asked for them)."""
    found = {}
    for column in country_figures(request) if figures is None else figures:
        for code, count in column.counts.items():
            if count:
                found.setdefault(code, {})[column.key] = count
    return found


def organisations(query, limit=10):
    found = []
    for fn in hooks.get_hooks(ORGANISATIONS):
        found.extend(fn(query, limit))
    return found[:limit]


def upcoming_events(request, limit=5, leave_out=()):
    """The next ``limit`` events of every plugin, but for those of the kinds in ``leave_out``."""
    left_out = tuple(sorted({str(kind) for kind in leave_out}))
    # The same for every anonymous visitor until the content changes or the
    # soonest event starts.
    return list(for_anonymous(request, ("upcoming_events", limit, left_out),
                              lambda: gather_upcoming_events(request, limit, left_out),
                              until=lambda events: min((event.start for event in events), default=None)))


def gather_upcoming_events(request, limit, left_out=()):
    events = [event for fn in hooks.get_hooks(UPCOMING_EVENTS) for event in fn(request, limit)
              if str(event.kind) not in left_out]
    return sorted(events, key=lambda event: event.start)[:limit]


def search_rebuilders():
    return {model: rebuild for fn in hooks.get_hooks(SEARCH_REBUILDERS) for model, rebuild in fn()}


def sitemap_entries(request):
    return [entry for fn in hooks.get_hooks(SITEMAP_ENTRIES) for entry in fn(request)]


def survey_respondents(keys=None):
    """Every plugin's respondents (only those of ``keys`` when given), by name."""
    wanted = None if keys is None else {str(key) for key in keys}
    found = [r for fn in hooks.get_hooks(SURVEY_RESPONDENTS) for r in fn(wanted)]
    return sorted((r for r in found if wanted is None or r.key in wanted), key=lambda r: (r.name.casefold(), r.key))


def demo_loaders():
    return list(hooks.get_hooks(DEMO_CONTENT))
