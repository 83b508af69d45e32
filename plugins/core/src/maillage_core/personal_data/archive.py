"""A person's export: a zip with one JSON and one CSV file per kind, and a
short note saying what each file is."""

import csv
import io
import json
import zipfile

from django.utils import timezone
from django.utils.translation import gettext as _


def flat(value):
    """A CSV cell: nested values as JSON, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def csv_text(records):
    columns = list(dict.fromkeys(name for record in records for name in record))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for record in records:
        writer.writerow([flat(record.get(name)) for name in columns])
    return out.getvalue()


def build_zip(email, exported, kinds):
    """The zip's bytes: ``exported`` is {kind key: records}."""
    labels = {kind.key: str(kind.label) for kind in kinds}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        lines = [_("Personal data held about %(email)s, exported on %(date)s.") % {
            "email": email, "date": timezone.now().strftime("%Y-%m-%d %H:%M UTC")}, ""]
        for key, records in exported.items():
            lines.append(f"{key}.json / {key}.csv: {labels.get(key, key)} ({len(records)})")
            archive.writestr(f"{key}.json", json.dumps(records, ensure_ascii=False, indent=2, default=str))
            archive.writestr(f"{key}.csv", csv_text(records))
        archive.writestr("LISEZMOI.txt", "\n".join(lines) + "\n")
    return buffer.getvalue()


def file_name():
    return f"donnees-personnelles-{timezone.now():%Y%m%d}.zip"
