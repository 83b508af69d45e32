"""Export in the shape of the networks' shared thesaurus, as CSV.

Public fields only: a private email or phone, and the contact person, are
never written. Cells that a spreadsheet would run as a formula are
prefixed with an apostrophe.
"""

import csv

from maillage_core.spreadsheets import neutralise

from .forms import description_as_text
from .importing.columns import EXPORT_COLUMNS


class Echo:
    def write(self, value):
        return value


def inert(value):
    return neutralise("" if value is None else str(value))


def thesaurus_row(actor):
    return {
        "cle": actor.external_key or f"maillage-{actor.pk}",
        "nom": actor.name,
        "sigle": actor.acronym,
        "type": actor.actor_type.slug if actor.actor_type else "",
        "statut_juridique": actor.legal_status,
        "description": description_as_text(actor.description),
        "adresse": actor.public_address,
        "code_postal": actor.postcode,
        "ville": actor.city,
        "departement": actor.department_id or "",
        "site_web": actor.website,
        "email": actor.public_email,
        "telephone": actor.public_phone,
        "pays": ";".join(actor.country_codes),
        "secteurs": ";".join(sector.slug for sector in actor.sectors.all()),
        "odd": ";".join(str(sdg.pk) for sdg in actor.sdgs.all()),
        "annee_creation": actor.year_founded or "",
    }


def thesaurus_rows(actors):
    """CSV lines (header first) for streaming; ``actors`` is a queryset."""
    writer = csv.DictWriter(Echo(), fieldnames=EXPORT_COLUMNS)
    yield "\ufeff" + writer.writeheader()  # the BOM lets spreadsheets read UTF-8
    queryset = actors.select_related("actor_type").prefetch_related("sectors", "sdgs").order_by("pk")
    for actor in queryset.iterator(chunk_size=1000):
        yield writer.writerow({key: inert(value) for key, value in thesaurus_row(actor).items()})
