"""The funding search as a visitor uses it, on the real engine and, during
an outage, from the database: the same questions get the same answers."""

import pytest

pytestmark = pytest.mark.django_db

OUTAGE = "Le moteur de recherche ne répond pas : ces résultats viennent d’une recherche simplifiée"


@pytest.fixture
def calls(make_call):
    """Current calls of every status, a closed one and a draft."""
    return {
        "sahel": make_call("Eau potable au Sahel", closes_in=10, sectors=["eau-assainissement"], countries=["SN"],
                           actor_types=["association"], amount_min=10_000, amount_max=150_000, published_days_ago=5),
        "madagascar": make_call("Santé à Madagascar", funder="fondation", closes_in=60, sectors=["sante"],
                                countries=["MG"], summary="Des centres de santé communautaire.", published_days_ago=1),
        "fonds": make_call("Fonds régional de solidarité", funder="region", closes_in=None, amount_min=3_000,
                           amount_max=20_000, summary="Petits projets des associations de la région.",
                           published_days_ago=3),
        "cooperation": make_call("Coopération décentralisée", opens_in=10, closes_in=90,
                                 actor_types=["collectivite"], summary="Les collectivités et leurs partenaires.",
                                 published_days_ago=2),
        "closed": make_call("Ancien appel sur l'eau", closes_in=-5, sectors=["eau-assainissement"], countries=["SN"]),
        "draft": make_call("Brouillon sur l'eau", live=False, sectors=["eau-assainissement"], countries=["SN"]),
    }


@pytest.fixture(params=["engine", "outage"])
def answering(request, settings, calls):
    """The real engine, or an engine that does not answer (the database answers)."""
    engine = request.getfixturevalue("search_engine")
    engine.index_all()
    if request.param == "outage":
        backend = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
        backend["URLS"] = ["http://127.0.0.1:9"]
        settings.WAGTAILSEARCH_BACKENDS = {"default": backend}
    else:
        engine.refresh()
    return request.param


SEARCHES = [
    ("", ["Eau potable au Sahel", "Santé à Madagascar", "Coopération décentralisée", "Fonds régional de solidarité"]),
    # A call naming no country is open to every one, Senegal included.
    ("?pays=SN", ["Eau potable au Sahel", "Coopération décentralisée", "Fonds régional de solidarité"]),
    ("?pays=SN&secteur=eau-assainissement&acteur=association", ["Eau potable au Sahel"]),
    ("?statut=bientot", ["Eau potable au Sahel"]),
    ("?statut=permanent", ["Fonds régional de solidarité"]),
    ("?statut=a-venir", ["Coopération décentralisée"]),
    ("?statut=ouvert", ["Eau potable au Sahel", "Santé à Madagascar", "Fonds régional de solidarité"]),
    ("?statut=bientot&statut=a-venir", ["Eau potable au Sahel", "Coopération décentralisée"]),
    ("?financeur=agency", ["Eau potable au Sahel", "Coopération décentralisée"]),
    ("?montant=moins-10k", ["Fonds régional de solidarité"]),
    ("?montant=50k-200k", ["Eau potable au Sahel"]),
    ("?tri=nouveau", ["Santé à Madagascar", "Coopération décentralisée", "Fonds régional de solidarité",
                      "Eau potable au Sahel"]),
    ("?q=madagascar", ["Santé à Madagascar"]),
    ("?q=collectivites", ["Coopération décentralisée"]),
    ("archives/", ["Ancien appel sur l'eau"]),
    ("archives/?secteur=eau-assainissement&pays=SN", ["Ancien appel sur l'eau"]),
    ("archives/?secteur=sante", []),
]


def test_each_search_finds_its_calls_in_order_and_never_a_draft(client, search_page, answering):
    # One test per backend walks the table: the calls and the index are made once.
    for path, titles in SEARCHES:
        response = client.get(search_page.url + path)
        assert response.status_code == 200, path
        assert [call.title for call in response.context["listing"].calls] == titles, path
        assert "Brouillon" not in response.content.decode()
        assert (OUTAGE in response.content.decode()) == (answering == "outage"), path


def counts(response, facet_key):
    result = next(r for r in response.context["listing"].facets if r.facet.key == facet_key)
    return {value.value: value.count for value in result.values}


def test_facet_counts_leave_out_their_own_selection_and_drafts(client, search_page, answering):
    response = client.get(search_page.url, {"secteur": "eau-assainissement", "pays": "MG"})
    # Sectors counted under the country alone: Madagascar's and the calls open to every country.
    assert counts(response, "sector") == {"eau-assainissement": 0, "sante": 1}
    # Countries counted under the sector alone: the draft and the closed call are not counted.
    assert counts(response, "country")["SN"] == 1
    assert counts(response, "status") == {}  # no call is both in Madagascar and on water
    response = client.get(search_page.url)
    assert counts(response, "status") == {"ouvert": 3, "bientot": 1, "permanent": 1, "a-venir": 1}
    assert counts(response, "amount") == {"moins-10k": 1, "10k-50k": 2, "50k-200k": 1}


