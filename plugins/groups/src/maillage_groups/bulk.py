"""Published pages inserted by the thousand (demo content, tests, benchmarks)."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page


def bulk_children(pairs, batch=500):
    """Insert published pages below their parents without one save per page.

    ``pairs`` is a list of (parent, unsaved specific page) of one page
    class. Paths, url paths and child counts are computed here; the base
    rows go in with ``bulk_create`` and the page class's own rows with
    Django's multi-row insert (``bulk_create`` refuses multi-table
    models). For tests and benchmarks that need thousands of pages.
    """
    if not pairs:
        return []
    model = type(pairs[0][1])
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    counts = {}
    bases = []
    for parent, page in pairs:
        position = counts.setdefault(parent.pk, parent.numchild) + 1
        counts[parent.pk] = position
        page.path = Page._get_path(parent.path, parent.depth + 1, position)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or now
        bases.append(Page(**{field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields
                             if field.attname != "id"}))
    with transaction.atomic():
        for start in range(0, len(bases), batch):
            Page.objects.bulk_create(bases[start : start + batch])
        for (_parent, page), base in zip(pairs, bases, strict=True):
            page.pk = page.page_ptr_id = base.pk
        fields = [field for field in model._meta.local_concrete_fields]
        for start in range(0, len(pairs), batch):
            model._base_manager._insert([page for _parent, page in pairs[start : start + batch]], fields=fields)
        for parent_id, numchild in counts.items():
            Page.objects.filter(pk=parent_id).update(numchild=numchild)
    for parent, _page in pairs:
        parent.numchild = counts[parent.pk]
    return [page for _parent, page in pairs]
