"""The moderation workflow plugins give what the public sends (actors,
offers, testimonies), set up by one function. Tried here on two of core's
own models, as a plugin does on its snippets."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Workflow, WorkflowContentType

from maillage_core.models import ActorType, Sector
from maillage_core.moderation import ensure_moderation_workflow

pytestmark = pytest.mark.django_db

NAMES = {"workflow_name": "Validation des référentiels", "task_name": "Validation par l'équipe"}


def workflow_of(model):
    assigned = WorkflowContentType.objects.filter(content_type=ContentType.objects.get_for_model(model)).first()
    return assigned.workflow if assigned else None


def test_the_models_get_one_workflow_whose_task_the_moderators_approve():
    moderators = Group.objects.get_or_create(name="Moderators")[0]
    workflow = ensure_moderation_workflow("maillage_core", ["sector", "actortype"], **NAMES)
    assert workflow_of(Sector) == workflow_of(ActorType) == workflow
    assert workflow.name == "Validation des référentiels" and workflow.active
    (task,) = [task.specific for task in workflow.tasks.all()]
    assert task.name == "Validation par l'équipe" and list(task.groups.all()) == [moderators]


def test_running_it_again_changes_nothing_and_a_workflow_the_site_chose_is_kept():
    chosen = Workflow.objects.create(name="Relecture par la direction", active=True)
    WorkflowContentType.objects.create(workflow=chosen, content_type=ContentType.objects.get_for_model(Sector))
    first = ensure_moderation_workflow("maillage_core", ["sector", "actortype"], **NAMES)
    assert ensure_moderation_workflow("maillage_core", ["sector", "actortype"], **NAMES) is None
    assert workflow_of(Sector) == chosen and workflow_of(ActorType) == first
    assert Workflow.objects.filter(name=NAMES["workflow_name"]).count() == 1
