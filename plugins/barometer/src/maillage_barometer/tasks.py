"""Invitations and reminders are sent as background work in batches, on
the task backend and with the rate of core's subscriptions
(``MAILLAGE_SUBSCRIPTIONS_TASK_BACKEND``, ``_BATCH_SIZE``, ``_BATCH_INTERVAL``).

One task sends one batch, then (on a backend that can defer) enqueues the
next ``BATCH_INTERVAL`` seconds later; a backend that cannot defer (the
immediate one) sends every batch in the same task, waiting between them.
"""

import time
from datetime import timedelta

from django.utils import timezone
from django_tasks import task, task_backends

from maillage_core.subscriptions import conf as mail_conf

from . import invitations
from .models import EditionPage


@task()
def send_invitations(edition_id, kind):
    edition = EditionPage.objects.filter(pk=edition_id).first()
    size, interval = mail_conf.get("BATCH_SIZE"), mail_conf.get("BATCH_INTERVAL")
    while edition is not None and not edition.survey_closed() and invitations.send(edition, kind, limit=size) == size:
        if interval and task_backends[mail_conf.get("TASK_BACKEND")].supports_defer:
            enqueue(edition, kind, run_after=timezone.now() + timedelta(seconds=interval))
            return
        time.sleep(interval)


def enqueue(edition, kind, run_after=None):
    options = {"backend": mail_conf.get("TASK_BACKEND")}
    if run_after is not None:
        options["run_after"] = run_after
    return send_invitations.using(**options).enqueue(edition.pk, kind)
