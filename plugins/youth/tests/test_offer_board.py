"""The offers board without a search text (answered by the database):
filters, sorting, offer pages, and what is never shown."""

import datetime

import pytest
from django.utils import timezone

from maillage_youth.models import Offer

pytestmark = pytest.mark.django_db


def titles(response):
    html = response.content.decode()
    return [part.split("</a>")[0].split(">")[-1] for part in html.split('<h3><a href="')[1:]]


@pytest.fixture
def offers(board, make_offer):
    make_offer("Stage en agroécologie", kind="internship", country="BF", sector="agriculture", closing_in=40,
               start_date=timezone.localdate() + datetime.timedelta(days=60), published_days_ago=5)
    make_offer("Chargé de projet eau", kind="job", country="BJ", sector="eau-assainissement", closing_in=10,
               published_days_ago=1)
    make_offer("Volontaire santé", kind="volunteering", country="ML", sector="sante", closing_in=20,
               published_days_ago=9)
    make_offer("Offre close hier", kind="job", country="BJ", closing_in=-1)
    make_offer("Brouillon en relecture", kind="job", country="BJ", live=False)
    return board


def test_only_open_published_offers_are_listed(client, offers):
    assert titles(client.get(offers.url)) == ["Chargé de projet eau", "Volontaire santé", "Stage en agroécologie"]


def test_newest_first(client, offers):
    assert titles(client.get(offers.url, {"tri": "nouveau"})) == [
        "Chargé de projet eau", "Stage en agroécologie", "Volontaire santé"]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"type": "job"}, ["Chargé de projet eau"]),
        ({"type": ["job", "internship"]}, ["Chargé de projet eau", "Stage en agroécologie"]),
        ({"pays": "BJ"}, ["Chargé de projet eau"]),
        ({"secteur": "sante"}, ["Volontaire santé"]),
        ({"pays": "BF", "type": "internship"}, ["Stage en agroécologie"]),
        ({"pays": "BF", "type": "job"}, []),
    ],
)
def test_filters(client, offers, params, expected):
    assert titles(client.get(offers.url, params)) == expected


