"""Turn an uploaded file into a header and rows, or refuse it with reasons."""

import csv
import io
from dataclasses import dataclass, field

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from maillage_core.spreadsheets import WorkbookRefused, is_formula, workbook_rows

from .. import conf

DELIMITERS = ",;\t|"
XLSX_MAGIC = b"PK\x03\x04"
MAX_UNCOMPRESSED_RATIO = 20  # a larger XLSX is a zip bomb, not a directory


class ImportRefused(Exception):
    """The whole file is refused; ``messages`` say why."""

    def __init__(self, *messages):
        super().__init__(" ".join(messages))
        self.messages = list(messages)


@dataclass
class Table:
    headers: list
    rows: list  # (row number as the person sees it, [cell values])
    encoding: str = ""
    delimiter: str = ""
    formulas: set = field(default_factory=set)  # (row number, column index) holding a formula

    def find_formulas(self):
        """Text cells a spreadsheet would run, by maillage_core's one rule for CSV and XLSX alike."""
        for number, cells in self.rows:
            self.formulas.update((number, index) for index, cell in enumerate(cells) if is_formula(cell))


def read_table(data: bytes, filename="", encoding=None, delimiter=None) -> Table:
    limit = conf.get("IMPORT_MAX_BYTES")
    if len(data) > limit:
        raise ImportRefused(
            _("The file weighs %(size)s; the limit is %(limit)s. Split it into several files.")
            % {"size": filesizeformat(len(data)), "limit": filesizeformat(limit)}
        )
    if not data.strip():
        raise ImportRefused(_("The file is empty."))
    if data.startswith(XLSX_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm")):
        return read_xlsx(data, limit)
    return read_csv(data, encoding, delimiter)


def read_csv(data, encoding=None, delimiter=None) -> Table:
    text, encoding = decode(data, encoding)
    if "\x00" in text:
        raise ImportRefused(_("The file holds binary data: it is not a CSV file. Export it as CSV or XLSX."))
    delimiter = delimiter or sniff_delimiter(text)
    if delimiter not in DELIMITERS:
        raise ImportRefused(_("“%(value)s” is not a separator this import knows: use , ; tab or |.") % {"value": delimiter})
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ImportRefused(_("The CSV file cannot be read: %(error)s.") % {"error": error}) from error
    lines = [line for line in lines if any(cell.strip() for cell in line)]
    if not lines:
        raise ImportRefused(_("The file is empty."))
    rows = [(number, line) for number, line in enumerate(lines[1:], start=2)]
    table = Table(headers=lines[0], rows=rows, encoding=encoding, delimiter=delimiter)
    table.find_formulas()
    return table


def decode(data, encoding=None):
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError as error:
            raise ImportRefused(_("“%(encoding)s” is not a known encoding.") % {"encoding": encoding}) from error
        except UnicodeDecodeError as error:
            raise ImportRefused(
                _("The file is not in %(encoding)s: byte %(position)s cannot be read. State another encoding.")
                % {"encoding": encoding, "position": error.start}
            ) from error
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:500_000]).best()
    if best is None:
        raise ImportRefused(_("The file's encoding could not be recognised. Save it as UTF-8, or state its encoding."))
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError) as error:
        raise ImportRefused(
            _("The file looks like %(encoding)s but cannot be read as such. Save it as UTF-8, or state its encoding.")
            % {"encoding": best.encoding}
        ) from error


def sniff_delimiter(text):
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = sample.splitlines()[0] if sample else ""
        return max(DELIMITERS, key=header.count)


def read_xlsx(data, limit) -> Table:
    try:
        lines = workbook_rows(data, max_unpacked=limit * MAX_UNCOMPRESSED_RATIO)
    except WorkbookRefused as error:
        raise ImportRefused(str(error)) from error
    table = Table(headers=[], rows=[], encoding="xlsx")
    for number, line in enumerate(lines, start=1):
        values = ["" if value is None else f"{value:g}" if isinstance(value, float) else str(value) for value in line]
        if number == 1:
            table.headers = values
        elif any(v.strip() for v in values):
            table.rows.append((number, values))
    table.find_formulas()  # formula cells come as their text ("=…"), as in a CSV file
    if not table.headers:
        raise ImportRefused(_("The file is empty."))
    return table
