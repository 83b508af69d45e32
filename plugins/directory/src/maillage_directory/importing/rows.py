"""Check one row of an import and turn it into actor values.

Each problem is reported as (column, reason); a row with any problem is
skipped whole (see the package's policy).
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from maillage_core.models import ActorType, Department, Sector, SustainableDevelopmentGoal

from ..forms import text_as_rich_text
from ..models import LegalStatus
from .columns import LIST_SEPARATORS

LENGTHS = {"cle": 100, "nom": 200, "sigle": 40, "adresse": 255, "ville": 100, "telephone": 30, "contact_nom": 150}
SPLIT = re.compile("[" + re.escape(LIST_SEPARATORS) + "]")


def fold(text):
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(text.lower().replace("-", " ").replace("’", " ").replace("'", " ").split())


class Lookups:
    """The vocabulary, loaded once per import, matched on codes and folded names."""

    def __init__(self):
        self.types = self.index(ActorType.objects.all(), lambda t: (t.slug, t.name, t.name_en))
        self.sectors = self.index(Sector.objects.all(), lambda s: (s.slug, s.name, s.name_en))
        self.sdgs = {str(g.number): g.number for g in SustainableDevelopmentGoal.objects.all()}
        self.departments = self.index(Department.objects.all(), lambda d: (d.code, d.name), key=lambda d: d.code)
        self.statuses = {fold(v): v for v, _label in LegalStatus.choices}
        self.statuses.update({fold(label): v for v, label in LegalStatus.choices})

    @staticmethod
    def index(objects, names, key=lambda obj: obj.pk):
        found = {}
        for obj in objects:
            for name in names(obj):
                if name:
                    found[fold(name)] = key(obj)
        return found

    def country(self, value):
        code = value.strip().upper()
        if len(code) == 2 and code in dict(countries):
            return code
        return countries.alpha2(code) or countries.by_name(value.strip(), insensitive=True) or None


def parse_row(cells, lookups):
    """(values, errors) for a dict of column -> text."""
    values, errors = {}, []

    def text(column, field=None):
        value = " ".join(str(cells.get(column, "") or "").split())
        if column in LENGTHS and len(value) > LENGTHS[column]:
            errors.append((column, _("longer than %(n)s characters") % {"n": LENGTHS[column]}))
        values[field or column] = value[: LENGTHS.get(column, 10_000)]
        return value

    key, name = text("cle", "external_key"), text("nom", "name")
    if not key:
        errors.append(("cle", _("the key is empty")))
    if not name:
        errors.append(("nom", _("the name is empty")))
    text("sigle", "acronym")
    text("adresse", "address")
    text("ville", "city")
    text("telephone", "phone")
    text("contact_nom", "contact_name")
    values["description"] = text_as_rich_text(str(cells.get("description", "") or "").strip()[:5000])

    postcode = text("code_postal", "postcode")
    if postcode and not re.fullmatch(r"\d{5}", postcode):
        errors.append(("code_postal", _("“%(value)s” is not a five-digit postcode") % {"value": postcode}))

    for column, field in (("email", "email"), ("contact_email", "contact_email")):
        value = text(column, field)
        if value:
            try:
                validate_email(value)
            except ValidationError:
                errors.append((column, _("“%(value)s” is not an email address") % {"value": value}))

    website = text("site_web", "website")
    if website:
        if "://" not in website:
            website = values["website"] = "https://" + website
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            errors.append(("site_web", _("“%(value)s” is not a web address") % {"value": website}))

    values["actor_type_id"] = one(cells, "type", lookups.types, errors, _("unknown actor type “%(value)s”"))
    values["department_id"] = one(
        cells, "departement", lookups.departments, errors, _("unknown department “%(value)s”"), pad=True
    )
    values["legal_status"] = one(cells, "statut_juridique", lookups.statuses, errors, _("unknown legal status “%(value)s”")) or ""

    values["countries"] = many(cells, "pays", lookups.country, errors, _("unknown country code “%(value)s”"))
    values["sector_ids"] = many(
        cells, "secteurs", lambda v: lookups.sectors.get(fold(v)), errors, _("unknown sector “%(value)s”")
    )
    values["sdg_ids"] = many(
        cells, "odd", lambda v: lookups.sdgs.get(v.strip().removeprefix("ODD").strip()), errors,
        _("unknown SDG “%(value)s” (1 to 17)"),
    )

    year = str(cells.get("annee_creation", "") or "").strip()
    values["year_founded"] = None
    if year:
        if year.isdigit() and 1800 <= int(year) <= timezone.localdate().year:
            values["year_founded"] = int(year)
        else:
            errors.append(("annee_creation", _("“%(value)s” is not a year") % {"value": year}))
    return values, errors


def one(cells, column, table, errors, message, pad=False):
    raw = str(cells.get(column, "") or "").strip()
    if not raw:
        return None
    key = fold(raw)
    if pad and key.isdigit() and len(key) == 1:
        key = "0" + key
    found = table.get(key)
    if found is None:
        errors.append((column, message % {"value": raw[:60]}))
    return found


def many(cells, column, resolve, errors, message):
    found = []
    for part in SPLIT.split(str(cells.get(column, "") or "")):
        part = part.strip()
        if not part:
            continue
        value = resolve(part)
        if value is None:
            errors.append((column, message % {"value": part[:60]}))
        elif value not in found:
            found.append(value)
    return found