def test_start_month_filter(client, offers):
    month = (timezone.localdate() + datetime.timedelta(days=60)).strftime("%Y-%m")
    assert titles(client.get(offers.url, {"debut": month})) == ["Stage en agroécologie"]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"type": "<script>alert(1)</script>"}, "Type d’offre inconnu ignoré"),
        ({"pays": "XX"}, "Code pays inconnu ignoré : XX"),
        ({"secteur": "astrologie"}, "Secteur inconnu ignoré : astrologie"),
        ({"debut": "2027-13"}, "n’est pas un mois"),
        ({"debut": "demain"}, "n’est pas un mois"),
        ({"tri": "prix"}, "n’est pas un tri possible"),
        ({"page": "abc"}, "n’est pas un numéro de page"),
        ({"page": "99999999999999"}, "n’est pas un numéro de page"),
    ],
)
def test_junk_parameters_get_a_message_and_the_full_list(client, offers, params, message):
    response = client.get(offers.url, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "<script>alert" not in html
    assert len(titles(response)) == 3


def test_an_offer_page_shows_the_offer_with_job_posting_data(client, offers):
    offer = Offer.objects.get(title="Stage en agroécologie")
    html = client.get(offer.get_url()).content.decode()
    assert "<h1>Stage en agroécologie</h1>" in html and "Burkina Faso" in html
    assert '"@type": "JobPosting"' in html and '"employmentType": "INTERN"' in html
    assert 'rel="canonical" href="http://testserver/espace-jeunes/offres/' in html


def test_a_closed_offer_says_so_and_is_gone(client, offers):
    offer = Offer.objects.get(title="Offre close hier")
    response = client.get(offer.get_url())
    assert response.status_code == 410
    assert "est close depuis le" in response.content.decode()


def test_a_draft_offer_has_no_page(client, offers):
    assert client.get(offers.url + Offer.objects.get(live=False).slug + "/").status_code == 404
    assert client.get(offers.url + "nulle-part/").status_code == 404


def test_hostile_text_stays_inert_on_the_board(client, board, make_offer):
    make_offer('<script>alert("x")</script>', organisation="<img src=x onerror=alert(1)>", city="<b>Lomé</b>")
    html = client.get(board.url).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Lomé" not in html
    assert "&lt;script&gt;" in html


def test_board_queries_stay_constant_as_offers_grow(client, board, make_offer, queries_of, django_assert_num_queries):
    for number in range(3):
        make_offer(f"Offre {number}", sector="sante")
    client.get(board.url)
    small = queries_of(9, lambda: client.get(board.url, {"tri": "nouveau"}))
    for number in range(3, 30):
        make_offer(f"Offre {number}", sector=["sante", "education", None][number % 3], country=["SN", "BJ"][number % 2])
    client.get(board.url, {"tri": "nouveau"})  # the content changed: caches kept under its version are drawn again
    with django_assert_num_queries(small):
        response = client.get(board.url, {"tri": "nouveau"})
    assert len(titles(response)) == 20


def test_offer_page_queries_stay_constant(client, board, make_offer, queries_of, django_assert_num_queries):
    url = make_offer("Stage", sector="sante").get_url()
    client.get(url)
    small = queries_of(9, lambda: client.get(url))  # the breadcrumb reads the ancestors: home first
    for number in range(20):
        make_offer(f"Offre {number}", sector="sante")
    client.get(url)  # the content changed: caches kept under its version are drawn again
    with django_assert_num_queries(small):
        assert client.get(url).status_code == 200


def test_an_offer_card_labels_where_its_sector_and_dates(client, board, make_offer):
    make_offer("Volontariat santé", city="Bobo-Dioulasso", sector="sante")
    html = client.get(board.url).content.decode()
    card = html[html.index("Volontariat santé"):]
    assert '<span class="card-label">Où :</span> Bobo-Dioulasso, Burkina Faso' in card
    assert '<span class="card-label">Secteur :</span> Santé' in card and '<span class="card-label">Dates :</span>' in card


def test_an_offer_card_is_written_whole_with_its_values_escaped(client, board, make_offer):
    make_offer("Stage <b>eau</b> & santé", organisation="L'Atelier", city="Saint-Louis", country="SN", sector="sante",
               kind="volunteering", duration="6 mois", closing_in=3, start_date=datetime.date(2027, 3, 15))
    slug = Offer.objects.get().slug
    closing = timezone.localdate() + datetime.timedelta(days=3)
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"]
    assert (
        '<ul class="youth-cards"><li class="youth-card">\n'
        f'  <h3><a href="{board.url}{slug}/">Stage &lt;b&gt;eau&lt;/b&gt; &amp; santé</a></h3>\n'
        '  <p class="youth-meta"><span class="youth-badge">Volontariat</span> L&#x27;Atelier</p>\n'
        '  <p class="youth-meta"><span class="card-label">Où :</span> Saint-Louis, Sénégal · '
        '<span class="card-label">Secteur :</span> Santé</p>\n'
        '  <p><span class="card-label">Dates :</span> Début : mars 2027 · 6 mois · <strong class="youth-soon">'
        f'candidater avant le {closing.day} {months[closing.month - 1]} {closing.year}</strong></p>\n'
        "</li>\n</ul>"
    ) in client.get(board.url).content.decode()


def test_the_country_list_follows_the_open_offers(client, board, make_offer):
    make_offer("Stage à Dakar", country="SN")
    assert '<option value="SN">Sénégal</option>' in client.get(board.url).content.decode()
    hanoi = make_offer("Stage à Hanoï", country="VN")
    assert '<option value="VN">Viêt Nam</option>' in client.get(board.url).content.decode()
    hanoi.closing_date = timezone.localdate() - datetime.timedelta(days=1)
    hanoi.save()
    assert 'value="VN"' not in client.get(board.url).content.decode()


def test_the_country_list_drops_at_midnight_the_countries_whose_offers_closed(client, board, make_offer, monkeypatch):
    from maillage_core import content_memo

    make_offer("Stage à Dakar", country="SN", closing_in=0)
    make_offer("Stage à Cotonou", country="BJ", closing_in=5)
    assert 'value="SN"' in client.get(board.url).content.decode()
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    monkeypatch.setattr(content_memo.timezone, "now", lambda: tomorrow)
    html = client.get(board.url).content.decode()
    assert 'value="SN"' not in html and 'value="BJ"' in html
