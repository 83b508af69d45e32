"""The daily import of calls from sources served over HTTP inside the test
run: created, then unchanged; officers' edits kept; mapping errors,
hostile files and a failing source reported, never stopping the others."""

import datetime
import http.server
import io
import json
import threading

import pytest
from django.core.management import call_command
from django.utils import timezone

from maillage_funding.importing import run_all
from maillage_funding.models import FundingCall, ImportSource

pytestmark = pytest.mark.django_db


class Served:
    """A local HTTP server answering each path with the bytes set for it (404 otherwise)."""

    def __init__(self):
        self.files = {}
        files = self.files

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = files.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return f"http://127.0.0.1:{self.server.server_port}{path}"


@pytest.fixture(scope="module")
def served():
    server = Served()
    yield server
    server.server.shutdown()
    server.server.server_close()


def day(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def aids(*extra):
    return json.dumps({"results": [
        {"id": 1, "name": "Eau potable au Sahel", "financers": ["Agence française de développement"],
         "description": "<p>Des forages.</p>", "submission_deadline": day(30), "origin_url": "https://example.org/1",
         "subvention_rate_upper_bound": 80},
        {"id": 2, "name": "Microprojets", "financers": ["Inconnu"], "description": "Petits projets.",
         "is_permanent": True, "origin_url": "https://example.org/2"},
        *extra,
    ]}).encode()


CSV = ("id;titre;financeur;resume;cloture;lien\n"
       f"c1;Jeunesse et solidarité;Région Auvergne-Rhône-Alpes;Des jeunes.;{day(20)};https://example.org/c1\n"
       "c2;Sans date;Région Auvergne-Rhône-Alpes;Rejetée.;;https://example.org/c2\n"
       "c3;=HYPERLINK(\"http://x\");Région Auvergne-Rhône-Alpes;Formule.;2030-01-01;https://example.org/c3\n")


@pytest.fixture
def sources(served, funders):
    served.files["/aides.json"] = aids()
    served.files["/appels.csv"] = CSV.encode()
    return {
        "json": ImportSource.objects.create(name="Aides", url=served.url("/aides.json"), format="json",
                                            default_funder=funders["fondation"], publish=True),
        "csv": ImportSource.objects.create(name="Tableur", url=served.url("/appels.csv"), format="csv"),
    }


def test_a_second_run_changes_nothing(sources, capsys):
    call_command("import_funding_calls")
    out = capsys.readouterr().out
    assert "Aides : créés : 2, mis à jour : 0, inchangés : 0, rejetés : 0" in out
    assert "Tableur : créés : 1, mis à jour : 0, inchangés : 0, rejetés : 2" in out
    assert "ligne 2 rejetée : pas de date de clôture (« cloture ») et pas permanent" in out
    assert "ligne 3 rejetée : la cellule « titre » contient une formule" in out
    sahel = FundingCall.objects.get(source_key="1")
    assert sahel.live and sahel.funder_list == "Agence française de développement" and sahel.cofunding_rate == 80
    assert FundingCall.objects.get(source_key="2").funder_list == "Fondation de France"  # the default funder
    youth = FundingCall.objects.get(source_key="c1")
    assert not youth.live and youth.latest_revision is not None  # this source's calls land as drafts
    before = list(FundingCall.objects.order_by("pk").values())
    call_command("import_funding_calls")
    assert "Aides : créés : 0, mis à jour : 0, inchangés : 2, rejetés : 0" in capsys.readouterr().out
    assert list(FundingCall.objects.order_by("pk").values()) == before


def test_a_field_the_officer_edited_is_never_overwritten(sources, served):
    run_all()
    call = FundingCall.objects.get(source_key="1")
    call.title = "Eau potable au Sahel (corrigé par le réseau)"
    call.save()
    served.files["/aides.json"] = aids().replace(b"Des forages.", b"Des forages et des latrines.")
    reports = dict(run_all())
    assert reports[sources["json"]].updated == 1
    call.refresh_from_db()
    assert call.title == "Eau potable au Sahel (corrigé par le réseau)"
    assert call.summary == "Des forages et des latrines."


def test_a_call_without_key_is_found_by_funder_title_and_closing_date(sources, served, make_call):
    existing = make_call("Eau potable au Sahel", closes_in=30)
    served.files["/aides.json"] = aids().replace(b'"id": 1, ', b"")
    run_all()
    assert FundingCall.objects.filter(title="Eau potable au Sahel").count() == 1
    existing.refresh_from_db()
    assert existing.imported_values["title"] == "Eau potable au Sahel"


@pytest.mark.parametrize("body, error", [
    (None, "La source n’a pas pu être lue"),  # 404
    (b"\x00\xff{not json", "La source n’est pas un JSON valide."),
    (b'{"results": 3}', "Le JSON ne contient pas de liste d’appels"),
    (b"[" * 100_000 + b"]" * 100_000, "La source n’est pas un JSON valide."),
])
def test_a_failing_source_is_reported_and_the_others_go_on(sources, served, body, error):
    if body is None:
        del served.files["/aides.json"]
    else:
        served.files["/aides.json"] = body
    reports = dict(run_all())
    assert error in reports[sources["json"]].error
    assert reports[sources["csv"]].created == 1
    sources["json"].refresh_from_db()
    assert error in sources["json"].report_summary()


@pytest.mark.parametrize("mapping, content, reason", [
    ({"title": "intitule"}, CSV, "La colonne « intitule » (le titre, dans la correspondance) est absente."),
    ({}, "\ufeffid;titre;cloture\nx;Un appel;31/02/2030\n", "« 31/02/2030 » dans « cloture » n’est pas une date"),
    ({}, "id;titre;cloture;lien\nx;Un appel;2030-01-01;javascript:alert(1)\n", "n’est pas une adresse web"),
])
def test_mapping_errors_and_bad_rows_say_why(served, mapping, content, reason):
    served.files["/mal.csv"] = content.encode()
    source = ImportSource.objects.create(name="Mal", url=served.url("/mal.csv"), format="csv", mapping=mapping)
    report = dict(run_all())[source]
    assert reason in (report.error or " ".join(r for _n, r in report.rejected))
    assert not FundingCall.objects.exists()


def test_a_file_not_in_utf8_is_refused_with_a_message(served):
    served.files["/latin.csv"] = "id;titre;cloture\n1;Économie;2030-01-01\n".encode("latin-1")
    source = ImportSource.objects.create(name="Latin", url=served.url("/latin.csv"), format="csv")
    assert dict(run_all())[source].error == "Le fichier CSV n’est pas en UTF-8."


def test_an_officer_adds_a_source_by_upload_in_the_admin_and_sees_its_report(client, admin_user, funders):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(admin_user)
    upload = SimpleUploadedFile("appels.csv", CSV.encode(), content_type="text/csv")
    response = client.post("/admin/maillage_funding_sources/new/", {
        "name": "Tableur déposé", "url": "", "upload": upload, "format": "csv", "mapping": "{}",
        "default_funder": "", "licence": "", "active": "on",
    })
    assert response.status_code == 302, response.content.decode()[-2000:]
    run_all()
    listing = client.get("/admin/maillage_funding_sources/").content.decode()
    assert "créés : 1, mis à jour : 0, inchangés : 0, rejetés : 2" in listing


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:af="https://example.org/appels"><channel><title>Appels</title>
<item><guid>r1</guid><title>Appel RSS au Togo</title><description>&lt;p&gt;Des écoles.&lt;/p&gt;</description>
<link>https://example.org/r1</link><af:closing_date>{day(15)}</af:closing_date><af:funder>Fondation de France</af:funder></item>
<item><guid>r2</guid><title>Sans date</title><link>https://example.org/r2</link></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Appels</title>
<entry><id>urn:a1</id><title>Appel Atom</title><summary>Un appel.</summary><link href="https://example.org/a1"/>
<closing_date>{day(40)}</closing_date></entry></feed>"""


@pytest.mark.parametrize("content, titles, rejected", [
    (RSS, ["Appel RSS au Togo"], ["pas de date de clôture (« closing_date ») et pas permanent"]),
    (ATOM, ["Appel Atom"], []),
])
def test_rss_and_atom_feeds_are_imported_once(served, funders, content, titles, rejected):
    served.files["/flux.xml"] = content.encode()
    source = ImportSource.objects.create(name="Flux", url=served.url("/flux.xml"), format="feed", publish=True)
    report = dict(run_all())[source]
    assert [reason for _number, reason in report.rejected] == rejected
    assert [call.title for call in FundingCall.objects.all()] == titles
    assert dict(run_all())[source].unchanged == len(titles)


@pytest.mark.parametrize("content, error", [
    ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel>'
     "<item><title>&b;</title></item></channel></rss>", "déclare un type de document ou des entités"),
    ("<rss><channel><item><title>Coupé", "n’est pas un flux RSS ou Atom valide"),
    ("<html><body>Pas un flux</body></html>", "n’est pas un flux RSS ou Atom valide"),
])
def test_hostile_feeds_are_refused_with_a_message(served, content, error):
    served.files["/mauvais.xml"] = content.encode()
    source = ImportSource.objects.create(name="Mauvais", url=served.url("/mauvais.xml"), format="feed")
    assert error in dict(run_all())[source].error
    assert not FundingCall.objects.exists()


def workbook(*rows):
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


XLSX_ROWS = (
    ("id", "titre", "financeur", "resume", "cloture", "lien", "taux", "permanent"),
    ("x1", "Santé au Bénin", "Région Auvergne-Rhône-Alpes", "Des dispensaires.",
     timezone.localdate() + datetime.timedelta(days=25), "https://example.org/x1", 70, None),
    (None, None, None, None, None, None, None, None),  # a blank row between two calls is passed over
    (2, "Microprojets au Mali", "Fondation de France", "Petits projets.", None, "https://example.org/x2", None, True),
    ("x3", "=HYPERLINK(\"http://x\")", "Fondation de France", "Formule.", "2030-01-01", "https://example.org/x3", None, None),
)


@pytest.mark.parametrize("by", ["url", "upload"])
def test_an_xlsx_workbook_is_imported_with_the_csv_mapping_then_changes_nothing(served, funders, by):
    from django.core.files.base import ContentFile

    data = workbook(*XLSX_ROWS)
    source = ImportSource(name="Classeur", format="xlsx", publish=True)
    if by == "url":
        served.files["/appels.xlsx"] = data
        source.url = served.url("/appels.xlsx")
    else:
        source.upload.save("appels.xlsx", ContentFile(data), save=False)
    source.save()
    report = dict(run_all())[source]
    assert (report.created, report.error) == (2, "")
    assert report.rejected == [[3, "la cellule « titre » contient une formule"]]
    benin = FundingCall.objects.get(source_key="x1")
    assert (benin.title, benin.cofunding_rate, benin.funder_list) == ("Santé au Bénin", 70, "Région Auvergne-Rhône-Alpes")
    assert benin.closes_on == timezone.localdate() + datetime.timedelta(days=25)
    assert FundingCall.objects.get(source_key="2").permanent
    before = list(FundingCall.objects.order_by("pk").values())
    second = dict(run_all())[source]
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    assert list(FundingCall.objects.order_by("pk").values()) == before


@pytest.mark.parametrize("content, error", [
    (b"id;titre\n1;Pas un classeur\n", "Le fichier n’est pas un classeur XLSX valide."),
    (b"PK\x03\x04" + b"\x00" * 64, "Le fichier n’est pas un classeur XLSX valide."),
    (workbook(), "La première feuille du classeur est vide."),
    (workbook(("nom", "date"), ("Un appel", "2030-01-01")), "La colonne « titre » (le titre, dans la correspondance) est absente."),
    (workbook(("titre", "cloture"), *[(f"Appel {n}", "2030-01-01") for n in range(6)]), "Le classeur compte plus de 5 lignes."),
])
def test_hostile_workbooks_are_refused_with_a_message_and_change_nothing(served, monkeypatch, content, error):
    monkeypatch.setattr("maillage_funding.importing.MAX_ROWS", 5)  # a huge sheet, without writing 10,000 rows
    served.files["/mauvais.xlsx"] = content
    source = ImportSource.objects.create(name="Mauvais classeur", url=served.url("/mauvais.xlsx"), format="xlsx")
    report = dict(run_all())[source]
    assert error in report.error
    assert (report.created, report.rejected) == (0, [])
    assert not FundingCall.objects.exists()


def test_a_zip_bomb_workbook_is_refused_before_it_is_unpacked(served, monkeypatch):
    data = workbook(("titre", "cloture"), *[("Appel " + "x" * 200, "2030-01-01")] * 50)
    monkeypatch.setattr("maillage_funding.importing.MAX_UNPACKED", 2 * len(data))  # 50 long rows compress well
    served.files["/bombe.xlsx"] = data
    source = ImportSource.objects.create(name="Bombe", url=served.url("/bombe.xlsx"), format="xlsx")
    report = dict(run_all())[source]
    assert "Une fois décompressé, le classeur dépasse ce que l’import accepte." in report.error
    assert not FundingCall.objects.exists()


def test_the_demo_sample_sources_import_once_then_change_nothing(root_page, vocabulary):
    from maillage_funding import demo

    demo.load({}, lambda message: None)
    first = {source.name: report for source, report in run_all()}
    assert [(r.created, r.updated, r.unchanged, len(r.rejected), r.error) for r in first.values()] == [
        (3, 0, 0, 0, ""), (2, 0, 0, 1, "")]
    second = {source.name: report for source, report in run_all()}
    assert [(r.created, r.updated, r.unchanged, len(r.rejected)) for r in second.values()] == [
        (0, 0, 3, 0), (0, 0, 2, 1)]
    assert FundingCall.objects.filter(source__isnull=False, live=False).count() == 5  # drafts to check


SIX = "id;titre;cloture\n" + "".join(f"s{n};Appel numéro {n};2030-01-0{n}\n" for n in range(1, 7))


@pytest.mark.parametrize("position, second_run", [
    ("kept", {"created": 6, "unchanged": 0, "rows read": 3}),  # rows 1-3 are not read again
    ("lost", {"created": 3, "unchanged": 3, "rows read": 6}),  # stopped before saving it: matching finds rows 1-3
])
def test_a_run_stopped_midway_resumes_where_it_stopped_without_duplicating(served, monkeypatch, position, second_run):
    from maillage_funding import importing
    from maillage_funding.models import RunState

    served.files["/six.csv"] = SIX.encode()
    source = ImportSource.objects.create(name="Six", url=served.url("/six.csv"), format="csv", publish=True)
    real, read = importing.import_row, []

    def crashing_after_three(*args):
        if len(read) == 3:
            raise RuntimeError("the worker stops")
        read.append(args[1])
        return real(*args)

    monkeypatch.setattr(importing, "import_row", crashing_after_three)
    with pytest.raises(RuntimeError):
        importing.run(source)
    source.refresh_from_db()
    assert (source.run_state, source.rows_done, source.rows_total, FundingCall.objects.count()) == ("running", 3, 6, 3)
    if position == "lost":
        ImportSource.objects.filter(pk=source.pk).update(rows_done=0, run_report={})
        source.refresh_from_db()
    read.clear()
    monkeypatch.setattr(importing, "import_row", lambda *args: read.append(args[1]) or real(*args))
    report = importing.run(source)
    assert {"created": report.created, "unchanged": report.unchanged, "rows read": len(read)} == second_run
    assert sorted(FundingCall.objects.values_list("source_key", flat=True)) == [f"s{n}" for n in range(1, 7)]
    source.refresh_from_db()
    assert (source.run_state, source.rows_done, source.last_report["created"]) == (RunState.IDLE, 0, second_run["created"])


def test_import_now_queues_a_task_whose_progress_the_list_of_sources_shows(client, admin_user, served, settings):
    from django_tasks import task_backends

    from maillage_funding import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # keeps what is queued
    settings.MAILLAGE_FUNDING_TASK_BACKEND = "default"  # whichever alias a host site chose
    served.files["/six.csv"] = SIX.encode()
    source = ImportSource.objects.create(name="Six", url=served.url("/six.csv"), format="csv")
    client.force_login(admin_user)
    listing = client.get("/admin/maillage_funding_sources/").content.decode()
    assert f"/admin/maillage_funding_sources/{source.pk}/importer/" in listing
    assert "Importer maintenant" in client.get(f"/admin/maillage_funding_sources/{source.pk}/importer/").content.decode()
    response = client.post(f"/admin/maillage_funding_sources/{source.pk}/importer/", follow=True)
    assert "L’import de « Six » est en file d’attente" in response.content.decode()
    assert "en attente du worker" in response.content.decode()
    queued = [r.args for r in task_backends["default"].results if r.task.name == "import_source"]  # Wagtail queues its own
    assert queued == [[source.pk]]
    assert not FundingCall.objects.exists()
    ImportSource.objects.filter(pk=source.pk).update(run_state="running", rows_done=2, rows_total=6,
                                                     run_updated_at=timezone.now())
    assert "2 sur 6 lignes" in client.get("/admin/maillage_funding_sources/").content.decode()
    ImportSource.objects.filter(pk=source.pk).update(run_updated_at=timezone.now() - datetime.timedelta(hours=1))
    assert "arrêté après 2 sur 6 lignes : la prochaine exécution reprend là" in client.get(
        "/admin/maillage_funding_sources/").content.decode()
    tasks.import_source.call(source.pk)  # the worker resumes the stopped run
    listing = client.get("/admin/maillage_funding_sources/").content.decode()
    assert "créés : 4, mis à jour : 0, inchangés : 0, rejetés : 0" in listing
    assert FundingCall.objects.count() == 4  # rows 1-2 were done by the stopped run (here: only marked so)


def test_a_run_started_while_another_is_under_way_does_nothing_until_that_one_stalls(served):
    from maillage_funding import importing
    from maillage_funding.models import RunState

    served.files["/six.csv"] = SIX.encode()
    source = ImportSource.objects.create(name="Six", url=served.url("/six.csv"), format="csv", publish=True)
    busy = {"run_state": RunState.RUNNING, "rows_done": 2, "rows_total": 6, "run_updated_at": timezone.now()}
    ImportSource.objects.filter(pk=source.pk).update(**busy)  # the daily import, two rows in
    report = importing.run(source)  # the officer's "import now" at the same moment
    assert report.error == "Un autre import de cette source est en cours ; celui-ci n’a rien fait."
    assert not FundingCall.objects.exists()
    source.refresh_from_db()
    assert (source.run_state, source.rows_done, source.last_report) == (RunState.RUNNING, 2, {})
    ImportSource.objects.filter(pk=source.pk).update(run_updated_at=timezone.now() - datetime.timedelta(minutes=11))
    assert importing.run(source).created == 4  # stalled: taken over where it stopped
    assert ImportSource.objects.get(pk=source.pk).run_state == RunState.IDLE
