"""An actor's public page (``<slug>/`` below the directory page).

A fixed number of small queries whatever the directory's size: the actor's
public columns, the ids of its sectors and of its SDGs, its projects and the
actors in the same sectors. What those ids point to (actor types,
departments, sectors, SDGs) is read once per process and content version
(``vocabulary``): joining or prefetching it cost more than the rest of the
page's queries together.
"""

import json

from django.db import connection
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from maillage_core.content_memo import remembered

from ..models.actor import Actor, ActorProject

RELATED_ACTORS = 4
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
# What the page, its address and its structured data read of an actor: the
# other columns (revisions, locks, the private contact person) stay unread.
PUBLIC_COLUMNS = (
    "name", "acronym", "slug", "actor_type", "legal_status", "logo", "logo_alt", "description", "year_founded",
    "members", "volunteers", "staff", "address", "address_public", "postcode", "city", "department", "website",
    "email", "email_public", "phone", "phone_public", "facebook_url", "linkedin_url", "instagram_url",
    "countries", "last_confirmed_at",
)


def load_vocabulary():
    from maillage_core.models import ActorType, Department, Sector, SustainableDevelopmentGoal

    # in_bulk keeps each model's own order (sectors by their sort order).
    return {
        "actor_type": ActorType.objects.in_bulk(),
        "department": Department.objects.in_bulk(),
        "sectors": Sector.objects.in_bulk(),
        "sdgs": SustainableDevelopmentGoal.objects.in_bulk(),
    }


def vocabulary(*needed):
    """{kind: {id: instance}}, kept under the content version. The instances
    are shared: read, never changed (their labels follow the language when
    read). ``needed``, (kind, ids) pairs, are ids a page points to: one added
    on another worker a moment ago reads the vocabulary again."""
    found = remembered(("actor_page_vocabulary",), load_vocabulary)
    if any(not set(ids) <= found[kind].keys() for kind, ids in needed):
        found = load_vocabulary()
    return found


def in_order(entries, ids):
    """The entries of these ids, in the vocabulary's order."""
    wanted = set(ids)
    return [entry for pk, entry in entries.items() if pk in wanted]


def ids_of(relation, actor, column):
    return list(relation.through.objects.filter(actor_id=actor.pk).values_list(column, flat=True))


def actor_detail(request, page, slug):
    actor = Actor.objects.live().filter(slug=slug).only(*PUBLIC_COLUMNS).order_by().first()
    if actor is None:
        raise Http404
    sector_ids = ids_of(Actor.sectors, actor, "sector_id")
    sdg_ids = ids_of(Actor.sdgs, actor, "sustainabledevelopmentgoal_id")
    projects = list(ActorProject.objects.filter(actor_id=actor.pk))
    words = vocabulary(
        ("actor_type", [actor.actor_type_id] if actor.actor_type_id else []),
        ("department", [actor.department_id] if actor.department_id else []),
        ("sectors", sector_ids + [project.sector_id for project in projects if project.sector_id]),
        ("sdgs", sdg_ids),
    )
    attach(actor, "actor_type", words["actor_type"])
    attach(actor, "department", words["department"])
    for project in projects:
        attach(project, "sector", words["sectors"])
    directory_url = page.get_url(request=request)
    context = {
        "actor": actor,
        "sectors": in_order(words["sectors"], sector_ids),
        "sdgs": in_order(words["sdgs"], sdg_ids),
        "projects": projects,
        "related": related_actors(actor, sector_ids, words["actor_type"]),
        "directory_url": directory_url,
        "structured_data": structured_data(actor, request, page),
    }
    return page.render(request, template="maillage_directory/actor_detail.html", context_overrides=context)


def attach(instance, name, entries):
    """Give ``instance`` its ``name`` foreign key's entry without a query."""
    field = type(instance)._meta.get_field(name)
    key = getattr(instance, field.attname)
    if key is not None:
        field.set_cached_value(instance, entries[key])


def related_actors(actor, sector_ids, actor_types):
    """Other published actors sharing one of its sectors, newest first, as
    {"slug", "name", "actor_type"}.

    Candidates come from the relation table's index alone (a sector may
    gather tens of thousands of actors), in a subquery of the one query
    that keeps the published ones.
    """
    if not sector_ids:
        return []
    candidates = (
        Actor.sectors.through.objects.filter(sector_id__in=sector_ids)
        .exclude(actor_id=actor.pk)
        .order_by("-actor_id")
        .values("actor_id")[: RELATED_ACTORS * 10]
    )
    if not connection.features.allow_sliced_subqueries_with_in:
        candidates = [row["actor_id"] for row in candidates]
    rows = (
        Actor.objects.live().filter(pk__in=candidates).order_by("-pk")
        .values("slug", "name", "actor_type_id")[:RELATED_ACTORS]
    )
    return [
        {"slug": row["slug"], "name": row["name"], "actor_type": actor_types.get(row["actor_type_id"])}
        for row in rows
    ]


def structured_data(actor, request, page):
    """schema.org ``Organization`` with the public fields only, as safe JSON-LD."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": actor.name,
        "url": request.build_absolute_uri(actor.url_on(page, request)),
    }
    optional = {
        "alternateName": actor.acronym,
        "description": Truncator(strip_tags(actor.description)).chars(500),
        "email": actor.public_email,
        "telephone": actor.public_phone,
        "foundingDate": str(actor.year_founded or ""),
        "sameAs": [url for url in [actor.website] + [url for _label, url in actor.social_links] if url],
        "areaServed": [{"@type": "Country", "name": str(country.name)} for country in actor.countries],
    }
    data.update({key: value for key, value in optional.items() if value})
    if actor.city or actor.postcode or actor.public_address:
        address = {"@type": "PostalAddress", "addressCountry": "FR"}
        fields = {
            "streetAddress": actor.public_address,
            "postalCode": actor.postcode,
            "addressLocality": actor.city,
            "addressRegion": actor.department.name if actor.department else "",
        }
        address.update({key: value for key, value in fields.items() if value})
        data["address"] = address
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))
