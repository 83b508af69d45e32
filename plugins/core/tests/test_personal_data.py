"""A person's data on request: the admin screen and the command export
(JSON and CSV in a zip) and erase (after a confirmation, with a report)
what every registered kind holds; the daily purge forgets addresses that
never confirmed. Inside a host site every plugin's kinds answer too, so
these tests look at core's own kinds (subscriptions and accounts)."""

import csv
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from maillage_core.subscriptions.models import Consent, Subscriber, TopicSubscription

pytestmark = pytest.mark.django_db

SCREEN = "/admin/donnees-personnelles/"


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_superuser("officer", "officer@reseau.example", "x")


@pytest.fixture
def person(django_user_model):
    """Awa: a confirmed subscriber with a consent record, and a visitor's account."""
    subscriber = Subscriber.objects.create(email="awa@example.org", language="fr", confirmed_at=timezone.now())
    TopicSubscription.objects.create(subscriber=subscriber, topic="lettre")
    Consent.objects.create(subscriber=subscriber, action="confirmed", topics="La Lettre", source="/abonnements/")
    django_user_model.objects.create_user("awa", "Awa@Example.org", "x", first_name="Awa", last_name="Ndiaye")
    Subscriber.objects.create(email="other@example.org", language="fr", confirmed_at=timezone.now())
    return subscriber


