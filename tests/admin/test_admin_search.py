"""Every search of the admin answers, on the real engine, and finds by a
partial, accent-folded word what the officer looks for.

The screens are not listed by hand: they are read from what the site and its
plugins register (snippet models, admin viewsets, choosers), beside Wagtail's
own page, image and document screens, so a new searchable screen is covered
the day it is registered. Each screen's model has one object whose name ends
with a word of its own (``Zéphyrin<model>``); the search types ``zephyr`` on
screens searched through the engine (the beginning of the word, without its
accent) and ``phyrin`` on those searched in the database (``icontains``).

Each listing searched through the engine is also searched with each of its
filters and each of its sortable columns (both ways), read from its
viewset's filterset and columns (for Wagtail's own page, image and document
listings, from the view that answered): the engine holds only some fields,
the database applies the rest (maillage_core's backend), never a 500, and
the object is listed exactly when it passes the filter.
"""

import datetime
import itertools
import json
import re
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.admin.viewsets import viewsets as registry
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.index import class_is_indexed
from wagtail.snippets.models import get_snippet_models
from wagtail.utils.registry import resolve_model_string

from maillage_core.testing.tree import ensure_site_tree

ENGINE_TERM = "zephyr"
DATABASE_TERM = "phyrin"
NO_MATCH = "xylophone"


def marker(model) -> str:
    return f"Zéphyrin{model._meta.model_name}"


def shows(text, model) -> bool:
    # A whole word: "Zéphyrinactor" is not shown by "Zéphyrinactortype".
    return re.search(rf"{marker(model)}\b", text) is not None


@dataclass(frozen=True)
class Screen:
    name: str
    url_name: str
    model: type
    engine: bool  # searched through the engine; otherwise with the ORM
    params: dict = field(default_factory=dict)
    in_explorer: bool = False  # the URL takes the page whose descendants are searched
    viewset: object = None
    chooser: bool = False

    @property
    def term(self):
        return ENGINE_TERM if self.engine else DATABASE_TERM


def url_names(viewset, *names):
    """The viewset's URL names among ``names`` that exist."""
    found = []
    for name in names:
        url_name = viewset.get_url_name(name)
        try:
            reverse(url_name)
        except NoReverseMatch:
            continue
        found.append(url_name)
    return found


def index_view(viewset):
    """The viewset's index view, built as the viewset builds it for a request."""
    view = viewset.index_view  # what Django's as_view() made
    return view.view_class(**view.view_initkwargs)


def searches_with_the_engine(view):
    return class_is_indexed(view.model) and bool(view.search_backend_name)


def is_ours(viewset):
    """Registered by the site or a plugin, not one of Wagtail's own settings screens."""
    return type(viewset).__module__.partition(".")[0] != "wagtail"


def admin_screens():
    reverse("wagtailadmin_home")  # loads the admin's URLs, which fills the viewset registry
    screens = {}

    def add(screen):
        screens.setdefault((screen.url_name, tuple(sorted(screen.params))), screen)

    image, document = get_image_model(), get_document_model()
    for url_name in ("wagtailimages:index", "wagtailimages:index_results"):
        add(Screen(url_name, url_name, image, engine=True))
    for url_name in ("wagtaildocs:index", "wagtaildocs:index_results"):
        add(Screen(url_name, url_name, document, engine=True))
    for url_name in ("wagtailadmin_pages:search", "wagtailadmin_pages:search_results"):
        add(Screen(url_name, url_name, Page, engine=True))
    for url_name in ("wagtailadmin_explore", "wagtailadmin_explore_results"):
        add(Screen(url_name, url_name, Page, engine=True, in_explorer=True))
    add(Screen("page chooser", "wagtailadmin_choose_page_search", Page, engine=True, chooser=True))

    for model in get_snippet_models():
        viewset = model.snippet_viewset
        engine = searches_with_the_engine(index_view(viewset))
        for url_name in url_names(viewset, "list", "list_results"):
            add(Screen(url_name, url_name, model, engine, viewset=viewset))
        if class_is_indexed(model):  # Wagtail's chooser offers a search only then
            for url_name in url_names(viewset.chooser_viewset, "choose", "choose_results"):
                add(Screen(url_name, url_name, model, engine=True, chooser=True))

    for viewset in registry.viewsets:
        if isinstance(viewset, PageListingViewSet) and is_ours(viewset):
            for url_name in url_names(viewset, "index", "index_results"):
                add(Screen(url_name, url_name, viewset.model, engine=True, viewset=viewset))
        elif isinstance(viewset, ModelViewSet) and is_ours(viewset) and (view := index_view(viewset)).is_searchable:
            engine = searches_with_the_engine(view)
            for url_name in url_names(viewset, "index", "index_results", "list", "list_results"):
                add(Screen(url_name, url_name, viewset.model, engine, viewset=viewset))
            if view.list_export:
                url_name = url_names(viewset, "index", "list")[0]
                add(Screen(f"{url_name} export", url_name, viewset.model, engine, {"export": "csv"}, viewset=viewset))
        elif isinstance(viewset, ChooserViewSet) and class_is_indexed(model := resolve_model_string(viewset.model)):
            for url_name in url_names(viewset, "choose", "choose_results"):
                add(Screen(url_name, url_name, model, engine=True, chooser=True))
    return list(screens.values())


