"""The one rule for formula cells: refused on import, neutralised on export."""

import pytest
from wagtail.models import Page

from maillage_core.spreadsheets import is_formula, neutralise

CELLS = [
    # (cell, a formula on import)
    ("=1+1", True),
    ('=HYPERLINK("http://evil.example","clic")', True),
    ("@SUM(A1:A2)", True),
    ('+HYPERLINK("http://evil.example")', True),
    ("-2+3+cmd|' /C calc'!A0", True),
    ("+A1", True),
    ("-Lyon", True),
    ("\t=1+1", True),
    ("\r=1+1", True),
    ("\n @x", True),
    ("+33 4 72 00 00 00 poste 12", True),
    ("+33 4 72 00 00 00", False),
    ("+33 (0)4 72 00 00 00", False),
    ("+33\u00a04\u00a072\u00a000\u00a000\u00a000", False),
    ("-12,5", False),
    ("-3.5", False),
    ("-", False),
    ("Lyon - Villeurbanne", False),
    ("contact@example.org", False),
    ("", False),
    (None, False),
    (-3, False),
]


@pytest.mark.parametrize(("cell", "formula"), CELLS)
def test_import_refuses_only_cells_a_spreadsheet_would_run(cell, formula):
    assert is_formula(cell) is formula


@pytest.mark.parametrize(
    ("value", "written"),
    [("=1+1", "'=1+1"), ("+33 4 72 00 00 00", "'+33 4 72 00 00 00"), ("-3", "'-3"), ("@x", "'@x"),
     ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("Lyon", "Lyon"), ("", ""), (None, None), (-3, -3)],
)
def test_export_prefixes_every_text_a_spreadsheet_would_run(value, written):
    assert neutralise(value) == written


@pytest.mark.django_db
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_wagtails_own_reports_export_typed_titles_as_text(admin_client, admin_user, export_format):
    """A title typed by the public (an offer, a testimony) reaches Wagtail's
    reports; their exports write it as text, not as a formula."""
    import csv
    import io

    from django.urls import reverse
    from openpyxl import load_workbook

    from maillage_core.testing.tree import ensure_site_tree

    title = '=HYPERLINK("http://evil.example","clic")'
    page = ensure_site_tree().add_child(instance=Page(title=title, slug="piege"))
    page.save_revision(user=admin_user).publish(user=admin_user)
    response = admin_client.get(reverse("wagtailadmin_reports:site_history"), {"export": export_format})
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "xlsx":
        cells = [str(c.value) for row in load_workbook(io.BytesIO(data)).worksheets[0].iter_rows() for c in row]
    else:
        cells = [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]
    typed = [cell for cell in cells if "evil.example" in cell]
    assert typed and all(cell.startswith("'") for cell in typed), cells