NOTICES = [
    ("?pays=XX&secteur=nulle-part", "Des valeurs inconnues du filtre « Pays » ont été ignorées : XX."),
    ("?tri=hasard", "« hasard » n’est pas un ordre de tri ; tri par date de clôture."),
    ("?page=abc", "« abc » n’est pas un numéro de page"),
    ("?page=99", "Il n’y a pas de page 99"),
    ("?q=" + "eau " * 80, "Votre recherche a été raccourcie"),
    ("?statut=%00", "Des valeurs inconnues du filtre « Statut » ont été ignorées"),
]


def test_a_value_that_does_not_parse_is_set_aside_with_a_message(client, search_page, calls):
    for query, notice in NOTICES:
        response = client.get(search_page.url + query)
        assert response.status_code == 200, query
        assert notice in response.content.decode(), query


def test_addresses_are_shareable_and_keep_the_search(client, search_page, calls):
    response = client.get(search_page.url, {"pays": "SN", "secteur": "eau-assainissement"})
    html = response.content.decode()
    assert 'href="?pays=SN"' in html  # removing the sector keeps the country
    assert f'href="{search_page.url}rss/?pays=SN&amp;secteur=eau-assainissement"' in html
    assert f'href="{search_page.url}alerte/?pays=SN&amp;secteur=eau-assainissement"' in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_a_call_has_its_page_and_a_draft_has_none(client, search_page, calls):
    response = client.get(calls["sahel"].get_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Agence française de développement" in html and '"@type": "Grant"' in html
    assert client.get(search_page.url + f"{calls['draft'].slug}/").status_code == 404
    assert client.get(calls["closed"].get_url()).status_code == 200  # the archive links to it


def test_a_call_says_when_it_closes_and_opens_on_its_page_and_on_its_card(client, search_page, calls, search_engine):
    from django.utils import timezone
    from django.utils.formats import date_format

    def day(call, field):
        return date_format(getattr(call, field), "j F Y")

    cooperation = calls["cooperation"]
    expected = {
        "sahel": f"Bientôt clos</span>\n· clôture le {day(calls['sahel'], 'closes_on')}\n",
        "fonds": "Permanent</span>\n· candidatures toute l’année\n",
        "cooperation": f"À venir</span>\n· clôture le {day(cooperation, 'closes_on')}\n"
                       f"· ouvrent le {day(cooperation, 'opens_on')}\n",
    }
    search_engine.index_all()  # the listing asks the engine, which must hold these calls, not another test's
    search_engine.refresh()
    listing = client.get(search_page.url, {"statut": ["bientot", "permanent", "a-venir"]}).content.decode()
    assert OUTAGE not in listing
    assert timezone.localdate() < cooperation.opens_on
    for key, dates in expected.items():
        page = client.get(calls[key].get_url()).content.decode()
        assert dates in page, key
        assert dates in listing, key


def test_the_sitemap_lists_current_calls_and_no_draft(rf, search_page, calls):
    locations = [url["location"] for url in search_page.get_sitemap_urls(rf.get("/"))]
    assert locations[0].endswith("/financements/")
    assert {location.rsplit("/", 2)[1] for location in locations[1:]} == {
        calls[key].slug for key in ("sahel", "madagascar", "fonds", "cooperation")}


def test_the_search_page_makes_as_many_queries_with_more_calls(client, search_page, calls, make_call, search_engine):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def engine_up_to_date():
        # The page lists what the engine holds: without a refresh, whether the
        # new calls are found (and their rows read) would depend on the clock.
        search_engine.index_all()
        search_engine.refresh()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(search_page.url, {"pays": "SN"}).status_code == 200
        return [query["sql"] for query in captured]

    engine_up_to_date()
    queries()  # a first visit may create rows a layout caches
    before = queries()
    for number in range(5):
        make_call(f"Appel {number}", sectors=["sante", "education"], countries=["SN", "ML"], funder="region")
    engine_up_to_date()
    # Saving calls may renew what the layout caches: the first visit after
    # refills it. Queries per call would show on every visit; the diff names them.
    queries()
    after = queries()
    assert len(after) == len(before), "\n".join(sorted(set(after) ^ set(before)))


def test_a_call_card_labels_its_funders_and_dates(client, search_page, calls, search_engine):
    search_engine.index_all()
    search_engine.refresh()  # the listing shows what the engine holds
    html = client.get(search_page.url).content.decode()
    assert html.count('<span class="card-label">Financeurs :</span>') >= 1
    assert html.count('<span class="card-label">Dates :</span>') == html.count('class="funding-card"') >= 1


def test_a_call_card_escapes_what_the_officer_wrote(client, search_page, make_call, funders, search_engine):
    """Cards are written in Python (``cards.cards_html``): every text is
    escaped as the template's autoescape did."""
    funders["afd"].name = 'AFD & "partenaires" <b>'
    funders["afd"].save()
    make_call("Eau <script>alert(1)</script> & assainissement", summary="Forages < 10 m & latrines « sûres ».")
    search_engine.index_all()
    search_engine.refresh()
    html = client.get(search_page.url).content.decode()
    assert "Eau &lt;script&gt;alert(1)&lt;/script&gt; &amp; assainissement</a></h3>" in html
    assert '</span> AFD &amp; &quot;partenaires&quot; &lt;b&gt;</p>' in html
    assert "<p>Forages &lt; 10 m &amp; latrines « sûres ».</p>" in html
    assert "<script>alert" not in html
