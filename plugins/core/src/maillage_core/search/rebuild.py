"""Rebuild every search index, letting plugins rebuild theirs their own way.

Wagtail's ``update_index`` builds each document field by field through
generic accessors: fine for pages, minutes for 100,000 directory records. A
plugin may offer a faster rebuild of its model through the
``maillage_search_rebuilders`` hook; every other index is rebuilt the way
``update_index`` does it.
"""

from django.utils import timezone
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import get_indexed_models

from ..hooks import search_rebuilders

CHUNK = 1000


def rebuild_all(say=print):
    started = timezone.now()
    fast = search_rebuilders()
    for model, rebuild in fast.items():
        say(f"{model._meta.label}: fast rebuild")
        rebuild(lambda done, total: say(f"  {done}/{total}"))
    for name, backend in get_search_backends_with_name():
        if backend.rebuilder_class is None:
            continue
        for index, models in indexes_of(backend, [m for m in get_indexed_models() if m not in fast]).items():
            rebuild_index(backend, index, models, say)
        say(f"{name}: done")
    forget_superseded_updates(started, say)


def forget_superseded_updates(started, say):
    """Updates kept during an outage and last touched before the rebuild
    began are in the new index already (it read the database after them):
    sending them again later would only repeat work."""
    from ..models import PendingIndexUpdate

    superseded, _ = PendingIndexUpdate.objects.filter(updated_at__lt=started).delete()
    if superseded:
        say(f"{superseded} pending index update(s) superseded by the rebuild")


def indexes_of(backend, models):
    grouped = {}
    for model in models:
        index = backend.get_index_for_model(model)
        grouped.setdefault(index.get_key(), (index, []))[1].append(model)
    return dict(grouped.values())


def rebuild_index(backend, index, models, say):
    rebuilder = backend.rebuilder_class(index)
    index = rebuilder.start()
    for model in models:
        index.add_model(model)
    for model in models:
        objects = model.get_indexed_objects().order_by("pk")
        total = objects.count()
        for start in range(0, total, CHUNK):
            index.add_items(model, list(objects[start : start + CHUNK]))
        say(f"{model._meta.label}: {total} indexed")
    rebuilder.finish()