SCREENS = admin_screens()


def test_the_screens_cover_every_registered_search():
    names = {screen.name for screen in SCREENS}
    for model in get_snippet_models():
        assert model.snippet_viewset.get_url_name("list") in names
    assert {"wagtailadmin_explore", "page chooser", "wagtailimages:index", "wagtaildocs:index"} <= names
    assert any(screen.params.get("export") for screen in SCREENS)
    assert len(SCREENS) >= 40, f"{len(SCREENS)} admin screens with a search"


# The objects searched for ----------------------------------------------------


def text_field(model, names):
    """The first of ``names`` that is a text column of the model long enough
    to take the marker."""
    for name in names:
        try:
            column = model._meta.get_field(name)
        except Exception:
            continue
        if isinstance(column, (models.CharField, models.TextField)) and (column.max_length or 255) >= 60:
            return name
    return None


def marked_field(screen):
    if screen.engine:
        return text_field(screen.model, [f.field_name for f in screen.model.get_autocomplete_search_fields()])
    return text_field(screen.model, [name for name in index_view(screen.viewset).search_fields if "__" not in name])


def listed_object(screen, request):
    """An object the screen lists before any search."""
    if screen.model is Page:
        # A leaf, so no other page shows its title as a parent.
        return Page.objects.filter(depth__gt=2, numchild=0).order_by("path").first()
    if screen.viewset is not None and not isinstance(screen.viewset, PageListingViewSet):
        view = index_view(screen.viewset)
        view.setup(request)
        return view.get_base_queryset().order_by("pk").first()
    return screen.model._default_manager.order_by("pk").first()


def mark(obj, name, model):
    """Append the model's marker to one text field of ``obj`` (its title for pages)."""
    current = getattr(obj, name)
    if marker(model) in current:
        return
    value = f"{current[:40]} {marker(model)}"
    updates = {name: value}
    if isinstance(obj, Page):
        updates["draft_title"] = value
    type(obj)._default_manager.filter(pk=obj.pk).update(**updates)


@pytest.fixture(scope="module")
def _media(tmp_path_factory):
    return str(tmp_path_factory.mktemp("admin-search-media"))


