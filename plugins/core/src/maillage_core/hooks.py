"""Hook points through which feature plugins contribute to a site without
importing each other. Each is a Wagtail hook name: a plugin registers a
function in its ``wagtail_hooks.py`` and the site (or another plugin) asks
for every registered contribution with the helpers below.

``maillage_search_sources``    fn() -> SearchSource: a section of site search.
``maillage_home_figures``      fn(request) -> iterable of KeyFigure.
``maillage_home_sections``     fn(request) -> iterable of Section.
``maillage_country_sections``  fn(request, country_code) -> iterable of Section.
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
"""

from dataclasses import dataclass, field
from datetime import datetime

from wagtail import hooks

SEARCH_SOURCES = "maillage_search_sources"
HOME_FIGURES = "maillage_home_figures"
HOME_SECTIONS = "maillage_home_sections"
COUNTRY_SECTIONS = "maillage_country_sections"
DEMO_CONTENT = "maillage_demo_content"
ORGANISATIONS = "maillage_organisations"
UPCOMING_EVENTS = "maillage_upcoming_events"
SEARCH_REBUILDERS = "maillage_search_rebuilders"
SUBSCRIPTION_TOPICS = "maillage_subscription_topics"
PERSONAL_DATA = "maillage_personal_data"


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


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str
    detail: str = ""


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


def country_sections(request, country_code):
    sections = [s for fn in hooks.get_hooks(COUNTRY_SECTIONS) for s in fn(request, country_code)]
    return sorted(sections, key=lambda section: section.order)


def organisations(query, limit=10):
    found = []
    for fn in hooks.get_hooks(ORGANISATIONS):
        found.extend(fn(query, limit))
    return found[:limit]


def upcoming_events(request, limit=5):
    events = [event for fn in hooks.get_hooks(UPCOMING_EVENTS) for event in fn(request, limit)]
    return sorted(events, key=lambda event: event.start)[:limit]


def search_rebuilders():
    return {model: rebuild for fn in hooks.get_hooks(SEARCH_REBUILDERS) for model, rebuild in fn()}


def demo_loaders():
    return list(hooks.get_hooks(DEMO_CONTENT))
