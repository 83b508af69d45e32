"""The moderation workflow of the youth space: an offer or a testimony
sent by the public goes live only when a moderator approves it in the
admin (Wagtail's workflows)."""

from maillage_core.moderation import ensure_moderation_workflow

WORKFLOW_NAME = "Validation de l'Espace Jeunes"
TASK_NAME = "Validation par l'équipe du réseau (Espace Jeunes)"


def ensure_workflow(apps=None):
    """Assign the "moderators approve" workflow to offers and testimonies
    that have none yet. Works with historical models too."""
    return ensure_moderation_workflow(
        "maillage_youth", ["offer", "testimony"], workflow_name=WORKFLOW_NAME, task_name=TASK_NAME, apps=apps
    )
