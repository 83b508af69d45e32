"""The background work of subscriptions, on Django's task framework
(django-tasks). The backend is ``MAILLAGE_SUBSCRIPTIONS_TASK_BACKEND``, an
alias of ``TASKS``: the database backend in production, run by
``manage.py db_worker --backend <alias>``.

One task sends one batch, then (on a backend that can defer) enqueues the
next batch ``BATCH_INTERVAL`` seconds later: the rate limit, and no task
holds a worker for hours. A backend that cannot defer (the immediate one)
sends every batch in the same task, waiting between them.
"""

import time
from datetime import timedelta

from django.utils import timezone
from django_tasks import task, task_backends

from . import conf, sending


def backend_alias():
    return conf.get("TASK_BACKEND")


@task()
def deliver_mailing(mailing_id):
    interval = conf.get("BATCH_INTERVAL")
    while sending.send_batch(mailing_id):
        if interval and task_backends[backend_alias()].supports_defer:
            enqueue(mailing_id, run_after=timezone.now() + timedelta(seconds=interval))
            return
        time.sleep(interval)


def enqueue(mailing_id, run_after=None):
    options = {"backend": backend_alias()}
    if run_after is not None:
        options["run_after"] = run_after
    return deliver_mailing.using(**options).enqueue(mailing_id)
