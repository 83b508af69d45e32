"""Import from CSV/XLSX (per-row policy, idempotent, dry run, hostile
files) and export in the shared-thesaurus shape."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from maillage_directory.exporting import thesaurus_rows
from maillage_directory.importing import import_file
from maillage_directory.models import Actor

pytestmark = pytest.mark.django_db

HEADER = ["cle", "nom", "sigle", "type", "departement", "ville", "pays", "secteurs", "odd", "email", "annee_creation"]
ROWS = [
    ["A1", "Bioforce", "BF", "association", "69", "Vénissieux", "SN;BF", "sante", "3", "contact@bioforce.example", "1983"],
    ["A2", "Santé Sud", "", "Association", "38", "Grenoble", "ML", "Santé", "3;6", "", ""],
    ["A3", "Ville de Voiron", "", "collectivite", "38", "Voiron", "BF", "eau-assainissement", "", "", ""],
]


def csv_bytes(rows=ROWS, header=HEADER, delimiter=",", encoding="utf-8"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_valid_rows_are_created_with_their_vocabulary(vocabulary):
    report = import_file(csv_bytes(), "actors.csv")
    assert report.ok and (report.created, report.updated, report.errors) == (3, 0, [])
    bioforce = Actor.objects.get(external_key="A1")
    assert bioforce.live and bioforce.slug == "bioforce"
    assert bioforce.country_codes == ["BF", "SN"] and bioforce.department_id == "69"
    assert [s.slug for s in bioforce.sectors.all()] == ["sante"] and bioforce.year_founded == 1983
    assert [g.pk for g in Actor.objects.get(external_key="A2").sdgs.all()] == [3, 6]


def test_importing_the_same_file_again_creates_nothing(vocabulary):
    import_file(csv_bytes(), "actors.csv")
    report = import_file(csv_bytes(), "actors.csv")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    changed = [row[:] for row in ROWS]
    changed[1][5] = "Échirolles"
    report = import_file(csv_bytes(changed), "actors.csv")
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    assert Actor.objects.get(external_key="A2").city == "Échirolles"
    assert Actor.objects.count() == 3


def test_a_dry_run_writes_nothing(vocabulary):
    report = import_file(csv_bytes(), "actors.csv", dry_run=True)
    assert report.created == 3 and not Actor.objects.exists()


def test_rows_with_errors_are_skipped_whole_and_reported(vocabulary):
    rows = ROWS + [
        ["A4", "Inconnu", "", "association", "69", "Lyon", "SN;XX", "sante", "", "", ""],
        ["A5", "Mauvais secteur", "", "association", "99", "Lyon", "SN", "astrologie", "18", "pas-un-email", "3000"],
    ]
    report = import_file(csv_bytes(rows), "actors.csv")
    assert report.created == 3 and report.skipped_rows == 2
    reasons = {(e.row, e.column) for e in report.errors}
    assert (5, "pays") in reasons
    assert {(6, "departement"), (6, "secteurs"), (6, "odd"), (6, "email"), (6, "annee_creation")} <= reasons
    assert not Actor.objects.filter(external_key__in=["A4", "A5"]).exists()


@pytest.mark.parametrize(
    "data, expected",
    [
        (csv_bytes(header=["nom", "ville"], rows=[["Bioforce", "Lyon"]]), "cle"),
        (csv_bytes(header=HEADER + ["couleur"], rows=[row + ["bleu"] for row in ROWS]), "couleur"),
        (csv_bytes(rows=ROWS + [["A1", "Doublon", "", "", "", "", "", "", "", "", ""]]), "A1"),
        (b"", "vide"),
        (b"\x00\x01\x02PK garbage" * 10, ""),
    ],
    ids=["missing column", "extra column", "duplicate key", "empty", "binary"],
)
def test_file_level_problems_refuse_the_whole_file(vocabulary, data, expected):
    report = import_file(data, "actors.csv")
    assert report.refused and expected in " ".join(report.refused)
    assert not Actor.objects.exists()


def test_a_file_over_the_size_limit_is_refused(vocabulary, settings):
    big = csv_bytes() + b"\n" * (50 * 1024 * 1024)
    report = import_file(big, "actors.csv")
    assert report.refused and "50" in report.refused[0]
    assert not Actor.objects.exists()


def test_windows_encoding_and_semicolons_are_detected(vocabulary):
    data = csv_bytes(delimiter=";", encoding="cp1252")
    report = import_file(data, "actors.csv")
    assert report.ok and report.created == 3 and report.delimiter == ";"
    assert Actor.objects.get(external_key="A2").name == "Santé Sud"


def test_a_wrongly_stated_encoding_is_refused_with_a_reason(vocabulary):
    report = import_file(csv_bytes(encoding="cp1252"), "actors.csv", encoding="utf-8")
    assert report.refused and "utf-8" in report.refused[0]
    assert not Actor.objects.exists()


def test_xlsx_is_imported_and_formulas_are_refused_per_row(vocabulary):
    rows = [row[:] for row in ROWS]
    rows[2][1] = '=HYPERLINK("http://evil.example","x")'
    report = import_file(xlsx_bytes(rows), "actors.xlsx")
    assert report.created == 2
    assert [(e.row, e.column) for e in report.errors] == [(4, "nom")]


IMPORT_HEADER = HEADER + ["telephone"]
# (column, cell, refused): maillage_core.spreadsheets.is_formula's rule.
FORMULA_CELLS = [
    ("nom", "=1+1", True),
    ("nom", '=HYPERLINK("http://evil.example","clic")', True),
    ("nom", "@SUM(A1:A2)", True),
    ("nom", '+HYPERLINK("http://evil.example")', True),
    ("nom", "-2+3+cmd|' /C calc'!A0", True),
    ("nom", "\t=1+1", True),
    ("nom", "\r=1+1", True),
    ("nom", "  =1+1", True),
    ("ville", "+A1", True),
    ("ville", "-Lyon", True),
    ("telephone", "+33 4 72 00 00 00 poste 12", True),
    ("telephone", "+33 4 72 00 00 00", False),
    ("telephone", "+33 (0)4 72 00 00 00", False),
    ("telephone", "-", False),
    ("nom", "Lyon - Villeurbanne", False),
    ("ville", "-12,5", False),
]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize(("column", "cell", "refused"), FORMULA_CELLS)
def test_formula_cells_are_refused_per_row_in_csv_and_xlsx_through_the_screen(
    client, django_user_model, vocabulary, kind, column, cell, refused
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(django_user_model.objects.create_superuser("officer", "o@example.org", "x"))
    rows = [row + [""] for row in ROWS]
    row = ["A4", "Bioforce Lyon", "", "association", "69", "Lyon", "SN", "sante", "", "", "", ""]
    row[IMPORT_HEADER.index(column)] = cell
    data = csv_bytes(rows + [row], IMPORT_HEADER) if kind == "csv" else xlsx_bytes(rows + [row], IMPORT_HEADER)
    upload = SimpleUploadedFile(f"acteurs.{kind}", data)
    html = client.post(reverse("maillage_directory_import:import"), {"file": upload}).content.decode()
    if refused:
        assert f"<td>5</td><td>{column}</td><td>les formules ne sont pas acceptées" in html
        assert sorted(Actor.objects.values_list("external_key", flat=True)) == ["A1", "A2", "A3"]
    else:
        assert "<td>5</td>" not in html
        stored = Actor.objects.get(external_key="A4")
        assert getattr(stored, {"nom": "name", "ville": "city", "telephone": "phone"}[column]) == cell


def test_a_damaged_workbook_is_refused(vocabulary):
    report = import_file(b"PK\x03\x04" + b"nothing else", "actors.xlsx")
    assert report.refused and not Actor.objects.exists()


def test_the_command_reports_progress_and_errors(vocabulary, tmp_path, capsys):
    path = tmp_path / "actors.csv"
    path.write_bytes(csv_bytes(ROWS + [["A9", "", "", "", "", "", "", "", "", "", ""]]))
    call_command("import_actors", str(path), "--dry-run")
    assert not Actor.objects.exists()
    call_command("import_actors", str(path))
    out, err = capsys.readouterr()
    assert "4/4 lignes vérifiées" in out and "3/3 acteurs enregistrés" in out and "3 créés" in out
    assert "ligne 5, colonne nom : le nom est vide" in err
    assert Actor.objects.count() == 3


def test_the_command_refuses_a_bad_file_with_the_reasons(vocabulary, tmp_path):
    path = tmp_path / "actors.csv"
    path.write_bytes(csv_bytes(header=["nom"], rows=[["X"]]))
    with pytest.raises(CommandError, match="cle"):
        call_command("import_actors", str(path))


def test_export_has_the_thesaurus_shape_and_only_public_fields(vocabulary, make_actor):
    make_actor("=Formule", countries=["SN", "ML"], sectors=["sante"], sdgs=[3], department="69",
               email="cache@example.org", email_public=False, phone="04 00", phone_public=False, contact_name="Privé Personne",
               external_key="K1")
    text = "".join(thesaurus_rows(Actor.objects.live())).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["cle", "nom", "sigle", "type", "statut_juridique", "description", "adresse",
                             "code_postal", "ville", "departement", "site_web", "email", "telephone", "pays",
                             "secteurs", "odd", "annee_creation"]
    assert rows[0]["nom"] == "'=Formule"
    assert rows[0]["pays"] == "ML;SN" and rows[0]["secteurs"] == "sante" and rows[0]["odd"] == "3"
    assert "cache@example.org" not in text and "Privé Personne" not in text and "04 00" not in text


def test_an_export_imports_back_unchanged(vocabulary):
    import_file(csv_bytes(), "actors.csv")
    exported = "".join(thesaurus_rows(Actor.objects.live())).encode()
    report = import_file(exported, "export.csv")
    assert report.ok and (report.created, report.updated, report.unchanged) == (0, 0, 3), report.errors
