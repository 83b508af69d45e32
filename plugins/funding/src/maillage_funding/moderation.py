"""The moderation workflow of funding calls: a call drafted by someone
else than a moderator goes live when a moderator approves it in the admin."""

from maillage_core.moderation import ensure_moderation_workflow

WORKFLOW_NAME = "Validation des appels à projets"
TASK_NAME = "Validation par l'équipe du réseau (financements)"


def ensure_workflow(apps=None):
    return ensure_moderation_workflow(
        "maillage_funding", ["fundingcall"], workflow_name=WORKFLOW_NAME, task_name=TASK_NAME, apps=apps
    )
