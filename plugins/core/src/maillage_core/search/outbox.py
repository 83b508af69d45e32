"""Index updates that could not reach the engine, kept until they can.

The row is written in the same transaction as the change it mirrors, so an
accepted save always leaves either an indexed document or a pending update.
"""

import logging

from django.apps import apps
from django.db import transaction

logger = logging.getLogger("maillage.search")

INDEX = "index"
DELETE = "delete"


def record(obj, action: str, error: str = "") -> None:
    from ..models import PendingIndexUpdate

    meta = obj._meta.concrete_model._meta
    PendingIndexUpdate.objects.update_or_create(
        app_label=meta.app_label,
        model_name=meta.model_name,
        object_pk=str(obj.pk),
        defaults={"action": action, "last_error": error[:500]},
    )


def pending_count() -> int:
    from ..models import PendingIndexUpdate

    return PendingIndexUpdate.objects.count()


def replay(backend, batch_size: int = 200, progress=None) -> tuple[int, int]:
    """Send pending updates to the engine; returns (done, still pending).

    Stops at the first engine error: the engine is still down, and trying
    every row would only wait for every timeout.
    """
    from ..models import PendingIndexUpdate
    from .errors import engine_errors

    done = 0
    rows = list(PendingIndexUpdate.objects.order_by("updated_at")[:batch_size])
    for row in rows:
        try:
            apply(backend, row)
        except engine_errors() as error:
            PendingIndexUpdate.objects.filter(pk=row.pk).update(
                attempts=row.attempts + 1, last_error=str(error)[:500]
            )
            break
        # Delete only the version we replayed: a newer failure for the same
        # object may have been recorded meanwhile.
        PendingIndexUpdate.objects.filter(pk=row.pk, updated_at=row.updated_at).delete()
        done += 1
        if progress:
            progress(done, len(rows))
    return done, PendingIndexUpdate.objects.count()


def apply(backend, row) -> None:
    try:
        model = apps.get_model(row.app_label, row.model_name)
    except LookupError:
        return  # the model was removed since: nothing left to index
    obj = model._default_manager.filter(pk=row.object_pk).first()
    with transaction.atomic():
        if obj is None or row.action == DELETE:
            stub = model(pk=row.object_pk)
            backend.delete_now(obj or stub)
        else:
            from modelsearch.index import get_indexed_instance

            indexed = get_indexed_instance(obj)
            if indexed is not None:
                backend.add_now(indexed)
