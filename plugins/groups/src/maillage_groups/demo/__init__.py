"""Demo content: eight working groups of a regional network, in French.

Four country groups and four thematic ones (one archived), each with two
years of meetings (three a year, minutes online for those held, the next
one ahead), a mix of public and members-only items, a few members,
coordinators and pending requests; the texts are in ``groups.json``
(package data, read only when the demo is loaded). Pages are created
published without revisions (editing one in the admin starts its history),
meetings and minutes inserted in bulk, which keeps the first run short; a
second run finds the groups by slug and creates nothing. ``maillage_demo``
builds the search index afterwards.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model

from maillage_core.demo import default_root, ensure_index_page, find_index_page, published, read
from maillage_core.models import Sector

from .. import conf
from ..bulk import bulk_children
from ..models import (
    GroupIndexPage,
    GroupPage,
    GroupSpace,
    GroupStatus,
    MeetingDocument,
    MeetingPage,
    Membership,
    MinutesPage,
)

DATA = read(__name__, "groups.json")
INDEX_SLUG = DATA["index"]["slug"]
GROUPS = DATA["groups"]
DEV_PASSWORD = "maillage"


def load(options, progress):
    if default_root() is None:
        progress("groups: no default site, skipped")
        return 0
    index = find_index_page(GroupIndexPage, INDEX_SLUG)
    existing = set()
    if index is not None:
        existing = set(GroupPage.objects.child_of(index).values_list("slug", flat=True))
        if all(spec["slug"] in existing for spec in GROUPS):
            progress("groups: demo groups already loaded")
            return 0
    with transaction.atomic():
        created = create_groups(existing, progress)
        create_people()
    progress(f"groups: {created} working groups created")
    return created


def create_groups(existing, progress):
    index, _created = ensure_index_page(GroupIndexPage, with_revision=False, **DATA["index"])
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    created = 0
    for number, spec in enumerate(GROUPS):
        if spec["slug"] in existing:
            continue
        group = index.add_child(
            instance=published(
                GroupPage(
                    title=spec["title"], slug=spec["slug"], kind=spec["kind"], countries=spec["countries"],
                    summary=spec["summary"], status=spec["status"], membership_policy=spec["policy"],
                    description=DATA["group_description"],
                    coordination=DATA["coordination"],
                )
            )
        )
        group.sectors.set([sectors[s] for s in spec["sectors"] if s in sectors])
        group.save()
        create_meetings(group, number, archived=spec["status"] == GroupStatus.ARCHIVED)
        created += 1
        progress(f"groups: {spec['title']}")
    return created


def paris_datetime(day, hour):
    return datetime.combine(day, time(hour, 0), tzinfo=conf.time_zone())


def french_date(day):
    return f"{day.day} {DATA['month_names'][day.month - 1]} {day.year}"


def create_meetings(group, number, archived):
    """The group's meetings and minutes, inserted in bulk (two queries each)."""
    today = timezone.localdate()
    dates = [today + timedelta(days=round(months * 30.4)) for months in DATA["months"]]
    if not archived:
        dates.append(today + timedelta(days=DATA["ahead_days"] + number))
    texts = DATA["meeting"]
    meetings = []
    for position, day in enumerate(dates):
        start = paris_datetime(day, 14 if position % 2 else 10)
        online = position % 2 == 1
        meetings.append((group, MeetingPage(
            title=texts["title"].format(date=french_date(day)),
            slug=f"reunion-{day.isoformat()}",
            start=start,
            end=start + timedelta(hours=2, minutes=30),
            venue_name="" if online else texts["venue_name"],
            address="" if online else texts["address"],
            online_url=texts["online_url"].format(slug=group.slug) if online else "",
            agenda=texts["agenda"],
            members_only=(position + number) % 3 == 0,
            group_id=group.pk,
            first_published_at=start - timedelta(days=30),
            last_published_at=start - timedelta(days=30),
        )))
    bulk_children(meetings)
    minutes = []
    for position, (_group, meeting) in enumerate(meetings):
        if meeting.start >= timezone.now():
            continue
        day = timezone.localtime(meeting.start, conf.time_zone())
        minutes.append((meeting, MinutesPage(
            title=DATA["minutes"]["title"].format(date=french_date(day)),
            slug="compte-rendu",
            body=DATA["minutes"]["body"].format(group=escape(group.title)),
            members_only=meeting.members_only or position % 4 == 1,
            group_id=group.pk,
            meeting_id=meeting.pk,
            held_on=meeting.start,
            meeting_members_only=meeting.members_only,
            first_published_at=meeting.start + timedelta(days=14),
            last_published_at=meeting.start + timedelta(days=14),
        )))
    bulk_children(minutes)
    if number == 0:
        attach_demo_documents(group)


def attach_demo_documents(group):
    """A public document on the group's latest public meeting, a members-only
    one on its latest members-only meeting."""
    space = GroupSpace.objects.filter(group=group).first()
    if space is None:
        return
    Document = get_document_model()
    for spec in DATA["documents"]:
        members_only = spec["members_only"]
        meeting = MeetingPage.objects.filter(group=group, members_only=members_only).order_by("-start").first()
        if meeting is None:
            continue
        collection = space.members_collection if members_only else space.collection
        document = Document(title=spec["title"], collection=collection)
        document.file.save(spec["filename"], ContentFile(f"{spec['title']}\n".encode()), save=False)
        document.save()
        MeetingDocument.objects.create(page=meeting, document=document, sort_order=0)


def create_people():
    User = get_user_model()
    groups = {group.slug: group for group in GroupPage.objects.filter(slug__in=[spec["slug"] for spec in GROUPS])}
    users = []
    for person in DATA["people"]:
        user = User.objects.filter(username=person["email"]).first()
        if user is None:
            user = User(username=person["email"], email=person["email"], first_name=person["first_name"],
                        last_name=person["last_name"])
            # A password to try the member's view with, in development only.
            if settings.DEBUG:
                user.set_password(DEV_PASSWORD)
            else:
                user.set_unusable_password()
            user.save()
        users.append(user)
    for spec in DATA["memberships"]:
        if spec["group"] not in groups:
            continue
        member = spec["status"] == Membership.Status.MEMBER
        Membership.objects.get_or_create(
            user=users[spec["person"]],
            group=groups[spec["group"]],
            defaults={"status": spec["status"], "is_coordinator": spec["coordinator"],
                      "message": "" if member else DATA["join_message"],
                      "decided_at": timezone.now() if member else None},
        )
