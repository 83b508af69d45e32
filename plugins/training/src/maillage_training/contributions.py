"""What the plugin gives other parts of a site through ``maillage_core.hooks``:
upcoming sessions for the home page, for any plugin that lists events (the
youth space, for one) and for country pages, without either importing the other."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage_core.hooks import CountryFigures, Event, KeyFigure, Section
from maillage_core.site_pages import live_page, public, site_root

from . import conf
from .models import TrainingIndexPageMixin, TrainingSession
from .views.common import attach_trainings

HOME_SESSIONS = 3
COUNTRY_SESSIONS = 6


def upcoming_sessions(request, limit, country=""):
    sessions = TrainingSession.objects.visible().upcoming().exclude(status=TrainingSession.Status.CANCELLED)
    sessions = sessions.with_counts().select_related("department").filter(start__gte=timezone.now())
    root = site_root(request)
    if root is not None:
        sessions = sessions.under(root)
    if country:
        about = conf.training_page_model().objects.filter(countries__contains=country)
        sessions = sessions.filter(training_id__in=about.values("pk"))
    return attach_trainings(sessions[:limit], request)


def programme_page(request):
    return live_page(TrainingIndexPageMixin, request)


def upcoming_events(request, limit):
    return [
        Event(
            title=session.training_page.title,
            url=session.url,
            start=session.start,
            location=session.location_label() or str(_("Online")),
            kind="training",
        )
        for session in upcoming_sessions(request, limit)
    ]


def home_figures(request):
    sessions = TrainingSession.objects.visible().upcoming().exclude(status=TrainingSession.Status.CANCELLED)
    root = site_root(request)
    if root is not None:
        sessions = sessions.under(root)
    count = sessions.count()
    if not count:
        return []
    programme = programme_page(request)
    return [KeyFigure(label=str(_("upcoming training sessions")), value=count, url=programme.url if programme else "")]


def home_sections(request):
    sessions = upcoming_sessions(request, HOME_SESSIONS)
    if not sessions:
        return []
    return [
        Section(
            key="trainings",
            title=str(_("Upcoming trainings")),
            template="maillage_training/includes/home_section.html",
            context={
                "sessions": sessions,
                "programme": programme_page(request),
                "time_zone": conf.get("TIME_ZONE"),
            },
            order=40,
            event_kinds=("training",),
        )
    ]


def sitemap_entries(request):
    """Each session's page (``<training>/sessions/<id>/``) of the site's
    published, public trainings; cancelled sessions are left out."""
    from maillage_core.site_pages import under_site
    from maillage_core.sitemaps import SitemapEntry

    trainings = under_site(public(conf.training_page_model().objects.live()), request)
    urls = {training.pk: training.get_url(request=request) for training in trainings.only("id", "url_path")}
    sessions = (
        TrainingSession.objects.filter(training_id__in=[pk for pk, url in urls.items() if url])
        .exclude(status=TrainingSession.Status.CANCELLED)
        .only("id", "training_id", "updated_at")
        .order_by("start", "pk")
    )
    return [SitemapEntry(f"{urls[session.training_id]}sessions/{session.pk}/", session.updated_at) for session in sessions]


def country_figures(request):
    """Upcoming sessions per country their training is about, in two queries."""
    sessions = TrainingSession.objects.visible().upcoming().exclude(status=TrainingSession.Status.CANCELLED)
    root = site_root(request)
    if root is not None:
        sessions = sessions.under(root)
    trainings = conf.training_page_model().objects.exclude(countries="")
    counts = {}
    rows = list(sessions.filter(training_id__in=trainings.values("pk")).values_list("training_id", flat=True))
    lists = dict(trainings.filter(pk__in=set(rows)).values_list("pk", "countries")) if rows else {}
    for training_id in rows:
        for code in (lists.get(training_id) or "").split(","):
            if code:
                counts[code] = counts.get(code, 0) + 1
    return [CountryFigures(key="trainings", label=_("Training sessions"), counts=counts, order=50)] if counts else []


def country_sections(request, code):
    sessions = upcoming_sessions(request, COUNTRY_SESSIONS, country=code)
    if not sessions:
        return []
    return [
        Section(
            key="trainings",
            title=str(_("Trainings about this country")),
            template="maillage_training/includes/home_section.html",
            context={"sessions": sessions, "programme": programme_page(request), "time_zone": conf.get("TIME_ZONE")},
            order=50,
        )
    ]
