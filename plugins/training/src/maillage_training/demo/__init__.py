"""Demo content: a semester programme of the network, in French.

About fifteen trainings and thirty sessions around today's date: some past
(with attendance), some full, some with people waiting, one cancelled. The
texts are in ``programme.json`` (package data, read only when the demo is
loaded). Idempotent: a second run finds the programme and its trainings by
slug and creates nothing (two queries).
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from maillage_core.demo import default_root, ensure_index_page, find_index_page, read
from maillage_core.models import Department, Sector

from .. import conf
from ..models import Registration, TrainingIndexPage, TrainingSession

DATA = read(__name__, "programme.json")
PROGRAMME_SLUG = DATA["programme"]["slug"]
TRAININGS = DATA["trainings"]


def load(options, progress):
    if default_root() is None:
        progress("trainings: no default site, skipped")
        return 0
    programme = find_index_page(TrainingIndexPage, PROGRAMME_SLUG)
    existing = set()
    if programme is not None:
        existing = set(programme.get_children().values_list("slug", flat=True))
        if all(spec["slug"] in existing for spec in TRAININGS):
            progress("trainings: demo programme already loaded")
            return 0
    with transaction.atomic():
        created = create_programme(existing)
    progress(f"trainings: {created} trainings created")
    return created


def create_programme(existing):
    programme, _created = ensure_index_page(TrainingIndexPage, **DATA["programme"])
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    departments = Department.objects.in_bulk([venue["department"] for venue in DATA["venues"]])
    common = DATA["training"]
    Training = conf.training_page_model()
    created = 0
    for number, (spec, schedule) in enumerate(zip(TRAININGS, DATA["schedule"], strict=True)):
        if spec["slug"] in existing:
            continue
        price = Decimal(spec["price"]) if spec["price"] else None
        training = programme.add_child(
            instance=Training(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                format=spec["format"],
                price=price,
                reduced_price=price / 2 if price else None,
                price_note=common["price_note"] if price else "",
                audience=common["audience"],
                trainers=common["trainers"],
                objectives=common["objectives"],
                countries=spec.get("countries", []),
            )
        )
        training.sectors.set([sectors[s] for s in spec["sectors"] if s in sectors])
        training.save_revision().publish()
        add_sessions(training, number, schedule, departments)
        created += 1
    return created


def add_sessions(training, number, schedule, departments):
    zone = conf.time_zone()
    today = timezone.localdate(timezone=zone)
    common = DATA["training"]
    venues = DATA["venues"]
    for index, (offset, filling) in enumerate(zip(schedule["days"], schedule["filling"], strict=True)):
        day = today + timedelta(days=offset)
        two_days = (number + index) % 4 == 0
        start = datetime.combine(day, time(9, 30), tzinfo=zone)
        end = datetime.combine(day + timedelta(days=1 if two_days else 0), time(17 if two_days else 12, 30), tzinfo=zone)
        venue = venues[(number + index) % len(venues)]
        online = training.format == "online"
        session = TrainingSession.objects.create(
            training=training,
            start=start,
            end=end,
            schedule_note=common["schedule_note_two_days"] if two_days else common["schedule_note_morning"],
            venue_name="" if online else venue["venue"],
            street_address="" if online else venue["street"],
            postal_code="" if online else venue["postal_code"],
            city="" if online else venue["city"],
            department=None if online else departments.get(venue["department"]),
            online_url=common["online_url"].format(slug=training.slug) if training.format != "on_site" else "",
            capacity=12 + (number % 3) * 4,
            registration_closes=start - timedelta(days=2),
            status=TrainingSession.Status.CANCELLED if (number, index) == (6, 1) else TrainingSession.Status.OPEN,
        )
        add_registrations(session, filling, past=end < timezone.now())


def add_registrations(session, filling, past):
    taken = {"open": session.capacity // 2, "full": session.capacity, "waitlist": session.capacity}[filling]
    waiting = 3 if filling == "waitlist" else 0
    moment = session.start - timedelta(days=30)
    first_names, last_names, organisations = DATA["first_names"], DATA["last_names"], DATA["organisations"]
    roles = DATA["training"]["roles"]
    registrations = []
    for n in range(taken + waiting):
        first, last = first_names[(n + session.pk) % len(first_names)], last_names[(n * 7 + session.pk) % len(last_names)]
        confirmed = n < taken
        registrations.append(
            Registration(
                session=session,
                status=Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITLISTED,
                name=f"{first} {last}",
                email=f"{first}.{last}.{n}@example.org".lower().replace("ï", "i").replace("é", "e").replace("è", "e"),
                organisation=organisations[n % len(organisations)],
                role=roles[n % 2],
                consent_at=moment,
                waitlisted_at=None if confirmed else moment + timedelta(minutes=n),
                status_changed_at=moment,
                attended=(n % 5 != 0) if past and confirmed else None,
            )
        )
    Registration.objects.bulk_create(registrations)
