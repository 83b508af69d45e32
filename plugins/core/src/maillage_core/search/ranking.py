"""What every search document carries, besides its own fields, so that
relevance is the same for every kind of content:

- ``maillage_countries``: the French and English names of the countries a
  record names (a country field holds codes only), so that "Bénin" or
  "madagascar" finds the actors, offers and groups working there;
- ``maillage_title``: its titles and names (the autocomplete fields) whole,
  folded, to rank an exact name first;
- ``maillage_completeness``: how many of its indexed fields are filled in
  (texts, facets, dates), which breaks ties between equal scores (a full
  record before a sketchy one) instead of the alphabet.

``document_extras`` builds them from the document itself, so that a plugin
building documents from rows (the directory's fast rebuild) adds exactly
what the backend adds to the documents it builds itself.
"""

from functools import cache

from django.utils import translation

COUNTRIES = "maillage_countries"
TITLE = "maillage_title"
COMPLETENESS = "maillage_completeness"

# Both languages whatever the visitor's: a French visitor types "Bénin",
# an English one "Benin", and place names are often typed in English.
COUNTRY_NAME_LANGUAGES = ("fr", "en")

MAPPING = {
    COUNTRIES: {"type": "text", "copy_to": "_all_text"},
    # A keyword term has a size limit: a title longer than any real one is left out.
    TITLE: {"type": "keyword", "normalizer": "maillage_folded", "ignore_above": 512},
    COMPLETENESS: {"type": "integer"},
}


@cache
def country_names(code: str) -> tuple[str, ...]:
    from django_countries import countries

    names = []
    for language in COUNTRY_NAME_LANGUAGES:
        with translation.override(language):
            name = str(countries.name(code))
        if name and name not in names:
            names.append(name)
    return tuple(names)


def country_codes(value) -> list[str]:
    """Codes from a country field's value: a Country, a list of them, or
    the comma-separated codes a row holds."""
    if not value:
        return []
    if isinstance(value, str):
        return [code for code in value.split(",") if code]
    if hasattr(value, "code"):  # one Country; several come as a list-like descriptor
        value = [value]
    return [code for code in (getattr(country, "code", country) for country in value) if code]


# Bookkeeping, not facts about the record.
NOT_FACTS = {"pk", "_django_content_type", "_edgengrams", "maillage_visibility", "live_filter", COUNTRIES, TITLE,
             COMPLETENESS}


def document_extras(document: dict, countries=()) -> dict:
    """The ranking fields of ``document`` (as modelsearch builds it), whose
    record names the countries ``countries`` (codes)."""
    names = [name for code in dict.fromkeys(countries) for name in country_names(code)]
    facts = [value for key, value in document.items() if key not in NOT_FACTS]
    return {
        COUNTRIES: " · ".join(names),
        TITLE: [str(title) for title in document.get("_edgengrams", []) if title],
        COMPLETENESS: sum(1 for value in facts if value not in (None, "", [], {})),
    }


def object_countries(obj) -> list[str]:
    """The codes of every country field of ``obj``."""
    from django_countries.fields import CountryField

    codes = []
    for field in obj._meta.concrete_fields:
        if isinstance(field, CountryField):
            codes += country_codes(getattr(obj, field.attname, None))
    return codes
