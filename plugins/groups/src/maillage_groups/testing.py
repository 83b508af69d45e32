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
