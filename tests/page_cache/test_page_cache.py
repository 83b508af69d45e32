"""The page cache as visitors meet it: kept pages for anonymous visitors,
fresh after every kind of change, never a page of someone signed in.

Each freshness row warms the cache with an anonymous visitor (the second
visit is a hit), makes one change the way the site makes it, and checks the
next anonymous visit shows it.
"""

import datetime
import io
import re
import subprocess
import sys

import pytest
from django.test import Client
from django.utils import timezone

from maillage_core.testing.tree import publish_child

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def visit(path, client=None):
    response = (client or Client()).get(path)
    return response, response.content.decode()


def kept(path):
    """Visit twice as two anonymous visitors: the second is a hit."""
    visit(path)
    response, html = visit(path)
    assert response["X-Page-Cache"] == "hit", path
    return html


@pytest.fixture
def content(make_page):
    return make_page("Le réseau", slug="le-reseau", intro="Qui sommes-nous.")


def test_a_kept_page_is_answered_without_a_query(content, django_assert_num_queries):
    first, _html = visit(content.url)
    assert first["X-Page-Cache"] == "miss" and "max-age=0" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second, html = visit(content.url)
    assert second["X-Page-Cache"] == "hit" and "Le réseau" in html
    assert second["Content-Type"] == first["Content-Type"] and second["Content-Language"] == "fr"
    assert Client().head(content.url)["X-Page-Cache"] == "hit"


def test_a_view_that_sets_its_own_cache_control_keeps_it(home_page):
    first, second = visit("/robots.txt")[0], visit("/robots.txt")[0]
    assert second["X-Page-Cache"] == "hit"
    assert [answer["Cache-Control"] for answer in (first, second)] == ["max-age=86400, public"] * 2


def test_the_language_and_the_query_string_are_part_of_the_address(settings, content):
    settings.ALLOWED_HOSTS = ["testserver"]
    kept(content.url)
    for _ in range(2):  # a host a worker has not validated is refused, kept page or not
        assert Client().get(content.url, HTTP_HOST="ailleurs.example.net").status_code == 400
    english = Client()
    english.cookies["django_language"] = "en"
    response, html = visit(content.url, english)
    assert response["X-Page-Cache"] == "miss" and response["Content-Language"] == "en"
    assert visit(content.url + "?page=2")[0]["X-Page-Cache"] == "miss"


# -- freshness: each kind of change shows on the next anonymous visit ------------

def edit_page(page):
    page.title = "Le réseau régional"
    page.save_revision().publish()
    return page.url, "Le réseau régional"


def test_a_publish_unpublish_move_and_delete_show_at_once(home_page, content):
    from home.models import ContentPage

    kept(content.url)
    path, title = edit_page(content)
    assert title in visit(path)[1]

    other = publish_child(home_page, ContentPage(title="Nos actions", slug="actions", intro="Actions."))
    kept(other.url)
    other.specific.unpublish()
    assert visit(other.url)[0].status_code == 404

    child = publish_child(content, ContentPage(title="Adhérer", slug="adherer", intro="Adhérer."))
    old = child.url
    kept(old)
    child.move(home_page, pos="last-child")
    moved = visit(old)[0]
    assert (moved.status_code, moved["Location"]) == (301, "/adherer/")  # Wagtail's automatic redirect
    assert visit("/adherer/")[0].status_code == 200

    kept(content.url)
    content.delete()
    assert visit("/le-reseau/")[0].status_code == 404


def test_a_settings_change_shows_in_the_footer_at_once(home_page, content):
    from wagtail.models import Site

    from home.models.settings import NetworkSettings

    kept(content.url)
    network = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    network.city = "Villeurbanne-sur-Rhône"
    network.save()
    assert "Villeurbanne-sur-Rhône" in visit(content.url)[1]


def test_an_actor_approved_shows_in_the_directory_at_once(home_page, search_engine):
    from maillage_directory.models import DirectoryPage
    from maillage_directory.testing import make_actor

    directory = publish_child(home_page, DirectoryPage(title="Annuaire", slug="annuaire"))
    make_actor("Les Amis de Koudougou")
    actor = make_actor("Solidarité Rhône-Sahel", live=False)
    search_engine.index_all()
    assert "Solidarité Rhône-Sahel" not in kept(directory.url)
    actor.save_revision().publish()
    search_engine.refresh()
    assert "Solidarité Rhône-Sahel" in visit(directory.url)[1]


def test_an_import_written_in_bulk_shows_in_the_directory_at_once(home_page, search_engine,
                                                                   django_capture_on_commit_callbacks):
    """Bulk writes send no signal: the importer renews the version itself."""
    from maillage_core.data.seed import ensure_vocabulary
    from maillage_directory.importing import import_file
    from maillage_directory.models import DirectoryPage

    ensure_vocabulary()
    directory = publish_child(home_page, DirectoryPage(title="Annuaire", slug="annuaire"))
    assert "Bioforce" not in kept(directory.url)
    with django_capture_on_commit_callbacks(execute=True):  # the import indexes once committed
        report = import_file(b"cle,nom,type,departement,pays\nA1,Bioforce,association,69,SN\n", "acteurs.csv")
    assert report.created == 1
    search_engine.refresh()
    assert "Bioforce" in visit(directory.url)[1]


