"""Demo content: eight working groups of a regional network, in French.

Four country groups and four thematic ones (one archived), each with two
years of meetings (three a year, minutes online for those held, the next
one ahead), a mix of public and members-only items, a few members,
coordinators and pending requests. Pages are created published without
revisions (editing one in the admin starts its history), meetings and
minutes inserted in bulk, which keeps the first run short; a second run
finds the groups by slug and creates nothing. ``load_demo`` builds the
search index afterwards.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Site

from maillage_core.models import Sector

from . import conf
from .bulk import bulk_children
from .models import (
    GroupIndexPage,
    GroupKind,
    GroupPage,
    GroupSpace,
    GroupStatus,
    MeetingDocument,
    MeetingPage,
    Membership,
    MembershipPolicy,
    MinutesPage,
)

INDEX_SLUG = "groupes-de-travail"
DEV_PASSWORD = "maillage"

# (slug, title, kind, countries, sectors, policy, status, summary)
GROUPS = [
    ("burkina-faso", "Groupe pays Burkina Faso", GroupKind.COUNTRY, ["BF"], ["education", "eau-assainissement"],
     MembershipPolicy.ON_REQUEST, GroupStatus.ACTIVE,
     "Les acteurs de la région engagés au Burkina Faso partagent leurs nouvelles, la situation sécuritaire et "
     "leurs projets communs."),
    ("senegal", "Groupe pays Sénégal", GroupKind.COUNTRY, ["SN"], ["sante", "agriculture"],
     MembershipPolicy.OPEN, GroupStatus.ACTIVE,
     "Collectivités, associations et établissements scolaires en partenariat avec le Sénégal."),
    ("madagascar", "Groupe pays Madagascar", GroupKind.COUNTRY, ["MG"], ["environnement", "education"],
     MembershipPolicy.ON_REQUEST, GroupStatus.ACTIVE,
     "Échanges entre porteurs de projets à Madagascar : éducation, environnement, filières agricoles."),
    ("haiti", "Groupe pays Haïti", GroupKind.COUNTRY, ["HT"], ["humanitaire", "sante"],
     MembershipPolicy.ON_REQUEST, GroupStatus.ACTIVE,
     "Suivi de la situation en Haïti et coordination des actions des acteurs de la région."),
    ("ecsi", "Éducation à la citoyenneté et à la solidarité internationale", GroupKind.THEMATIC, [],
     ["ecsi", "education"], MembershipPolicy.OPEN, GroupStatus.ACTIVE,
     "Animateurs et enseignants construisent ensemble outils et temps forts de l’ECSI, dont le Festival des "
     "Solidarités."),
    ("sante-mondiale", "Santé mondiale", GroupKind.THEMATIC, [], ["sante"], MembershipPolicy.ON_REQUEST,
     GroupStatus.ACTIVE,
     "Hôpitaux, associations et écoles de santé partagent leurs pratiques de partenariat."),
    ("jeunesse-mobilite", "Jeunesse et mobilité internationale", GroupKind.THEMATIC, [],
     ["enfance-jeunesse"], MembershipPolicy.ON_REQUEST, GroupStatus.ACTIVE,
     "Structures d’envoi et d’accueil de volontaires : service civique, VSI, Corps européen de solidarité."),
    ("mali", "Groupe pays Mali", GroupKind.COUNTRY, ["ML"], ["gouvernance"], MembershipPolicy.CLOSED,
     GroupStatus.ARCHIVED,
     "Le groupe s’est mis en sommeil en 2023 ; ses comptes rendus restent consultables."),
]

# Months before today of each group's meetings (two years, three a year);
# the last one is ahead. Every third meeting is for members only; the
# minutes of one meeting in four too.
MONTHS = [-23, -19, -15, -11, -7, -3]
AHEAD_DAYS = 24

PEOPLE = [
    ("camille.martin@exemple.org", "Camille", "Martin"),
    ("mamadou.traore@exemple.org", "Mamadou", "Traoré"),
    ("lea.dubois@exemple.org", "Léa", "Dubois"),
    ("youssef.haddad@exemple.org", "Youssef", "Haddad"),
    ("awa.coulibaly@exemple.org", "Awa", "Coulibaly"),
    ("pierre.fontaine@exemple.org", "Pierre", "Fontaine"),
]
# (person, group slug, status, coordinator)
MEMBERSHIPS = [
    (0, "burkina-faso", Membership.Status.MEMBER, True),
    (1, "burkina-faso", Membership.Status.MEMBER, False),
    (2, "burkina-faso", Membership.Status.MEMBER, False),
    (0, "ecsi", Membership.Status.MEMBER, True),
    (2, "ecsi", Membership.Status.MEMBER, False),
    (3, "senegal", Membership.Status.MEMBER, True),
    (4, "senegal", Membership.Status.MEMBER, False),
    (4, "sante-mondiale", Membership.Status.MEMBER, True),
    (5, "madagascar", Membership.Status.MEMBER, True),
    (2, "sante-mondiale", Membership.Status.PENDING, False),
    (3, "burkina-faso", Membership.Status.PENDING, False),
    (5, "haiti", Membership.Status.PENDING, False),
]


def load(options, progress):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        progress("groups: no default site, skipped")
        return 0
    index = GroupIndexPage.objects.filter(slug=INDEX_SLUG).first()
    existing = set()
    if index is not None:
        existing = set(GroupPage.objects.child_of(index).values_list("slug", flat=True))
        if all(spec[0] in existing for spec in GROUPS):
            progress("groups: demo groups already loaded")
            return 0
    with transaction.atomic():
        created = create_groups(site, index, existing, progress)
        create_people()
    progress(f"groups: {created} working groups created")
    return created


def published(page):
    now = timezone.now()
    page.live = True
    page.first_published_at = page.first_published_at or now
    page.last_published_at = page.last_published_at or now
    return page


def create_groups(site, index, existing, progress):
    if index is None:
        index = site.root_page.add_child(
            instance=published(
                GroupIndexPage(
                    title="Groupes de travail",
                    slug=INDEX_SLUG,
                    show_in_menus=True,
                    intro="<p>Les groupes de travail réunissent les acteurs de la région autour d’un pays ou d’un "
                    "thème, deux à trois fois par an. Leurs comptes rendus sont en ligne.</p>",
                )
            )
        )
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    created = 0
    for number, (slug, title, kind, countries, sector_slugs, policy, status, summary) in enumerate(GROUPS):
        if slug in existing:
            continue
        group = index.add_child(
            instance=published(
                GroupPage(
                    title=title, slug=slug, kind=kind, countries=countries, summary=summary, status=status,
                    membership_policy=policy,
                    description=f"<p>{escape(summary)}</p><p>Le groupe se réunit deux à trois fois par an, en "
                    "présence à Lyon ou en ligne. Chaque réunion fait l’objet d’un compte rendu.</p>",
                    coordination="Coordonné par l’équipe du réseau avec des membres bénévoles.",
                )
            )
        )
        group.sectors.set([sectors[s] for s in sector_slugs if s in sectors])
        group.save()
        create_meetings(group, number, archived=status == GroupStatus.ARCHIVED)
        created += 1
        progress(f"groups: {title}")
    return created


def paris_datetime(day, hour):
    return datetime.combine(day, time(hour, 0), tzinfo=conf.time_zone())


def create_meetings(group, number, archived):
    """The group's meetings and minutes, inserted in bulk (two queries each)."""
    today = timezone.localdate()
    dates = [today + timedelta(days=round(months * 30.4)) for months in MONTHS]
    if not archived:
        dates.append(today + timedelta(days=AHEAD_DAYS + number))
    meetings = []
    for position, day in enumerate(dates):
        start = paris_datetime(day, 14 if position % 2 else 10)
        online = position % 2 == 1
        meetings.append((group, MeetingPage(
            title=f"Réunion du {day.day} {MONTH_NAMES[day.month - 1]} {day.year}",
            slug=f"reunion-{day.isoformat()}",
            start=start,
            end=start + timedelta(hours=2, minutes=30),
            venue_name="" if online else "Maison des solidarités",
            address="" if online else "12 rue de la Part-Dieu\n69003 Lyon",
            online_url="https://visio.exemple.org/groupe-" + group.slug if online else "",
            agenda="<ul><li>Tour de table des actualités</li><li>Point sur les projets en cours</li>"
            "<li>Préparation du prochain temps fort</li></ul>",
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
            title=f"Compte rendu de la réunion du {day.day} {MONTH_NAMES[day.month - 1]} {day.year}",
            slug="compte-rendu",
            body=f"<p>Présents : une douzaine de structures. {escape(group.title)} a fait le point sur les projets "
            "en cours et les financements mobilisables.</p><h3>Décisions</h3><ul><li>Organiser une rencontre "
            "ouverte au printemps.</li><li>Partager les outils d’animation entre membres.</li></ul>",
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


MONTH_NAMES = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
               "novembre", "décembre"]


def attach_demo_documents(group):
    """A public document on the group's latest public meeting, a members-only
    one on its latest members-only meeting."""
    space = GroupSpace.objects.filter(group=group).first()
    if space is None:
        return
    Document = get_document_model()
    for members_only, title, filename, collection in (
        (False, "Ordre du jour détaillé", "ordre-du-jour.txt", space.collection),
        (True, "Contacts des partenaires (réservé aux membres)", "contacts-partenaires.txt", space.members_collection),
    ):
        meeting = MeetingPage.objects.filter(group=group, members_only=members_only).order_by("-start").first()
        if meeting is None:
            continue
        document = Document(title=title, collection=collection)
        document.file.save(filename, ContentFile(f"{title}\n".encode()), save=False)
        document.save()
        MeetingDocument.objects.create(page=meeting, document=document, sort_order=0)


def create_people():
    User = get_user_model()
    groups = {group.slug: group for group in GroupPage.objects.filter(slug__in=[spec[0] for spec in GROUPS])}
    users = []
    for email, first, last in PEOPLE:
        user = User.objects.filter(username=email).first()
        if user is None:
            user = User(username=email, email=email, first_name=first, last_name=last)
            # A password to try the member's view with, in development only.
            if settings.DEBUG:
                user.set_password(DEV_PASSWORD)
            else:
                user.set_unusable_password()
            user.save()
        users.append(user)
    for person, slug, status, coordinator in MEMBERSHIPS:
        if slug in groups:
            Membership.objects.get_or_create(
                user=users[person],
                group=groups[slug],
                defaults={"status": status, "is_coordinator": coordinator,
                          "message": "" if status == Membership.Status.MEMBER else
                          "Notre association démarre un projet dans le pays, nous aimerions rejoindre le groupe.",
                          "decided_at": timezone.now() if status == Membership.Status.MEMBER else None},
            )
