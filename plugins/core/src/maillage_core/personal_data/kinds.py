"""The contract of the ``maillage_personal_data`` hook.

A registered function returns an iterable of ``Kind`` (what a plugin
holds about people, one sort of record each) and of ``NotPersonal`` (a
stored email field that is no one's personal address, with the reason).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.db import models, transaction
from wagtail import hooks

from ..hooks import PERSONAL_DATA

logger = logging.getLogger("maillage.personal_data")


@dataclass
class Erased:
    """What erasing one kind did: rows deleted, rows whose personal fields
    were blanked (the row kept for the network's statistics or history),
    and ``kept``: sentences saying what was left alone and why."""

    deleted: int = 0
    anonymised: int = 0
    kept: list[str] = field(default_factory=list)

    @property
    def total(self):
        return self.deleted + self.anonymised


@dataclass(frozen=True)
class Kind:
    #: Unique and stable: names the kind's files in an export ("training-registrations").
    key: str
    label: str
    #: Stored email fields the kind answers for, as "app_label.Model.field".
    fields: tuple[str, ...]
    #: (email) -> list of flat dicts (values JSON-ready), one per record.
    export: Callable[[str], list[dict]] = field(compare=False)
    #: (email) -> Erased; runs inside a transaction.
    erase: Callable[[str], Erased] = field(compare=False)
    #: (now) -> how many records were purged now; idempotent. None: kept until asked.
    purge: Callable[[datetime], int] | None = field(default=None, compare=False)
    #: What the purge removes and when, in words, for the command's report.
    retention: str = ""
    #: Erasing runs in this order: a kind that finds records through another's
    #: (memberships through accounts) comes before it.
    order: int = 100


@dataclass(frozen=True)
class NotPersonal:
    field: str
    reason: str


def normalise(email):
    return (email or "").strip().lower()


def registered():
    found = [item for fn in hooks.get_hooks(PERSONAL_DATA) for item in fn()]
    return found


def all_kinds() -> list[Kind]:
    kinds = [item for item in registered() if isinstance(item, Kind)]
    return sorted(kinds, key=lambda kind: (kind.order, kind.key))


def export(email) -> dict[str, list[dict]]:
    """{kind key: records} of every kind, empty lists included (the person
    sees what was looked at)."""
    email = normalise(email)
    return {kind.key: kind.export(email) for kind in all_kinds()}


def erase(email) -> list[tuple[Kind, Erased]]:
    """Erase what every kind holds for ``email``, all or nothing."""
    email = normalise(email)
    with transaction.atomic():
        report = [(kind, kind.erase(email)) for kind in all_kinds()]
    logger.info("Personal data erased on request: %s", {kind.key: erased.total for kind, erased in report})
    return report


def purge(now) -> list[tuple[Kind, int]]:
    return [(kind, kind.purge(now)) for kind in all_kinds() if kind.purge is not None]


# Coverage -------------------------------------------------------------------


def stored_email_fields():
    """Every concrete field of an installed model that keeps an email
    address: an EmailField, or a text field whose name says email."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for model_field in model._meta.local_concrete_fields:
            named = "email" in model_field.name.lower() and isinstance(model_field, (models.CharField, models.TextField))
            if isinstance(model_field, models.EmailField) or named:
                found.append(f"{model._meta.label}.{model_field.name}")
    return sorted(found)


def uncovered_fields():
    """Stored email fields that no kind answers for and none declares not personal."""
    items = registered()
    covered = {name for item in items if isinstance(item, Kind) for name in item.fields}
    covered |= {item.field for item in items if isinstance(item, NotPersonal)}
    return [name for name in stored_email_fields() if name not in covered]


# Helpers for plugins' kinds ---------------------------------------------------


def blank_matching(instance, email, fields, also=()):
    """Blank the fields of ``instance`` that hold ``email`` (and, when one
    does, the ``also`` fields: the name beside the address), saved through
    the model so the search index follows. True when any was blank."""
    matched = [name for name in fields if normalise(getattr(instance, name, "")) == email]
    if not matched:
        return False
    blanks = {name: "" for name in [*matched, *also]}
    for name, value in blanks.items():
        setattr(instance, name, value)
    instance.save(update_fields=list(blanks))
    return True


def scrub_revisions(model, email, fields, also=()):
    """The same in the saved revisions (drafts, proposals waiting for
    moderation, history) of every ``model`` object: their copies would
    otherwise keep the address. Returns how many revisions changed."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Revision

    changed = 0
    found = Revision.objects.filter(base_content_type=ContentType.objects.get_for_model(model),
                                    content__icontains=email)
    for revision in found.iterator():
        matched = [name for name in fields if normalise(revision.content.get(name, "")) == email]
        if matched:
            revision.content.update({name: "" for name in [*matched, *also]})
            revision.save(update_fields=["content"])
            changed += 1
    return changed
