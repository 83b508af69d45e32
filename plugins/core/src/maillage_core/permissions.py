from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Fixed lists (SDGs, departments) and the index outbox can be
    consulted by staff, never changed through the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_staff

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def register_policies():
    from wagtail.permissions import register_permission_policy

    from .models import Department, PendingIndexUpdate, SustainableDevelopmentGoal

    for model in (Department, PendingIndexUpdate, SustainableDevelopmentGoal):
        register_permission_policy(model, ReadOnlyPermissionPolicy(model), exact_class=True)