def test_an_offer_closed_leaves_the_board_at_once(home_page):
    from maillage_youth.models import Offer, OfferBoardPage, YouthSpacePage

    space = publish_child(home_page, YouthSpacePage(title="Espace Jeunes", slug="espace-jeunes"))
    board = publish_child(space, OfferBoardPage(title="Offres", slug="offres"))
    published = timezone.now() - datetime.timedelta(days=1)
    offer = Offer(title="Stage à Dakar", kind="internship", country="SN", organisation="Les Amis de Dakar",
                  description="<p>Une mission.</p>", how_to_apply="CV.", live=True, first_published_at=published,
                  last_published_at=published, closing_date=timezone.localdate() + datetime.timedelta(days=30))
    offer.save()
    assert "Stage à Dakar" in kept(board.url)
    offer.unpublish()
    assert "Stage à Dakar" not in visit(board.url)[1]


def training_session_path(home_page, capacity=2):
    from maillage_training.models import TrainingIndexPage, TrainingPage, TrainingSession

    programme = publish_child(home_page, TrainingIndexPage(title="Formations", slug="formations",
                                                           data_policy="<p>Politique.</p>"))
    training = publish_child(programme, TrainingPage(title="Monter un projet", summary="Résumé."))
    start = timezone.now() + datetime.timedelta(days=10)
    session = TrainingSession.objects.create(training=training, start=start, end=start + datetime.timedelta(hours=3),
                                             capacity=capacity, city="Lyon")
    return training.url + f"sessions/{session.pk}/"


def test_a_registration_shows_in_the_seats_left_at_once(home_page):
    from maillage_training import booking
    from maillage_training.models import TrainingSession

    path = training_session_path(home_page)
    training_url = path.split("sessions/")[0]
    # The training's page lists the seats left; the session's page too, with
    # its registration form (kept with a token for each visitor).
    assert "2 places restantes sur 2" in kept(training_url)
    assert "2 places restantes sur 2" in kept(path)
    booking.register(TrainingSession.objects.get().pk, name="Camille", email="camille@example.org")
    assert "1 place restante sur 2" in visit(training_url)[1]
    assert "1 place restante sur 2" in visit(path)[1]


def test_a_change_in_another_worker_makes_every_kept_page_stale(settings, tmp_path, content):
    """Workers share the cache (a directory here, as in production): the
    version another process renews is the one this one reads next."""
    location = str(tmp_path / "cache")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                                   "LOCATION": location}}
    kept(content.url)
    script = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'maillage_site.settings.test'; django.setup()\n"
        "from django.conf import settings\n"
        f"settings.CACHES = {{'default': {{'BACKEND': 'django.core.cache.backends.filebased.FileBasedCache',"
        f" 'LOCATION': {location!r}}}}}\n"
        "from maillage_core.page_cache import content_changed; content_changed()\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert visit(content.url)[0]["X-Page-Cache"] == "miss"


def test_a_deploy_renews_every_kept_page(content):
    from django.core.management import call_command

    kept(content.url)
    call_command("renew_page_cache", stdout=io.StringIO())
    assert visit(content.url)[0]["X-Page-Cache"] == "miss"


def test_a_page_drawn_while_the_engine_catches_up_is_not_kept(settings, page_cache, content):
    settings.MAILLAGE_PAGE_CACHE_SETTLE_SECONDS = 3600
    content.save_revision().publish()
    visit(content.url)
    assert visit(content.url)[0]["X-Page-Cache"] == "miss"


# -- privacy: nothing personal is kept or served from the cache -----------------

def test_a_signed_in_visitor_never_gets_nor_leaves_a_kept_page(content, django_user_model):
    kept(content.url)
    person = django_user_model.objects.create_user("camille", "camille@example.org", "secret")
    client = Client()
    client.force_login(person)
    for _ in range(2):
        response, _html = visit(content.url, client)
        assert response["X-Page-Cache"] == "pass" and "private" in response["Cache-Control"]
    content.save_revision().publish()
    visit(content.url, client)
    assert visit(content.url)[0]["X-Page-Cache"] == "miss"  # the signed-in visit kept nothing


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


def token_of(html):
    tokens = set(TOKEN.findall(html))
    assert len(tokens) == 1, tokens
    return tokens.pop()