@pytest.fixture(autouse=True)
def _media_root(settings, _media):
    """The corpus's image stays readable for the listings' thumbnails."""
    settings.MEDIA_ROOT = _media


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_corpus(home):
    """One object of each model the admin searches, as an officer would
    have them (the markers are added afterwards, generically)."""
    from django.core.files.base import ContentFile
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.log_actions import log

    from home.models import ContentPage, NewsCategory, NewsletterIssuePage, NewsPage, ResourcePage
    from maillage_core.data.seed import ensure_vocabulary
    from maillage_core.models import Sector
    from maillage_directory.models import Submission
    from maillage_directory.testing import make_actor
    from maillage_groups.models import GroupIndexPage, Membership
    from maillage_groups.testing import join, make_group, make_meeting, make_person
    from maillage_training.models import Registration, TrainingIndexPage, TrainingPage, TrainingSession
    from maillage_youth.models import Offer, SchemeIndexPage, SchemePage, Testimony

    ensure_vocabulary()
    today, now = timezone.localdate(), timezone.now()
    get_image_model().objects.create(title="Atelier à Dakar", file=get_test_image_file())
    document = get_document_model()(title="Rapport annuel")
    document.file.save("rapport.txt", ContentFile(b"rapport"), save=True)
    publish(home, ContentPage(title="Notre réseau", slug="notre-reseau"))
    publish(home, NewsPage(title="Rencontre régionale", intro="Une journée d'échanges."))
    publish(home, NewsletterIssuePage(title="La Lettre n° 1", number=1, issue_date=today, summary="Au sommaire."))
    publish(home, ResourcePage(title="Guide du partenariat", summary="Un guide."))
    NewsCategory.objects.create(name="Vie du réseau", slug="vie-du-reseau")
    actor = make_actor("Association Sahel Solidarité", city="Lyon", type="association", countries=["SN"],
                       sectors=["sante"], department="69")
    Submission.objects.create(
        actor=actor, kind=Submission.Kind.UPDATE, submitter_name="Claire Martin", submitter_email="claire@example.org"
    )
    Offer.objects.create(
        title="Stage en agroécologie", kind="internship", organisation="Les Amis de Koudougou", country="BF",
        closing_date=today, description="<p>Une mission.</p>", how_to_apply="CV.", live=True,
        sector=Sector.objects.get(slug="sante"),
    )
    Testimony.objects.create(title="Six mois à Kpalimé", author_name="Léa", country="TG", year=2024,
                             text="Une belle expérience.", live=True)
    schemes = publish(home, SchemeIndexPage(title="Dispositifs", slug="dispositifs"))
    publish(schemes, SchemePage(
        title="Volontariat de solidarité", pitch="Partir deux ans.", operator="France Volontaires", age_min=18,
        duration_min_weeks=52, duration_max_weeks=104, allowance="Indemnité.", how_to_apply="<p>En ligne.</p>",
        official_url="https://example.org/vsi", last_checked=today,
    ))
    programme = publish(home, TrainingIndexPage(title="Formations", slug="formations"))
    training = publish(programme, TrainingPage(title="Monter un projet", summary="Les étapes."))
    session = TrainingSession.objects.create(
        training=training, start=now, end=now + timezone.timedelta(hours=3), capacity=12
    )
    Registration.objects.create(session=session, status=Registration.Status.CONFIRMED, name="Paul Durand",
                                email="paul@example.org", consent_at=now)
    groups = publish(home, GroupIndexPage(title="Groupes de travail", slug="groupes"))
    group = make_group(groups, "Groupe Sénégal")
    make_meeting(group, "Réunion de rentrée")
    join(make_person("amina@example.org", first_name="Amina"), group, status=Membership.Status.PENDING)
    from maillage_funding.models import Funder, FundingCall

    funder = Funder.objects.create(name="Agence de l'eau", kind="agency")
    call = FundingCall(title="Eau potable au Sahel", summary="Des forages.", live=True, closes_on=today,
                       first_published_at=now, last_published_at=now)
    call.funders = [funder]
    call.sectors = [Sector.objects.get(slug="sante")]
    call.save()
    # Every page owned and edited by an officer, for the page listings' filters on them.
    officer = get_user_model().objects.create(username="officer", first_name="Chargée", last_name="Communication")
    for page in Page.objects.filter(depth__gt=1):
        log(page, "wagtail.edit", user=officer)
    Page.objects.filter(depth__gt=1).update(owner=officer)


