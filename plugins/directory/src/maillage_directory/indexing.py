"""Search documents of actors, always built from the published row (an
actor's own save indexes it: ``models.actor.index_actor``)."""

import re

from django.apps import apps
from django.utils.html import strip_tags
from modelsearch.backends import get_search_backends_with_name

from .listing_cache import data_changed


def actor_model():
    # By name: the models import the views, whose result cards use this module.
    return apps.get_model("maillage_directory", "Actor")


def remove_actor(actor):
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        backend.delete(actor)
    data_changed()


# A full reindex of the directory, built from plain rows.
#
# modelsearch's update_index builds each document field by field through
# generic accessors, about a millisecond per actor: 100,000 actors took
# minutes. Here documents come from ``values_list`` rows and two queries on
# the relation tables per batch, into a new index swapped in atomically
# under the alias, as update_index does (core's ``backend.rebuilding``).
# ``test_indexing`` holds the two document builders to the same output.

BATCH = 2000
ROW_COLUMNS = ("pk", "name", "acronym", "city", "description", "live", "updated_at", "actor_type_id",
               "department_id", "countries")


def country_list(value):
    if not value:
        return []
    if isinstance(value, str):
        return [code for code in value.split(",") if code]
    return [getattr(country, "code", str(country)) for country in value]


# A tag as the rich text editor writes them (quoted attributes may hold ">").
TAG = re.compile(r"""</?[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*/?>""")


def plain_text(html):
    """``strip_tags(html)``, about twenty times faster for the rich text of
    descriptions: a regular expression removes well-formed tags; anything
    else (a comment, a lone "<", an entity without its ";", which Django's
    parser rewrites) goes to Django's ``strip_tags``, so the result is
    always the same as the model's own ``description_text``."""
    if "&" in html:
        return strip_tags(html)
    text = TAG.sub("", html)
    return text if "<" not in text else strip_tags(html)


def documents(ids=None, *, between=None):
    """(id, document) for the actors ``ids``, or those whose ids are in the
    range ``between`` (low, high), as modelsearch would build them. A range
    spares the database layer preparing thousands of ids for ``IN``."""
    from django.utils.text import slugify
    from modelsearch.backends import get_search_backend

    from maillage_core.search.ranking import document_extras
    from maillage_core.search.visibility import DRAFT, FIELD, PUBLIC

    Actor = actor_model()

    content_types = get_search_backend().mapping_class(Actor).get_all_content_types()
    own, related = ({"pk__in": ids}, {"actor_id__in": ids}) if between is None else (
        {"pk__gte": between[0], "pk__lte": between[1]}, {"actor_id__gte": between[0], "actor_id__lte": between[1]})
    sectors, sdgs = {}, {}
    for actor_id, sector_id in Actor.sectors.through.objects.filter(**related).values_list("actor_id", "sector_id"):
        sectors.setdefault(actor_id, []).append(str(sector_id))
    for actor_id, number in Actor.sdgs.through.objects.filter(**related).values_list(
        "actor_id", "sustainabledevelopmentgoal_id"
    ):
        sdgs.setdefault(actor_id, []).append(str(number))
    rows = Actor.objects.filter(**own).order_by("pk").values_list(*ROW_COLUMNS)
    for pk, name, acronym, city, description, live, updated_at, type_id, department_id, countries in rows:
        codes = country_list(countries)
        document = {
            "pk": str(pk),
            "_django_content_type": content_types,
            "name": name,
            "name_edgengrams": name,
            "acronym": acronym,
            "acronym_edgengrams": acronym,
            "city": city,
            "description_text": plain_text(description or ""),
            "live_filter": live,
            "updated_at_filter": updated_at,
            "sort_name_filter": slugify(name),
            "facet_types_filter": [str(type_id)] if type_id else [],
            "facet_countries_filter": codes,
            "facet_sectors_filter": sectors.get(pk, []),
            "facet_sdgs_filter": sdgs.get(pk, []),
            "facet_departments_filter": [department_id] if department_id else [],
            "_edgengrams": [name, acronym],
            FIELD: PUBLIC if live else DRAFT,
        }
        # The ranking fields core's backend adds to every document.
        yield pk, {**document, **document_extras(document, codes)}


def reindex_all(progress=None):
    """Rebuild the actors' index; returns the number of documents sent."""
    from modelsearch.backends import get_search_backends_with_name

    Actor = actor_model()

    ids = list(Actor.get_indexed_objects().order_by("pk").values_list("pk", flat=True))
    sent = 0
    for _name, backend in get_search_backends_with_name():
        if not hasattr(backend, "rebuilding"):
            continue  # the database backend: update_index does it
        with backend.rebuilding(Actor) as index:
            for start in range(0, len(ids), BATCH):
                batch = ids[start : start + BATCH]
                sent += index.add(documents(between=(batch[0], batch[-1])), chunk_size=BATCH)
                if progress:
                    progress(min(start + BATCH, len(ids)), len(ids))
    data_changed()
    return sent
