"""Spreadsheet cells that a spreadsheet program would run as formulas
(CSV injection, also called formula injection).

Two rules, one for each direction:

- **Exports** (``neutralise``, ``NeutralisedExportMixin``): as OWASP
  advises, any text starting with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return is written with a leading apostrophe, in CSV and XLSX
  alike, so the program shows it as text. Phone numbers ("+33 4 72…") get
  the apostrophe too: a spreadsheet would otherwise compute them.
- **Imports** (``is_formula``): a cell is refused only when a spreadsheet
  would read it as a formula *that can do harm*, because refusing a row
  loses data the officer meant to import. After leading blanks (spaces,
  tabs, carriage returns and line feeds, which spreadsheets and our import
  both strip), a cell starting with ``=`` or ``@`` is a formula. One
  starting with ``+`` or ``-`` is one too, unless all that follows is
  digits, blanks and the punctuation of numbers and phone numbers
  (``. , ( ) / + -``): "+33 4 72 00 00 00", "+33 (0)4 72…", "-12,5" or a
  lone "-" meaning "none" are data, and at worst arithmetic on constants;
  a letter, ``!``, ``|``, ``"`` or ``:`` is what a function call, a cell
  reference or a DDE command needs ("-2+3+cmd|' /C calc'!A0",
  "+HYPERLINK(…)"), so any of them makes the cell a formula.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

PLAIN_NUMBER = re.compile(r"[+-][\d\s().,/+-]*")


def neutralise(value):
    """``value`` as an export writes it: text a spreadsheet would run gets a
    leading apostrophe; anything else is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def is_formula(value) -> bool:
    """Whether an imported cell is a formula (see the module's rule)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    if not text or text[0] not in "=+-@":
        return False
    return not (text[0] in "+-" and PLAIN_NUMBER.fullmatch(text))


class NeutralisedExportMixin:
    """For views built on Wagtail's ``SpreadsheetExportMixin`` (the generic
    ``IndexView`` of model and snippet viewsets, the form submissions
    listing): every cell of their CSV and XLSX exports is neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))


def neutralise_every_admin_export():
    """Every CSV and XLSX export of the Wagtail admin writes text through
    ``neutralise``, Wagtail's own reports included (workflows, aging and
    locked pages, site history): they list the titles of offers, testimonies
    and proposals the public typed, and their views are fixed in Wagtail's
    admin URLs, with no hook to give them a mixin. So the shared base of
    those exports is wrapped once, at start-up."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "maillage_neutralised", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(original(self, field, value, export_format))

    preprocess_field_value.maillage_neutralised = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value



class WorkbookRefused(Exception):
    """A workbook an import cannot read; the message says why, to the officer."""


def workbook_rows(data, *, max_unpacked, max_rows=None):
    """The rows of a workbook's first sheet, header included, as lists of
    cell values (None for an empty cell); a formula cell gives its formula
    as text ("=…"), which ``is_formula`` refuses, whatever it computes.

    Read without ever raising anything but ``WorkbookRefused``: not a
    workbook, one unpacking to more than ``max_unpacked`` bytes (a zip
    bomb), a damaged file, or more than ``max_rows`` rows besides the
    header (reading stops there).
    """
    import io
    import zipfile

    from django.utils.translation import gettext as _
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise WorkbookRefused(_("The file is not a valid XLSX workbook. Save it again as XLSX or CSV.")) from error
    if unpacked > max_unpacked:
        raise WorkbookRefused(_("The workbook unpacks to more data than this import accepts. Split it into several files."))
    rows = []
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            for row in workbook.worksheets[0].iter_rows():
                if max_rows is not None and len(rows) > max_rows:
                    raise WorkbookRefused(_("The workbook has more than %(count)s rows.") % {"count": max_rows})
                rows.append([formula_text(cell.value) if getattr(cell, "data_type", "") == "f" else cell.value
                             for cell in row])
        finally:
            workbook.close()
    except WorkbookRefused:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise WorkbookRefused(
            _("The workbook cannot be read (%(error)s). Save it again as XLSX or CSV.") % {"error": type(error).__name__}
        ) from error
    return rows


def formula_text(value):
    """A formula cell's formula, as text starting with "=" (array formulas are objects)."""
    text = value if isinstance(value, str) else str(getattr(value, "text", "") or "")
    return "=" + text.removeprefix("=")
