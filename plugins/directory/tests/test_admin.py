"""The officer's screens: snippet views with filters, inspect and export,
the import screen, and the request for an update."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from maillage_directory.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, django_user_model):
    user = django_user_model.objects.create_superuser("officer", "officer@example.org", "x")
    client.force_login(user)
    return user


@pytest.fixture
def actor(make_actor):
    return make_actor("Bioforce", countries=["SN"], sectors=["sante"], department="69", email="b@example.org",
                      contact_name="Claire Martin", contact_email="claire@example.org")


def test_actor_listing_filters_by_country(client, officer, actor, make_actor):
    make_actor("Santé Sud", countries=["ML"])
    url = reverse("wagtailsnippets_maillage_directory_actor:list")
    html = client.get(url, {"country": "ML"}).content.decode()
    assert "Santé Sud" in html and "Bioforce" not in html


@pytest.mark.parametrize("view", ["inspect", "edit", "history"])
def test_actor_screens_open(client, officer, actor, view):
    url = reverse(f"wagtailsnippets_maillage_directory_actor:{view}", args=[actor.pk])
    assert client.get(url).status_code == 200


def test_the_new_actor_form_opens(client, officer, directory_page):
    assert client.get(reverse("wagtailsnippets_maillage_directory_actor:add")).status_code == 200


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_actor_list_exports(client, officer, actor, export):
    response = client.get(reverse("wagtailsnippets_maillage_directory_actor:list"), {"export": export})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        assert "Bioforce" in content.decode() and "SN" in content.decode()


def test_the_import_screen_reports_row_errors(client, officer, vocabulary):
    data = b"cle,nom,pays\nA1,Bioforce,SN\nA2,Inconnu,XX\n"
    response = client.post(
        reverse("maillage_directory_import:import"),
        {"file": SimpleUploadedFile("a.csv", data, content_type="text/csv"), "dry_run": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<td>3</td><td>pays</td>" in html
    assert Actor.objects.get().external_key == "A1"


def test_the_import_screen_refuses_an_oversized_file_without_reading_it(client, officer, settings, vocabulary):
    settings.MAILLAGE_DIRECTORY_IMPORT_MAX_BYTES = 100
    upload = SimpleUploadedFile("a.csv", b"cle,nom\n" + b"A,B\n" * 100, content_type="text/csv")
    html = client.post(reverse("maillage_directory_import:import"), {"file": upload}).content.decode()
    assert "limite" in html and not Actor.objects.exists()


def test_the_import_screen_needs_permission(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("maillage_directory_import:import")).status_code in (302, 403)


def test_the_thesaurus_export_downloads(client, officer, actor):
    response = client.get(reverse("maillage_directory_import:export"))
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeffcle,nom") and "Bioforce" in text and "Claire Martin" not in text


def test_the_officer_sends_a_signed_update_link(client, officer, actor, directory_page, mailoutbox):
    url = reverse("maillage_directory_import:request_update", args=[actor.pk])
    assert "claire@example.org" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert mailoutbox[0].to == ["claire@example.org"]
    link = next(line for line in mailoutbox[0].body.splitlines() if "/mise-a-jour/" in line).strip()
    page = client.get(link.replace("http://testserver", ""))
    assert page.status_code == 200 and "Claire Martin" in page.content.decode()


def test_listing_offers_the_update_request(client, officer, actor):
    html = client.get(reverse("wagtailsnippets_maillage_directory_actor:list")).content.decode()
    assert reverse("maillage_directory_import:request_update", args=[actor.pk]) in html


def test_submissions_are_listed(client, officer, directory_page):
    from maillage_directory.moderation import ensure_workflow

    ensure_workflow()
    client.post(directory_page.url + "proposer/", {"name": "Nouvelle asso", "submitter_name": "Camille",
                                                  "submitter_email": "camille@example.org"})
    html = client.get(reverse("maillage_directory_submissions:index")).content.decode()
    assert "camille@example.org" in html


def test_xlsx_upload_through_the_screen(client, officer, vocabulary):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["cle", "nom", "departement"])
    workbook.active.append(["K1", "Lycée Jean Moulin", "69"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("a.xlsx", buffer.getvalue())
    client.post(reverse("maillage_directory_import:import"), {"file": upload})
    assert Actor.objects.get().department_id == "69"


def test_the_admin_csv_export_writes_formulas_as_text(client, officer, make_actor):
    make_actor('=HYPERLINK("http://evil.example")', countries=["SN"])
    response = client.get(reverse("wagtailsnippets_maillage_directory_actor:list"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
