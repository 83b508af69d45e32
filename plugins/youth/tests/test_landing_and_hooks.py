"""The Espace Jeunes landing page, what the plugin gives a site through
core's hooks, the guides, the demo loader and the system checks."""

import datetime
import importlib

import pytest
from django.test import RequestFactory, override_settings
from django.utils import timezone
from wagtail import hooks as wagtail_hooks
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.utils import apply_changes_to_raw_data

from maillage_core import blocks as editorial
from maillage_core import hooks
from maillage_core.hooks import Event
from maillage_youth.checks import check_settings
from maillage_youth.models import GuidePage, Offer, SchemePage, YouthSpacePage
from maillage_youth.models import Testimony as Story

pytestmark = pytest.mark.django_db


@pytest.fixture
def youth_space(catalogue, board, testimony_index, make_offer, make_testimony):
    make_offer("Stage en agroécologie", country="BF", published_days_ago=2)
    make_offer("Chargé de projet eau", kind="job", country="BJ", published_days_ago=1)
    make_offer("Offre close", closing_in=-2)
    make_offer("Offre en relecture", live=False)
    make_testimony("Six mois à Kpalimé", country="TG")
    make_testimony("Récit en relecture", live=False)
    guide = catalogue.get_parent().add_child(instance=GuidePage(
        title="Partir en bonne santé", slug="sante", topic="health", intro="Vaccins et trousse.",
        body='[{"type": "heading", "value": {"text": "Avant le départ", "level": "h2"}},'
             ' {"type": "accordion", "value": {"heading": "Questions", "items": [{"question": "Quels vaccins ?",'
             ' "answer": "<p>Demandez à un centre de vaccinations internationales.</p>"}]}},'
             ' {"type": "quote", "value": {"quote": "Partir, c\'est apprendre.", "author": "Awa"}},'
             ' {"type": "key_figures", "value": {"heading": "", "figures": [{"value": "6", "label": "semaines"}]}}]'))
    guide.save_revision().publish()
    return catalogue.get_parent().specific


def test_the_landing_page_brings_everything_together(client, youth_space):
    html = client.get(youth_space.url).content.decode()
    assert "Corps européen de solidarité" in html
    assert "Chargé de projet eau" in html and "Stage en agroécologie" in html
    assert "Offre close" not in html and "Offre en relecture" not in html
    assert "Six mois à Kpalimé" in html and "Récit en relecture" not in html
    assert "Partir en bonne santé" in html
    assert "Prochaines formations" not in html  # no plugin offers events here


def test_the_landing_page_shows_events_other_plugins_offer(client, youth_space):
    start = timezone.now() + datetime.timedelta(days=5)

    def trainings(request, limit):
        return [Event(title="Monter un projet de solidarité", url="/formations/monter/", start=start, location="Lyon")]

    with wagtail_hooks.register_temporarily(hooks.UPCOMING_EVENTS, trainings):
        html = client.get(youth_space.url).content.decode()
    assert "Prochaines formations" in html
    assert '<a href="/formations/monter/">Monter un projet de solidarité</a>' in html


def test_the_landing_page_alone_still_works(client, space):
    response = client.get(space.url)
    assert response.status_code == 200
    assert "<h1>Espace Jeunes</h1>" in response.content.decode()


def test_landing_queries_stay_constant_as_offers_grow(client, youth_space, make_offer, queries_of,
                                                      django_assert_num_queries):
    client.get(youth_space.url)
    small = queries_of(5, lambda: client.get(youth_space.url))  # site, page, specific page, aliases, restrictions
    for number in range(30):
        make_offer(f"Offre {number}", sector="sante", published_days_ago=number % 5)
    client.get(youth_space.url)  # the new offers renewed what is kept under the content version
    with django_assert_num_queries(small):
        html = client.get(youth_space.url).content.decode()
    assert html.count("youth-badge") == 4