def test_a_kept_form_gives_each_visitor_their_own_token(home_page):
    from home.models import ContactPage

    contact = publish_child(home_page, ContactPage(title="Contact", slug="contact"))
    first, second, returning = Client(), Client(), Client()
    returning.cookies["csrftoken"] = "a" * 32  # a secret of their own, from an earlier visit
    answers = [visit(contact.url, client) for client in (first, second, returning, second)]
    assert [response["X-Page-Cache"] for response, _html in answers] == ["miss", "hit", "hit", "hit"]
    tokens = [token_of(html) for _response, html in answers]
    assert len(set(tokens)) == 4  # masked afresh on each visit
    secrets = [answer.cookies["csrftoken"].value for answer, _html in answers]
    assert secrets[0] != secrets[1] == secrets[3] and secrets[2] == "a" * 32
    for response, html in answers:
        assert "private" in response["Cache-Control"] and "Cookie" in response["Vary"]
        assert int(response["Content-Length"]) == len(html.encode())
    # Nothing of the first visitor's went into the kept page.
    from maillage_core.page_cache.recent import RECENT

    assert all(secrets[0].encode() not in entry.content and tokens[0].encode() not in entry.content
               for entry in RECENT.entries.values())


def test_a_registration_goes_through_a_kept_form_and_not_without_its_token(home_page, mailoutbox):
    from maillage_training.models import Registration

    path = training_session_path(home_page)
    visit(path)  # drawn for a first visitor, kept
    visitor = Client(enforce_csrf_checks=True)
    response, html = visit(path, visitor)
    assert response["X-Page-Cache"] == "hit"
    data = {"name": "Camille Martin", "email": "camille@example.org", "organisation": "Terres Solidaires",
            "role": "Bénévole", "accessibility_needs": "", "consent": "on"}
    assert Client(enforce_csrf_checks=True).post(path, data).status_code == 403
    refused = visitor.post(path, data)  # their cookie, but no token
    assert refused.status_code == 403 and not Registration.objects.exists()
    accepted = visitor.post(path, {**data, "csrfmiddlewaretoken": token_of(html)})
    assert accepted.status_code == 302 and Registration.objects.get().email == "camille@example.org"


def test_kept_form_tokens_drop_the_bytes_that_would_favour_some_letters(monkeypatch):
    # 62 letters fit 4 times in 256: a byte from 248 up would make the first
    # eight letters likelier than the others, so it is dropped and another read.
    from maillage_core.page_cache import tokens

    reads = iter([bytes([255, 0, 248, 61]), bytes([62, 247, 250, 1])])
    monkeypatch.setattr(tokens.secrets, "token_bytes", lambda count: next(reads))
    assert tokens.random_letters(4) == "a9a9"


def test_a_token_outside_a_form_field_keeps_the_page_out_of_the_cache(rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from maillage_core.page_cache.entries import Entry

    for body, keepable in [('<form><input type="hidden" name="csrfmiddlewaretoken" value="{token}"></form>', True),
                           ('<meta name="csrf" content="{token}">', False),
                           ('<input type="hidden" name="csrfmiddlewaretoken" value="{token}"><p>{secret}</p>', False)]:
        request = rf.get("/contact/")
        token = get_token(request)
        response = HttpResponse(body.format(token=token, secret=request.META["CSRF_COOKIE"]))
        response.set_cookie("csrftoken", request.META["CSRF_COOKIE"])
        entry = Entry.of(request, response)
        assert (entry is not None) == keepable, body
        if keepable:
            assert token.encode() not in entry.content


def test_members_only_pages_errors_and_the_admin_are_never_kept(make_page):
    from wagtail.models import PageViewRestriction

    private = make_page("Espace adhérents", slug="adherents", intro="Privé.")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for path in (private.url, "/nulle-part/"):
        answers = [visit(path)[0] for _ in range(2)]
        assert [(answer.status_code != 200, answer["X-Page-Cache"]) for answer in answers] == [(True, "miss")] * 2
    assert [visit("/admin/login/")[0]["X-Page-Cache"] for _ in range(2)] == ["pass", "pass"]


# -- a worker's memory: bounded, least recently asked out, one version --------

def test_a_workers_memory_holds_its_most_asked_pages_within_its_bound():
    from maillage_core.page_cache.entries import Entry
    from maillage_core.page_cache.recent import Recent

    def page(size, expires=100.0):
        return Entry(200, {}, b"x" * size, 0.0, expires=expires, size=size)

    recent, limit = Recent(), 16000  # sixteen pages of 1,000 bytes
    for number in range(16):
        recent.put(number, page(1000), 1, limit)
    assert recent.get(0, 1, now=0) is not None  # the first asked again: the second is now the oldest
    recent.put(16, page(1000), 1, limit)
    assert [n for n in range(17) if recent.get(n, 1, now=0) is None] == [1] and recent.size == 16000
    recent.put("huge", page(1001), 1, limit)  # more than a sixteenth of the bound: not held
    assert recent.get("huge", 1, now=0) is None
    recent.put("old", page(10, expires=5.0), 1, limit)
    assert recent.get("old", 1, now=5.0) is None  # past the page cache's limit
    assert recent.get(0, 2, now=0) is None and recent.size == 0  # another version: all forgotten