def read_zip(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    return {name: archive.read(name).decode() for name in archive.namelist()}


def test_the_officer_downloads_a_zip_with_json_and_csv_per_kind(client, officer, person):
    client.force_login(officer)
    response = client.post(SCREEN, {"email": " AWA@example.org ", "action": "export"})

    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="donnees-personnelles-')
    files = read_zip(response.content)
    [subscription] = json.loads(files["subscriptions.json"])
    assert subscription["email"] == "awa@example.org"
    assert subscription["topics"] == [{"topic": "lettre", "filters": {}}]
    assert [consent["from"] for consent in subscription["consents"]] == ["/abonnements/"]
    [account] = json.loads(files["accounts.json"])
    assert (account["username"], account["last_name"]) == ("awa", "Ndiaye")
    rows = list(csv.DictReader(io.StringIO(files["accounts.csv"])))
    assert [row["first_name"] for row in rows] == ["Awa"]
    assert "subscriptions.json / subscriptions.csv" in files["LISEZMOI.txt"]
    assert Subscriber.objects.count() == 2  # exporting changes nothing


def test_erasing_asks_for_confirmation_then_reports_per_kind(client, officer, person, django_user_model):
    client.force_login(officer)
    review = client.post(SCREEN, {"email": "awa@example.org", "action": "review"}).content.decode()
    assert "Abonnements par courriel et consentements : 1" in review
    assert "Comptes utilisateurs : 1" in review
    assert 'value="erase"' in review and 'name="confirmed" value="yes"' in review
    unconfirmed = client.post(SCREEN, {"email": "awa@example.org", "action": "erase"}).content.decode()
    assert "Oui, tout effacer" in unconfirmed  # without the confirmation's answer: the review again
    assert Subscriber.objects.filter(email="awa@example.org").exists()  # nothing erased yet

    report = client.post(SCREEN, {"email": "awa@example.org", "action": "erase",
                                  "confirmed": "yes"}).content.decode()
    assert "Effacé : awa@example.org" in report
    assert not Subscriber.objects.filter(email="awa@example.org").exists()
    assert not Consent.objects.exists()
    assert Subscriber.objects.filter(email="other@example.org").exists()
    account = django_user_model.objects.get(pk=django_user_model.objects.get(username__startswith="erased-").pk)
    assert (account.email, account.first_name, account.is_active, account.has_usable_password()) == ("", "", False, False)

    again = client.post(SCREEN, {"email": "awa@example.org", "action": "review"}).content.decode()
    assert "Rien n’est conservé sur cette adresse." in again
    [entry] = ModelLogEntry.objects.filter(action="maillage_core.erase_personal_data")
    assert (entry.user_id, entry.data["erased"]["subscriptions"], entry.data["erased"]["accounts"]) == (officer.pk, 1, 1)
    history = client.get("/admin/reports/site-history/").content.decode()
    assert "Données personnelles d’une personne effacées sur demande" in history
    assert "awa@example.org" not in history + json.dumps(entry.data)  # the log does not undo the erasure


def test_a_staff_account_is_kept_and_the_report_says_so(client, officer):
    client.force_login(officer)
    report = client.post(SCREEN, {"email": "officer@reseau.example", "action": "erase",
                                   "confirmed": "yes"}).content.decode()
    assert "Le compte d’équipe « officer » est conservé" in report
    officer.refresh_from_db()
    assert officer.email == "officer@reseau.example" and officer.is_active


@pytest.mark.parametrize("email, message", [
    ("awa@", "Saisissez une adresse de courriel valide."),
    ("", "Champ requis."),
    ("a" * 250 + "@example.org", "au plus 254 caractères"),
])
def test_a_malformed_address_gets_a_clear_message_and_changes_nothing(client, officer, person, email, message):
    client.force_login(officer)
    response = client.post(SCREEN, {"email": email, "action": "erase"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Subscriber.objects.count() == 2


def test_the_screen_is_in_the_settings_menu_of_superusers_only(client, officer, django_user_model):
    client.force_login(officer)
    assert SCREEN in client.get("/admin/").content.decode()
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "x", is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert SCREEN not in client.get("/admin/").content.decode()


def test_only_superusers_reach_the_screen(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "x", is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(SCREEN).status_code in (302, 403)
    assert client.post(SCREEN, {"email": "awa@example.org", "action": "erase"}).status_code in (302, 403)


def test_the_command_exports_a_zip_and_erases_with_a_report(person, tmp_path):
    target = tmp_path / "awa.zip"
    out = io.StringIO()
    call_command("personal_data", "export", "Awa@Example.org", "--output", str(target), stdout=out)
    assert "subscriptions: 1" in out.getvalue() and "accounts: 1" in out.getvalue()
    assert json.loads(read_zip(target.read_bytes())["subscriptions.json"])[0]["email"] == "awa@example.org"

    out = io.StringIO()
    call_command("personal_data", "erase", "awa@example.org", "--yes", stdout=out)
    assert "subscriptions: 1 deleted, 0 anonymised" in out.getvalue()
    assert "accounts: 0 deleted, 1 anonymised" in out.getvalue()
    assert not Subscriber.objects.filter(email="awa@example.org").exists()


def test_the_command_refuses_a_malformed_address_and_an_unconfirmed_erase(person, monkeypatch):
    with pytest.raises(CommandError, match="not an email address"):
        call_command("personal_data", "erase", "nope", "--yes")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Nothing erased"):
        call_command("personal_data", "erase", "awa@example.org", stdout=io.StringIO())
    assert Subscriber.objects.filter(email="awa@example.org").exists()


def test_the_daily_purge_forgets_addresses_never_confirmed(settings):
    settings.MAILLAGE_SUBSCRIPTIONS_UNCONFIRMED_DAYS = 10
    now = timezone.now()
    for email, days, confirmed in [("stale@example.org", 11, False), ("fresh@example.org", 9, False),
                                   ("kept@example.org", 40, True)]:
        subscriber = Subscriber.objects.create(email=email, language="fr", confirmed_at=now if confirmed else None)
        Subscriber.objects.filter(pk=subscriber.pk).update(created_at=now - timedelta(days=days))

    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    call_command("purge_personal_data", stdout=out)  # a second run finds nothing more

    assert set(Subscriber.objects.values_list("email", flat=True)) == {"fresh@example.org", "kept@example.org"}
    assert out.getvalue().count("subscriptions: 1 purged") == 1
    assert "subscriptions: 0 purged" in out.getvalue()
