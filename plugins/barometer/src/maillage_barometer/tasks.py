"""Invitations and reminders are sent as background work, on the task
backend core's subscriptions use (``MAILLAGE_SUBSCRIPTIONS_TASK_BACKEND``)."""

from django_tasks import task

from maillage_core.subscriptions import conf as mail_conf

from . import invitations
from .models import EditionPage


@task()
def send_invitations(edition_id, kind):
    edition = EditionPage.objects.filter(pk=edition_id).first()
    return invitations.send(edition, kind) if edition is not None else 0


def enqueue(edition, kind):
    return send_invitations.using(backend=mail_conf.get("TASK_BACKEND")).enqueue(edition.pk, kind)