@pytest.fixture(scope="module")
def marked(django_db_setup, django_db_blocker, _engine_schema, _media):
    """One object of each screen's model, marked and indexed: made once for
    the module inside a transaction rolled back at its end; each test runs
    in a savepoint within it. Gives each screen's object to find (or None)."""
    from home.models import HomePage

    engine = _engine_schema
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=_media), transaction.atomic():
        engine.clear()
        build_corpus(ensure_site_tree(lambda: HomePage(title="Accueil", slug="home")))
        request = RequestFactory().get("/")
        request.user = get_user_model()(is_superuser=True, is_staff=True, is_active=True)
        found = {}
        for screen in SCREENS:
            name = marked_field(screen)
            obj = listed_object(screen, request) if name else None
            if obj is not None:
                mark(obj, name, screen.model)
            found[screen.name] = obj
        engine.index_all()
        yield found
        transaction.set_rollback(True)
    engine.clear()


def url_of(screen):
    from wagtail.models import Site

    return reverse(screen.url_name, args=[Site.objects.get(is_default_site=True).root_page_id] if screen.in_explorer else [])


def text_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    content = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(json.loads(content), ensure_ascii=False)
    return content


@pytest.mark.parametrize("screen", SCREENS, ids=[screen.name for screen in SCREENS])
def test_admin_search_finds_by_partial_and_folded_words(admin_client, marked, screen):
    url = url_of(screen)
    found = admin_client.get(url, {**screen.params, "q": screen.term})
    assert found.status_code == 200
    if marked[screen.name] is not None:
        assert shows(text_of(found), screen.model), f"{screen.name} did not find {marker(screen.model)}"
        # ...because it searched: a word no object has finds nothing.
        missed = admin_client.get(url, {**screen.params, "q": NO_MATCH})
        assert missed.status_code == 200 and not shows(text_of(missed), screen.model)


def test_the_screens_are_checked_for_a_result(marked):
    checked = [name for name, found in marked.items() if found is not None]
    engine_screens = [screen.name for screen in SCREENS if screen.engine]
    assert set(engine_screens) <= set(checked), "every screen searched by the engine is checked for its result"
    # Only screens searching related fields alone (members by user name) are not.
    assert len(checked) >= 45, f"{len(checked)} of {len(SCREENS)} screens checked for a result"


# Searches narrowed by a filter or sorted by a column -------------------------


@dataclass(frozen=True)
class Refinement:
    """A listing's search with one of its filters, or sorted by one of its columns."""

    screen: Screen
    filter: str = ""  # the filterset's field name
    ordering: str = ""  # a column's sort key, "-" first for descending

    @property
    def name(self):
        return f"{self.screen.name} {self.filter and 'filter=' + self.filter}{self.ordering and 'ordering=' + self.ordering}"


def engine_listings():
    """One screen per viewset whose listing searches with the engine: its
    results URL (what the filters and column headers call) if it has one.
    Listings searched in the database filter and sort with the ORM alone."""
    listings = {}
    for screen in SCREENS:
        if screen.engine and screen.viewset is not None and not screen.params:
            current = listings.get(id(screen.viewset))
            if current is None or (screen.url_name.endswith("_results") and not current.url_name.endswith("_results")):
                listings[id(screen.viewset)] = screen
    return list(listings.values())


def refinements():
    cases = []
    for screen in engine_listings():
        view = index_view(screen.viewset)
        if view.filterset_class is not None:
            cases += [Refinement(screen, filter=name) for name in view.filterset_class.base_filters]
        for column in view.columns:
            if column.sort_key:
                cases += [Refinement(screen, ordering=column.sort_key), Refinement(screen, ordering=f"-{column.sort_key}")]
    return cases


REFINEMENTS = refinements()


def test_the_refinements_cover_every_engine_listing():
    listings = {case.screen.name for case in REFINEMENTS}
    assert listings == {screen.name for screen in engine_listings()}
    assert "wagtailsnippets_maillage_directory_actor:list_results" in listings
    assert {"actor_type", "sectors", "country", "expired", "year"} <= {case.filter for case in REFINEMENTS}
    assert len([case for case in REFINEMENTS if case.filter]) >= 35
    assert len([case for case in REFINEMENTS if case.ordering]) >= 60


def listing_view(screen, params, user):
    """The screen's index view, set up for a request with ``params``."""
    request = RequestFactory().get(reverse(screen.url_name), params)
    request.user = user
    view = index_view(screen.viewset)
    view.setup(request)
    return view


