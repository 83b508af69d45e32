"""Builders for tests of this plugin and of sites that install it."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from .models import GroupPage, GroupSpace, MeetingDocument, MeetingPage, Membership, MinutesPage


def make_group(index, title, *, publish=True, sectors=(), **fields):
    fields.setdefault("summary", f"Le groupe {title}.")
    group = index.add_child(instance=GroupPage(title=title, live=publish, **fields))
    if sectors:
        from maillage_core.models import Sector

        group.sectors.set(Sector.objects.filter(slug__in=sectors))
    if publish:
        group.save_revision().publish()
    return group


def make_meeting(group, title, *, days=10, members_only=False, publish=True, **fields):
    start = fields.pop("start", None) or timezone.now() + timedelta(days=days)
    meeting = group.add_child(
        instance=MeetingPage(title=title, start=start, members_only=members_only, live=publish, **fields)
    )
    if publish:
        meeting.save_revision().publish()
    return meeting


def make_minutes(meeting, title=None, *, members_only=False, publish=True, body="<p>Compte rendu.</p>"):
    minutes = meeting.add_child(
        instance=MinutesPage(
            title=title or f"Compte rendu — {meeting.title}", members_only=members_only, body=body, live=publish
        )
    )
    if publish:
        minutes.save_revision().publish()
    return minutes


def make_person(email, *, first_name="", last_name="", password="motdepasse-solide-42", **fields):
    user = get_user_model()(username=email, email=email, first_name=first_name, last_name=last_name, **fields)
    user.set_password(password)
    user.save()
    return user


def join(user, group, status=Membership.Status.MEMBER, coordinator=False):
    membership, _ = Membership.objects.update_or_create(
        user=user, group=group, defaults={"status": status, "is_coordinator": coordinator}
    )
    return membership


def make_document(group, title, *, members_only, content=b"contenu"):
    space = GroupSpace.objects.get(group=group)
    Document = get_document_model()
    document = Document(title=title, collection=space.members_collection if members_only else space.collection)
    document.file.save(f"{title[:40].replace(' ', '-').lower()}.txt", ContentFile(content), save=False)
    document.save()
    return document


def attach(page, document):
    """Attach a document the way the editor does: in a new revision, published."""
    from .models import MinutesDocument

    model = MinutesDocument if isinstance(page, MinutesPage) else MeetingDocument
    page.documents.add(model(document=document))
    page.save_revision().publish()
    return page


def bulk_children(pairs, batch=500):
    """Insert published pages below their parents without one save per page.

    ``pairs`` is a list of (parent, unsaved specific page) of one page
    class. Paths, url paths and child counts are computed here; the base
    rows go in with ``bulk_create`` and the page class's own rows with
    Django's multi-row insert (``bulk_create`` refuses multi-table
    models). For tests and benchmarks that need thousands of pages.
    """
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Page

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


def bulk_minutes(group, count, *, word, members_only=True, days_ago=30):
    """``count`` held meetings of ``group``, each with minutes mentioning ``word``."""
    from django.utils.text import slugify

    group.refresh_from_db()
    start = timezone.now() - timedelta(days=days_ago)
    meetings = bulk_children([
        (group, MeetingPage(title=f"Réunion {number}", slug=f"reunion-{number}", start=start - timedelta(hours=number),
                            group_id=group.pk, members_only=False))
        for number in range(count)
    ])
    return bulk_children([
        (meeting, MinutesPage(
            title=f"Compte rendu {word} {number}", slug=slugify(f"compte-rendu-{number}"),
            body=f"<p>Compte rendu {word} numéro {number}.</p>", members_only=members_only,
            group_id=group.pk, meeting_id=meeting.pk, held_on=meeting.start,
        ))
        for number, meeting in enumerate(meetings)
    ])


def bulk_index(pages):
    """Index pages of one class in one bulk request per backend."""
    from modelsearch.backends import get_search_backends_with_name

    if not pages:
        return
    model = type(pages[0])
    for _name, backend in get_search_backends_with_name():
        backend.get_index_for_model(model).add_items(model, pages)
