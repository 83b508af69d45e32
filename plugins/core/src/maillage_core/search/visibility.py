"""Who may find a document, as one keyword field on every document.

Wagtail's own privacy filter adds one clause per restricted page, which
breaks past the engine's 1,024-clause limit. Instead each document carries a
visibility value computed when it is indexed, and a search filters on the
values a visitor may see: one ``terms`` clause whatever the number of
private pages.

Values: ``public``; ``draft`` (never found); ``authenticated`` (any signed-in
person); ``restricted`` (password or group restrictions: never found by
site search); ``members:<key>`` (a plugin's own member space, see the
``maillage_search_visibility`` hook).
"""

from django.db.models import Model
from wagtail import hooks

FIELD = "maillage_visibility"
PUBLIC = "public"
DRAFT = "draft"
AUTHENTICATED = "authenticated"
RESTRICTED = "restricted"

VISIBILITY_HOOK = "maillage_search_visibility"

# What an anonymous visitor may find.
ANONYMOUS = (PUBLIC,)


def members(key) -> str:
    return f"members:{key}"


def visibility_of(obj: Model) -> str:
    getter = getattr(obj, "get_search_visibility", None)
    if callable(getter):
        return getter()
    from wagtail.models import AbstractPage

    if isinstance(obj, AbstractPage):
        return page_visibility(obj)
    return PUBLIC


def page_visibility(page) -> str:
    if not page.live:
        return DRAFT
    restrictions = list(page.get_view_restrictions())
    if not restrictions:
        return PUBLIC
    if all(r.restriction_type == r.LOGIN for r in restrictions):
        return AUTHENTICATED
    return RESTRICTED


def visibility_for_user(user) -> list[str]:
    """The visibility values this visitor may find."""
    values = [PUBLIC]
    if user is not None and user.is_authenticated:
        values.append(AUTHENTICATED)
        for contribute in hooks.get_hooks(VISIBILITY_HOOK):
            values.extend(contribute(user))
    return values


def visible_search(queryset, query, *, user=None, db_queryset=None, operator="and", order_by=None):
    """Search ``queryset`` for what ``user`` may see.

    On an engine backend the restriction is one filter on the visibility
    field, and an outage raises EngineUnavailable for the caller to show a
    degraded result with a message. The database backend (a bare checkout with no engine) has no
    such field, so callers pass ``db_queryset``, already restricted with
    ordinary ORM filters.
    """
    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    if order_by:
        queryset = queryset.order_by(*order_by)
    if getattr(backend, "supports_visibility", False):
        return backend.search(
            query,
            queryset,
            operator=operator,
            order_by_relevance=not order_by,
            visibility=visibility_for_user(user),
            fallback=False,  # callers show their own degraded mode
        )
    fallback = db_queryset if db_queryset is not None else queryset
    if order_by:
        fallback = fallback.order_by(*order_by)
    # Core's database backend would narrow a search naming no audience to
    # anonymous visitors; db_queryset is already what this visitor may see.
    audience = {"visibility": None} if getattr(backend, "anonymous_by_default", False) else {}
    return backend.search(query, fallback, operator=operator, order_by_relevance=not order_by, **audience)
