"""Import of the network's existing records from CSV or XLSX.

Policy (all or nothing *per row*):

- Problems with the file itself refuse the whole file and change nothing:
  too large, not readable as CSV or XLSX, undetectable encoding, missing
  required columns, unknown columns, the same key on two rows.
- Otherwise each row is checked on its own. A row with any error (unknown
  country, sector or type code, a formula by maillage_core.spreadsheets'
  rule, a malformed email…) is skipped
  whole and reported with its row number, column and reason; every valid
  row lands. Nothing is ever half-written: valid rows are written in one
  transaction at the end, so an interruption leaves the database as it was.
- The ``cle`` column is the stable key: importing the same file again
  updates the actors with those keys and creates nothing twice.
- A dry run does every check and reports what would be created, updated or
  left unchanged, without writing.
- Imported values are published directly (the officer imports data they
  vouch for); the actor's admin history keeps an "import" entry.
"""

from .importer import ImportReport, import_file
from .reader import ImportRefused

__all__ = ["ImportRefused", "ImportReport", "import_file"]
