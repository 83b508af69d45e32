"""The moderation workflow of the youth space: an offer or a testimony
sent by the public goes live only when a moderator approves it in the
admin (Wagtail's workflows)."""

WORKFLOW_NAME = "Validation de l'Espace Jeunes"
TASK_NAME = "Validation par l'équipe du réseau (Espace Jeunes)"
MODERATORS = "Moderators"
MODELS = ("offer", "testimony")


def ensure_workflow(apps=None):
    """Assign a one-step "moderators approve" workflow to offers and
    testimonies that have none yet. Works with historical models too."""
    from django.apps import apps as global_apps

    apps = apps or global_apps
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    content_types = [
        ContentType.objects.get_or_create(app_label="maillage_youth", model=model)[0] for model in MODELS
    ]
    missing = [ct for ct in content_types if not WorkflowContentType.objects.filter(content_type=ct).exists()]
    if not missing:
        return None
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
        moderators = Group.objects.filter(name=MODERATORS).first()
        if moderators:
            task.groups.set([moderators])
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for content_type in missing:
        WorkflowContentType.objects.create(workflow=workflow, content_type=content_type)
    return workflow
