"""Builders for tests of this plugin and of sites that install it."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from .bulk import bulk_children
from .models import GroupPage, GroupSpace, MeetingDocument, MeetingPage, Membership, MinutesPage

__all__ = ["bulk_children"]


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
            group_id=group.pk, meeting_id=meeting.pk, held_on=meeting.start, meeting_members_only=meeting.members_only,
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
