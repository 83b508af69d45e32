"""The one rule for formula cells: refused on import, neutralised on export."""

import pytest

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
