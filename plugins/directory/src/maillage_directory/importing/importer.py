"""Import a file of actors: check everything, then write valid rows at once.

See the package docstring for the policy. Writes use bulk operations so
that 2,000 rows import in a few seconds; search documents of the written
actors are sent in batches once the transaction has committed.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from maillage_core.page_cache import content_changed

from ..models import Actor
from ..models.actor import RESERVED_SLUGS
from .columns import IMPORT_COLUMNS, REQUIRED, normalise_header
from .reader import ImportRefused, read_table
from .rows import Lookups, parse_row

FIELDS_OF_COLUMN = {
    "cle": "external_key", "nom": "name", "sigle": "acronym", "type": "actor_type_id",
    "statut_juridique": "legal_status", "description": "description", "adresse": "address",
    "code_postal": "postcode", "ville": "city", "departement": "department_id", "site_web": "website",
    "email": "email", "telephone": "phone", "pays": "countries", "secteurs": "sector_ids", "odd": "sdg_ids",
    "annee_creation": "year_founded", "contact_nom": "contact_name", "contact_email": "contact_email",
}
RELATIONS = {"sector_ids": ("sectors", "sector_id"), "sdg_ids": ("sdgs", "sustainabledevelopmentgoal_id")}
BATCH = 500


@dataclass
class RowError:
    row: int
    column: str
    reason: str


@dataclass
class ImportReport:
    dry_run: bool = False
    refused: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    encoding: str = ""
    delimiter: str = ""

    @property
    def skipped_rows(self):
        return len({error.row for error in self.errors})

    @property
    def ok(self):
        return not self.refused


def import_file(data, filename="", *, encoding=None, delimiter=None, dry_run=False, progress=None):
    report = ImportReport(dry_run=dry_run)
    try:
        table = read_table(data, filename, encoding=encoding, delimiter=delimiter)
        columns = check_headers(table.headers)
        report.encoding, report.delimiter, report.rows = table.encoding, table.delimiter, len(table.rows)
        parsed = parse_rows(table, columns, report, progress)
        check_duplicates(parsed)
    except ImportRefused as refusal:
        report.refused = refusal.messages
        return report
    present = {FIELDS_OF_COLUMN[c] for c in columns if c}
    plan = Plan(parsed, present)
    report.created, report.updated, report.unchanged = len(plan.new), len(plan.changed), plan.unchanged
    if not dry_run:
        written = plan.write(progress)
        transaction.on_commit(lambda: reindex(written, progress))
    return report


def check_headers(headers):
    columns = [normalise_header(h) for h in headers]
    unknown = [h for h, c in zip(headers, columns, strict=True) if c and c not in IMPORT_COLUMNS]
    missing = [c for c in REQUIRED if c not in columns]
    repeated = sorted({c for c in columns if c and columns.count(c) > 1})
    messages = []
    if missing:
        messages.append(_("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        messages.append(
            _("Unknown columns: %(columns)s. Expected columns: %(expected)s.")
            % {"columns": ", ".join(str(u)[:40] for u in unknown[:10]), "expected": ", ".join(IMPORT_COLUMNS)}
        )
    if repeated:
        messages.append(_("Columns appear twice: %(columns)s.") % {"columns": ", ".join(repeated)})
    if messages:
        raise ImportRefused(*messages)
    return columns


def parse_rows(table, columns, report, progress):
    lookups = Lookups()
    parsed = []
    total = len(table.rows)
    for done, (number, cells) in enumerate(table.rows, start=1):
        if len(cells) > len(columns) and any(str(c).strip() for c in cells[len(columns):]):
            report.errors.append(RowError(number, "", _("more cells than columns")))
            continue
        by_column = {column: cells[i] if i < len(cells) else "" for i, column in enumerate(columns) if column}
        values, errors = parse_row(by_column, lookups)
        errors += [
            (columns[i], _("formulas are not accepted: type the value itself, without a leading =, +, - or @"))
            for (row, i) in table.formulas
            if row == number and i < len(columns)
        ] if table.formulas else []
        if errors:
            report.errors.extend(RowError(number, column, reason) for column, reason in errors)
        else:
            parsed.append((number, values))
        if progress and (done % 500 == 0 or done == total):
            progress(done, total, _("rows checked"))
    return parsed


def check_duplicates(parsed):
    seen, duplicates = {}, []
    for number, values in parsed:
        key = values["external_key"]
        if key in seen:
            duplicates.append(_("key “%(key)s” on rows %(first)s and %(second)s") % {
                "key": key[:40], "first": seen[key], "second": number})
        seen.setdefault(key, number)
    if duplicates:
        raise ImportRefused(
            _("The same key appears on several rows, so which one to keep is unclear: %(list)s.")
            % {"list": "; ".join(duplicates[:10])}
        )


class Plan:
    """What the import will do: actors to create, to change, left as they are."""

    def __init__(self, parsed, present):
        self.present = present - {"external_key"}
        self.existing = self.load_existing([values["external_key"] for _number, values in parsed])
        self.new, self.changed, self.unchanged = [], [], 0
        for _number, values in parsed:
            actor = self.existing.get(values["external_key"])
            if actor is None:
                self.new.append(values)
            elif self.differs(actor, values):
                self.changed.append((actor, values))
            else:
                self.unchanged += 1

    @staticmethod
    def load_existing(keys):
        found = {}
        for start in range(0, len(keys), BATCH):
            chunk = Actor.objects.filter(external_key__in=keys[start : start + BATCH]).prefetch_related("sectors", "sdgs")
            found.update({actor.external_key: actor for actor in chunk})
        return found

    def current(self, actor, name):
        if name == "countries":
            return sorted(actor.country_codes)
        if name in RELATIONS:
            return sorted(obj.pk for obj in getattr(actor, RELATIONS[name][0]).all())
        return getattr(actor, name)

    def differs(self, actor, values):
        for name in self.present:
            wanted = sorted(values[name]) if name in RELATIONS or name == "countries" else values[name]
            if self.current(actor, name) != wanted:
                return True
        return False

    @transaction.atomic
    def write(self, progress=None):
        now = timezone.now()
        scalar = [name for name in self.present if name not in RELATIONS]
        slugs = SlugAllocator()
        created = []
        for values in self.new:
            fields = {name: values[name] for name in scalar if name in values}
            actor = Actor(external_key=values["external_key"], live=True, has_unpublished_changes=False, **fields)
            actor.slug = slugs.allocate(actor.name)
            created.append(actor)
        Actor.objects.bulk_create(created, batch_size=BATCH)
        changed = []
        for actor, values in self.changed:
            for name in scalar:
                setattr(actor, name, values[name])
            actor.updated_at = now
            changed.append(actor)
        if changed and scalar:
            Actor.objects.bulk_update(changed, scalar + ["updated_at"], batch_size=BATCH)
        pairs = [(actor, values) for actor, values in zip(created, self.new, strict=True)]
        pairs += [(actor, values) for actor, values in self.changed]
        for name in RELATIONS:
            if name in self.present:
                self.write_relation(name, pairs)
        content_changed()  # bulk writes send no signal the page cache hears
        if progress:
            progress(len(pairs), len(pairs), _("actors written"))
        return [actor.pk for actor, _values in pairs]

    @staticmethod
    def write_relation(name, pairs):
        relation, column = RELATIONS[name]
        through = getattr(Actor, relation).through
        ids = [actor.pk for actor, _values in pairs]
        for start in range(0, len(ids), BATCH):
            through.objects.filter(actor_id__in=ids[start : start + BATCH]).delete()
        rows = [through(actor_id=actor.pk, **{column: target}) for actor, values in pairs for target in values[name]]
        through.objects.bulk_create(rows, batch_size=2000)


class SlugAllocator:
    """Unique slugs for many new actors with one query."""

    def __init__(self):
        self.taken = set(Actor.objects.values_list("slug", flat=True)) | RESERVED_SLUGS

    def allocate(self, name):
        base = slugify(name)[:100] or "acteur"
        slug, number = base, 1
        while slug in self.taken:
            number += 1
            slug = f"{base}-{number}"
        self.taken.add(slug)
        return slug


def reindex(ids, progress=None):
    from modelsearch.backends import get_search_backends_with_name

    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        for start in range(0, len(ids), BATCH):
            batch = list(Actor.get_indexed_objects().filter(pk__in=ids[start : start + BATCH]))
            backend.add_bulk(Actor, batch)
    from ..signal_handlers import forget_statistics

    forget_statistics()
    content_changed()  # kept pages drawn before the engine had them