def test_the_landing_sections_are_kept_for_anonymous_visitors(client, youth_space, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(youth_space.url)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(youth_space.url).content.decode()
    asked = " ".join(query["sql"] for query in captured.captured_queries)
    assert "maillage_youth_offer" not in asked and "maillage_youth_testimony" not in asked
    assert "Stage en agroécologie" in html and "Six mois à Kpalimé" in html


@pytest.mark.parametrize("change", ["offer closed", "offer added", "testimony withdrawn", "guide unpublished"])
def test_the_next_anonymous_visitor_sees_a_change_to_a_landing_section(client, youth_space, make_offer, change):
    assert "Stage en agroécologie" in client.get(youth_space.url).content.decode()
    if change == "offer closed":
        offer = Offer.objects.get(title="Stage en agroécologie")
        offer.closing_date = timezone.localdate() - datetime.timedelta(days=1)
        offer.save()
        gone, shown = "Stage en agroécologie", None
    elif change == "offer added":
        make_offer("Volontaire en Casamance", country="SN")
        gone, shown = None, "Volontaire en Casamance"
    elif change == "testimony withdrawn":
        story = Story.objects.get(title="Six mois à Kpalimé")
        story.live = False
        story.save()
        gone, shown = "Six mois à Kpalimé", None
    else:
        GuidePage.objects.get(slug="sante").unpublish()
        gone, shown = "Partir en bonne santé", None
    html = client.get(youth_space.url).content.decode()
    assert gone is None or gone not in html
    assert shown is None or shown in html


def test_kept_sections_last_a_minute_at_most(client, youth_space, monkeypatch):
    from maillage_core import content_memo

    assert "Stage en agroécologie" in client.get(youth_space.url).content.decode()
    # Closed without a signal: what only the date decides (an offer past its closing day).
    Offer.objects.filter(title="Stage en agroécologie").update(closing_date=timezone.localdate() - datetime.timedelta(days=1))
    assert "Stage en agroécologie" in client.get(youth_space.url).content.decode()
    later = timezone.now() + datetime.timedelta(seconds=content_memo.ANONYMOUS_SECONDS + 1)
    monkeypatch.setattr(content_memo.timezone, "now", lambda: later)
    assert "Stage en agroécologie" not in client.get(youth_space.url).content.decode()


def test_signed_in_visitors_get_the_sections_drawn_for_them(client, youth_space, django_user_model):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(youth_space.url)  # kept for anonymous visitors
    client.force_login(django_user_model.objects.create_user("lea", password="x"))
    with CaptureQueriesContext(connection) as captured:
        client.get(youth_space.url)
    assert any("maillage_youth_offer" in query["sql"] for query in captured.captured_queries)


def test_a_guide_renders_the_editorial_blocks_of_the_site(client, youth_space):
    html = client.get(GuidePage.objects.get().url).content.decode()
    assert "<h2>Avant le départ</h2>" in html
    assert '<details class="accordion__item">\n    <summary>Quels vaccins ?</summary>' in html
    assert "<blockquote><p>Partir, c&#x27;est apprendre.</p></blockquote>" in html
    assert "<strong>6</strong> semaines" in html


def test_a_guide_offers_the_same_blocks_as_a_content_page():
    # The host site's content pages compose their streams from these too.
    offered = GuidePage.body.field.stream_block.child_blocks
    for name, block_class in [("heading", editorial.HeadingBlock), ("image", editorial.FigureBlock),
                              ("embed", editorial.MediaEmbedBlock), ("accordion", editorial.AccordionBlock),
                              ("documents", editorial.DocumentListBlock), ("table", editorial.CaptionedTableBlock),
                              ("call_to_action", editorial.CallToActionBlock)]:
        assert isinstance(offered[name], block_class), name


def test_guides_written_with_the_former_faq_block_keep_their_answers():
    migration = importlib.import_module("maillage_youth.migrations.0003_guides_use_the_editorial_blocks")
    data_migration = next(op for op in migration.Migration.operations if isinstance(op, MigrateStreamData))
    raw = [{"type": "faq", "id": "f1", "value": {"heading": "Questions", "questions": [
        {"type": "item", "id": "q1", "value": {"question": "Quels vaccins ?", "answer": "<p>Au centre.</p>"}}]}}]
    for operation, path in data_migration.operations_and_block_paths:
        raw = apply_changes_to_raw_data(raw, path, operation, streamfield=GuidePage.body)
    body = GuidePage.body.field.stream_block.to_python(raw)
    accordion = body[0]
    assert accordion.block_type == "accordion"
    assert [(item["question"], item["answer"].source) for item in accordion.value["items"]] == [
        ("Quels vaccins ?", "<p>Au centre.</p>")
    ]


def request_for(path="/"):
    request = RequestFactory().get(path)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    return request


def test_home_figures_and_section(youth_space):
    figures = [figure for figure in hooks.home_figures(request_for()) if figure.label == "offres ouvertes aux jeunes"]
    assert [(figure.value, figure.url) for figure in figures] == [(2, "/espace-jeunes/offres/")]
    section = next(s for s in hooks.home_sections(request_for()) if s.key == "youth-offers")
    assert [offer.title for offer in section.context["offers"]] == ["Chargé de projet eau", "Stage en agroécologie"]


def test_country_section_lists_open_offers_and_testimonies_there(youth_space):
    sections = hooks.country_sections(request_for(), "BJ")
    youth = next(section for section in sections if section.key == "youth")
    assert [offer.title for offer in youth.context["offers"]] == ["Chargé de projet eau"]
    togo = next(s for s in hooks.country_sections(request_for(), "TG") if s.key == "youth")
    assert [t.title for t in togo.context["testimonies"]] == ["Six mois à Kpalimé"]
    assert [s for s in hooks.country_sections(request_for(), "ZZ") if s.key == "youth"] == []


def test_search_sources_are_registered(db):
    keys = {source.key for source in hooks.search_sources()}
    assert {"offers", "schemes", "testimonies"} <= keys


def test_schemes_and_testimonies_in_site_search(youth_space, search_engine):
    search_engine.index_all()
    request = request_for()
    by_key = {source.key: source for source in hooks.search_sources()}
    hits = by_key["schemes"].search("volontariat", request=request).hits
    assert "Volontariat de solidarité internationale" in [hit.title for hit in hits]
    assert [hit.title for hit in by_key["testimonies"].search("kpalime", request=request).hits] == [
        "Six mois à Kpalimé"]
    assert by_key["testimonies"].search("relecture", request=request).total == 0


def test_the_demo_loads_once_and_quickly_the_second_time(root_page, vocabulary, django_assert_max_num_queries):
    from maillage_youth import demo

    messages = []
    created = demo.load({}, messages.append)
    assert YouthSpacePage.objects.count() == 1 and SchemePage.objects.count() == 7
    assert GuidePage.objects.count() == 4 and Story.objects.filter(live=True).count() == 12
    assert Story.objects.exclude(photo=None).count() == 3
    assert Story.objects.exclude(photo=None).filter(photo_alt="").count() == 0
    offers = Offer.objects.count()
    assert 38 <= offers <= 45
    assert Offer.objects.open().count() == 32
    assert Offer.objects.filter(expired=True, live=False).count() == offers - 32
    assert created == 4 + 7 + 4 + offers + 12
    with django_assert_max_num_queries(20):
        assert demo.load({}, messages.append) == 0
    assert Offer.objects.count() == offers and Story.objects.count() == 12


@pytest.mark.parametrize(
    "name, value",
    [("OFFERS_PER_PAGE", 0), ("OFFERS_PER_PAGE", "20"), ("FEED_LIMIT", True), ("SCHEME_CHECK_DAYS", -1),
     ("PHOTO_MAX_BYTES", 1.5), ("LANDING_ITEMS", 50)],
)
def test_checks_report_unusable_settings(name, value):
    with override_settings(**{f"MAILLAGE_YOUTH_{name}": value}):
        errors = check_settings(None)
    assert len(errors) == 1 and name in errors[0].msg and errors[0].hint


def test_checks_report_a_bad_officer_address():
    with override_settings(MAILLAGE_YOUTH_OFFICER_EMAIL=["a@b.c"]):
        assert [error.id for error in check_settings(None)] == ["maillage_youth.E009"]


def test_checks_accept_the_defaults():
    assert check_settings(None) == []


def test_country_section_and_figures_cost_the_same_for_one_offer_or_many(board, testimony_index, make_offer,
                                                                        make_testimony):
    from maillage_core.testing.sections import country_section_cost

    make_offer("Offre 0", country="SN")
    make_testimony("Témoignage 0", country="SN")
    one, html = country_section_cost(request_for(), "SN", "youth")
    for n in range(1, 4):
        make_offer(f"Offre {n}", country="SN")
        make_testimony(f"Témoignage {n}", country="SN")
    make_offer("Au Togo", country="TG")
    many, html = country_section_cost(request_for(), "SN", "youth")
    assert many == one and html.count("Offre ") == 4 and html.count("Témoignage ") == 4
    [figures] = [f for f in hooks.country_figures(request_for()) if f.key == "offers"]
    assert figures.counts == {"SN": 4, "TG": 1}


@pytest.mark.parametrize("code, has_european_corps, has_vsi", [
    ("SN", False, True),  # Sub-Saharan Africa
    ("TN", True, True),  # North Africa and Middle East
    ("DE", True, False),  # Europe
    ("AQ", False, False),  # no region of the world a scheme goes to: no schemes
])
def test_country_section_offers_the_schemes_that_go_to_the_countrys_region(catalogue, code, has_european_corps,
                                                                             has_vsi):
    from maillage_core.testing.sections import render_country_sections

    html = render_country_sections(request_for(), code, "youth")
    assert ("Corps européen de solidarité" in html) is has_european_corps
    assert ("Volontariat de solidarité internationale" in html) is has_vsi
