"""Shared pieces of the public views: the visible sessions of a programme
and their trainings, fetched in a fixed number of queries (one for the
sessions, what does not change with each registration being kept in the
process under the content version)."""

from maillage_core.content_memo import remembered
from maillage_core.models import Department, Sector

from .. import conf
from ..models.choices import TrainingFormat
from ..models.sessions import TrainingSession


def programme_sessions(programme):
    """Visible sessions of the trainings under ``programme``, with seat counts."""
    return TrainingSession.objects.under(programme).visible().with_counts().select_related("department")


def attach_trainings(sessions, request):
    """Evaluate ``sessions`` and give each its training page (``session.training_page``,
    with its ``listed_sectors``) and public URL, with no query of their own (``training_pages``)."""
    sessions = list(sessions)
    trainings = training_pages()
    kept = []
    for session in sessions:
        training = trainings.get(session.training_id)
        if training is None:  # a page of another type: not ours to show
            continue
        session.training_page = training
        session.url = session_url(training, session, request)
        kept.append(session)
    return kept


def training_pages():
    """Every training page by id, its sectors in ``listed_sectors`` (a tuple:
    a listing's card would make a queryset per card from ``sectors.all()``):
    kept in the process under the content version (any edit of a training or
    a sector renews it), so a listing asks only for its sessions. Shared by
    every request: read, never changed."""
    model = conf.training_page_model()
    return remembered(("training_pages", model._meta.label), lambda: load_training_pages(model))


def load_training_pages(model):
    pages = model.objects.prefetch_related("sectors").in_bulk()
    for page in pages.values():
        page.listed_sectors = tuple(page.sectors.all())
    return pages


def session_url(training, session, request=None):
    base = training.get_url(request=request) or ""
    return base + training.reverse_subpage("session_view", kwargs={"session_id": session.pk})


def filter_options(programme):
    """Choices of the filter form: every sector, the departments where this
    programme has sessions; kept in the process under the content version."""
    return remembered(("training_filter_options", programme.pk), lambda: gather_filter_options(programme))


def gather_filter_options(programme):
    used = TrainingSession.objects.under(programme).exclude(department=None).values("department_id")
    return {
        "sectors": list(Sector.objects.all()),
        "departments": list(Department.objects.filter(code__in=used)),
        "formats": TrainingFormat.choices,
    }
