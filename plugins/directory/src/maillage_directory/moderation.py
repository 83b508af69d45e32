"""The actor moderation workflow: nothing a visitor proposes goes live
before a moderator approves it in the admin (Wagtail's workflows)."""

WORKFLOW_NAME = "Validation des fiches de l'annuaire"
TASK_NAME = "Validation par l'équipe du réseau"
MODERATORS = "Moderators"


def ensure_workflow(apps=None):
    """Assign a one-step "moderators approve" workflow to actors, unless
    the site already assigned one. Works with historical models too."""
    from django.apps import apps as global_apps

    apps = apps or global_apps
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    content_type, _created = ContentType.objects.get_or_create(app_label="maillage_directory", model="actor")
    if WorkflowContentType.objects.filter(content_type=content_type).exists():
        return None
    moderators = Group.objects.filter(name=MODERATORS).first()
    task_content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_content_type, active=True)
    if moderators:
        task.groups.set([moderators])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(workflow=workflow, content_type=content_type)
    return workflow
