"""When the survey closes, and the directory as it was then.

The published figures count the directory's actors (by type, department,
country, sector, SDG) *at the closing date*, not when the officer gets
round to publishing: the directory is copied into the edition once, the
first of these to happen after the survey closed:

- the officer closes the survey early ("Close the survey now");
- the background task enqueued for the end of the closing day when the
  edition's page is published (on a task backend that can defer, the
  site's worker runs it at midnight);
- the first request that needs it after the closing day: the edition's
  page, an actor's link, the officer's screen, "Publish the results".

The directory keeps no history (the core hook gives the actors as they
are now), so the copy is what it holds at that moment: with a worker
running, the closing night; without one, the first visit after closing.
"""

import datetime

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django_tasks import task, task_backends

from maillage_core import hooks
from maillage_core.page_cache import content_changed
from maillage_core.subscriptions import conf as mail_conf

from .figures import directory_figures


def end_of_closing_day(edition):
    """The moment the survey closes: the officer's early close, else midnight after its closing date."""
    if edition.closed_at:
        return edition.closed_at
    return timezone.make_aware(datetime.datetime.combine(edition.closes_on + datetime.timedelta(days=1),
                                                         datetime.time.min))


def snapshot(respondents):
    return {
        "taken_at": timezone.now().isoformat(),
        "actors": len(respondents),
        "invited": sum(1 for r in respondents if r.email),
        "directory": directory_figures(respondents),
    }


def freeze_directory(edition):
    """Copy the directory into a closed edition, once; the copy it holds afterwards."""
    if edition.directory_at_closing is None and edition.survey_closed():
        editions = type(edition).objects
        # Only the first caller writes: two requests at once keep one copy.
        editions.filter(pk=edition.pk, directory_at_closing__isnull=True).update(
            directory_at_closing=snapshot(hooks.survey_respondents()))
        edition.directory_at_closing = (editions.filter(pk=edition.pk)
                                        .values_list("directory_at_closing", flat=True).first())
    return edition.directory_at_closing


def close_now(edition):
    """The officer closes the survey before its date: the links stop working,
    drafts stay as they are (not counted), answers sent are kept."""
    editions = type(edition).objects
    with transaction.atomic():
        editions.filter(pk=edition.pk, closed_at__isnull=True).update(closed_at=timezone.now())
        edition.closed_at = editions.filter(pk=edition.pk).values_list("closed_at", flat=True).first()
    content_changed()  # update() sends no signal: kept pages showing the survey open are stale
    return freeze_directory(edition)


@task()
def freeze_at_closing(edition_id):
    # By name: the models import the views, which import this module.
    edition = apps.get_model("maillage_barometer", "EditionPage").objects.filter(pk=edition_id).first()
    if edition is not None:
        freeze_directory(edition)  # nothing before the closing date: its date may have moved later


def schedule(sender, instance, **kwargs):
    """On the edition page's publication: the copy at midnight after its
    closing date, on a backend that can run a task later (else the first
    request after closing takes it)."""
    backend = mail_conf.get("TASK_BACKEND")
    if instance.directory_at_closing is not None or not task_backends[backend].supports_defer:
        return
    freeze_at_closing.using(backend=backend, run_after=end_of_closing_day(instance)).enqueue(instance.pk)