def own_value(obj, name):
    """The object's own value of the field ``name`` as a query string has it, or None."""
    try:
        value = getattr(obj, name)
    except Exception:
        return None
    if isinstance(value, models.Manager):
        value = value.first()
    if isinstance(value, (list, tuple)):  # a multiple choice field, such as countries
        value = value[0] if value else None
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return None if value in (None, "") else str(value)


def offered_values(form_field):
    """The values the filter's form offers to choose, the empty one left out."""
    choices = getattr(form_field, "choices", None)
    if choices is None:
        choices = getattr(form_field.widget, "choices", ())
    for value, _label in itertools.islice(choices, 300):
        value = getattr(value, "value", value)  # a model choice
        if value not in ("", None):
            yield str(value)


def form_names(form_field, name):
    """The query-string names the filter's widget reads: one per part for a
    range (from, to)."""
    parts = form_field.widget.get_context(name, None, {})["widget"].get("subwidgets", ())
    return [part["name"] for part in parts] or [name]


def passes_filters(view, obj):
    """Whether the object passes the listing's filters, as the database applies them."""
    return view.filter_queryset(type(obj)._default_manager.filter(pk=obj.pk)).exists()


def filter_data(screen, name, obj, user):
    """Query-string data for the listing's filter ``name``: one value the
    object passes and one it does not, where the form has them; the
    object's own value is tried first."""
    view = listing_view(screen, {}, user)
    form_field = view.filters.form.fields[name]
    candidates = [own_value(obj, view.filters.filters[name].field_name), *offered_values(form_field)]
    found = {}
    for value in filter(None, candidates):
        data = dict.fromkeys(form_names(form_field, name), value)
        view = listing_view(screen, data, user)
        if view.is_filtering:  # else refused, or the same as no filter
            found.setdefault(passes_filters(view, obj), data)
        if len(found) == 2:
            break
    assert found, f"{screen.name}: no value of the filter {name} to try"
    return found


def search_shows(client, screen, params, expected):
    found = client.get(url_of(screen), {**params, "q": screen.term})
    assert found.status_code == 200, params
    assert shows(text_of(found), screen.model) == expected, (
        f"{screen.name} {params}: {marker(screen.model)} {'not ' if expected else ''}listed"
    )
    return found


@pytest.mark.parametrize("case", REFINEMENTS, ids=[case.name for case in REFINEMENTS])
def test_admin_search_with_a_filter_or_a_sort(admin_client, admin_user, marked, case):
    screen = case.screen
    if case.filter:
        tries = filter_data(screen, case.filter, marked[screen.name], admin_user)
    else:
        tries = {True: {"ordering": case.ordering}}
    for expected, params in tries.items():
        search_shows(admin_client, screen, params, expected)


WAGTAIL_LISTINGS = [
    screen
    for screen in SCREENS
    if screen.engine and screen.viewset is None and not screen.chooser and screen.url_name.endswith("_results")
]


@pytest.mark.parametrize("screen", WAGTAIL_LISTINGS, ids=[screen.name for screen in WAGTAIL_LISTINGS])
def test_wagtail_listing_search_with_each_filter_and_sort(admin_client, marked, screen):
    """Wagtail's own listings (pages, explorer, images, documents) come from
    no viewset: their filters and sorts are read from the view that answered
    the search, and each filter takes the object's value or the form's first."""
    obj = marked[screen.name]
    view = admin_client.get(url_of(screen), {"q": screen.term}).context["view"]
    tries = [{"ordering": ordering} for ordering in view.get_valid_orderings()]
    for name, form_field in view.filters.form.fields.items() if view.filters else ():
        value = own_value(obj, view.filters.filters[name].field_name) or next(offered_values(form_field), None)
        if value:
            tries.append(dict.fromkeys(form_names(form_field, name), value))
    assert len(tries) >= 4, f"{screen.name}: {tries}"
    for params in tries:
        found = admin_client.get(url_of(screen), {**params, "q": screen.term})
        assert found.status_code == 200, params
        expected = passes_filters(found.context["view"], obj)
        assert shows(text_of(found), screen.model) == expected, f"{screen.name} {params}"
