"""The moderation workflow a plugin gives what the public sends: nothing
goes live before a moderator approves it in the admin (Wagtail's
workflows, one "moderators approve" task)."""

#: The group whose members approve; a site creates it (or picks another
#: group for the task in the admin).
MODERATORS = "Moderators"


def ensure_moderation_workflow(app_label, model_names, *, workflow_name, task_name, apps=None):
    """Assign the workflow named ``workflow_name`` (created with its one
    task if missing) to each of the app's models that has no workflow yet;
    a workflow the site assigned itself is kept. Returns the workflow, or
    None when every model had one. Works with a migration's historical
    models (``apps``) too."""
    from django.apps import apps as global_apps

    apps = apps or global_apps
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    content_types = [ContentType.objects.get_or_create(app_label=app_label, model=name)[0] for name in model_names]
    missing = [ct for ct in content_types if not WorkflowContentType.objects.filter(content_type=ct).exists()]
    if not missing:
        return None
    Workflow = apps.get_model("wagtailcore", "Workflow")
    workflow = Workflow.objects.filter(name=workflow_name).first() or new_workflow(apps, workflow_name, task_name)
    for content_type in missing:
        WorkflowContentType.objects.create(workflow=workflow, content_type=content_type)
    return workflow


def new_workflow(apps, workflow_name, task_name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=task_name, content_type=task_type, active=True)
    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators:
        task.groups.set([moderators])
    workflow = Workflow.objects.create(name=workflow_name, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow
