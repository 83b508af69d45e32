"""Search documents that depend on more than their own row.

A group's document carries its sectors: modelsearch's post_save signal
fires before a page's many-to-many relations are written, so group pages
are indexed by their own ``save()`` once everything is in the database.
Minutes carry their meeting's date and privacy: a meeting's save brings
its minutes up to date and indexes them again.
"""

from django.db.models import Q
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import get_indexed_instance


def index_page(page):
    """Index ``page`` as stored in the database (a live row is the published version)."""
    fresh = type(page).objects.filter(pk=page.pk).first()
    if fresh is None:
        return
    indexed = get_indexed_instance(fresh)
    if indexed is None:
        return
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        backend.add(indexed)


def remove_page(page):
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        backend.delete(page)


def refresh_minutes_of(meeting, minutes_model):
    minutes = minutes_model.objects.child_of(meeting)
    stale = Q(held_on__isnull=True) | ~Q(held_on=meeting.start) | ~Q(meeting_members_only=meeting.members_only)
    minutes.filter(stale).update(held_on=meeting.start, meeting_members_only=meeting.members_only)
    found = list(minutes)
    if not found:
        return
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        backend.add_bulk(minutes_model, found)
