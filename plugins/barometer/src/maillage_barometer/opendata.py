"""An edition's aggregates as open data (CSV, JSON, XLSX): the same rows in
each format, with the small-cell rule applied; never an individual answer."""

import csv
import io
import json

from openpyxl import Workbook

from maillage_core.spreadsheets import neutralise

from .figures import SMALL_CELL, public_value
from .questions import CHOICE_KINDS

COLUMNS = ["section", "question_key", "question", "answer_key", "answer", "value"]
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def rows(figures):
    """[dict] of every public figure of an edition."""
    found = [
        {"section": "edition", "question_key": name, "question": "", "answer_key": "", "answer": "",
         "value": figures[name]}
        for name in ("actors", "invited", "respondents")
    ]
    found.extend({"section": "edition", "question_key": "respondents_by_type", "question": "", "answer_key": row["key"],
                  "answer": row["label"], "value": public_value(row["count"])}
                 for row in figures.get("respondents_by_type", ()))
    for figure in figures["questions"]:
        base = {"section": "survey", "question_key": figure["key"], "question": figure["label"]}
        found.append({**base, "answer_key": "answered", "answer": "", "value": public_value(figure["answered"])})
        if figure["kind"] == "number":
            total = figure["total"] if figure["answered"] >= SMALL_CELL else public_value(figure["answered"])
            found.append({**base, "answer_key": "total", "answer": figure.get("unit", ""), "value": total})
        elif figure["kind"] in CHOICE_KINDS:
            found.extend({**base, "answer_key": row["key"], "answer": row["label"], "value": public_value(row["count"])}
                         for row in figure["rows"])
    for name, breakdown in figures["directory"].items():
        found.extend({"section": "directory", "question_key": name, "question": "", "answer_key": row["key"],
                      "answer": row["label"], "value": row["count"]} for row in breakdown)
    return found


def as_csv(figures):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows(figures):
        writer.writerow({name: neutralise(value) if isinstance(value, str) else value for name, value in row.items()})
    return out.getvalue().encode("utf-8-sig")  # the BOM: spreadsheet programs read UTF-8 then


def as_json(figures):
    document = {
        "year": figures["year"],
        "small_cell_rule": f"values from fewer than {SMALL_CELL} respondents are shown as \"< {SMALL_CELL}\"",
        "columns": COLUMNS,
        "rows": rows(figures),
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def as_xlsx(figures):
    book = Workbook(write_only=True)
    sheet = book.create_sheet(str(figures["year"]))
    sheet.append(COLUMNS)
    for row in rows(figures):
        sheet.append([neutralise(value) if isinstance(value, str) else value for value in row.values()])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


WRITERS = {"csv": as_csv, "json": as_json, "xlsx": as_xlsx}
