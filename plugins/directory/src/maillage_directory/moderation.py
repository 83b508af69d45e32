"""The actor moderation workflow: nothing a visitor proposes goes live
before a moderator approves it in the admin (Wagtail's workflows)."""

from maillage_core.moderation import ensure_moderation_workflow

WORKFLOW_NAME = "Validation des fiches de l'annuaire"
TASK_NAME = "Validation par l'équipe du réseau"


def ensure_workflow(apps=None):
    """Assign the "moderators approve" workflow to actors, unless the site
    already assigned one. Works with historical models too."""
    return ensure_moderation_workflow(
        "maillage_directory", ["actor"], workflow_name=WORKFLOW_NAME, task_name=TASK_NAME, apps=apps
    )
