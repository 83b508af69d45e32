"""The officer's "import now", as background work on Django's task
framework (django-tasks, as core's subscriptions send): the backend is
``MAILLAGE_FUNDING_TASK_BACKEND``, an alias of ``TASKS`` (a database
backend in production, run by ``manage.py db_worker --backend <alias>``).
A run stopped midway resumes at the next run, whichever starts it."""

from django_tasks import task

from . import conf, importing
from .models.sources import ImportSource, RunState


@task()
def import_source(source_id):
    source = ImportSource.objects.filter(pk=source_id).select_related("default_funder").first()
    if source is not None:
        importing.run(source)


def enqueue(source):
    """Queue a run of ``source`` (one stopped midway stays marked running, so the run resumes it)."""
    ImportSource.objects.filter(pk=source.pk, run_state=RunState.IDLE).update(run_state=RunState.QUEUED)
    return import_source.using(backend=conf.get("TASK_BACKEND")).enqueue(source.pk)
