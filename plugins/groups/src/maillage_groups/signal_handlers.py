from django.db.models.signals import post_delete, post_save


def group_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    from . import spaces

    if created:
        spaces.ensure_space(instance)
    elif kwargs.get("update_fields") is None:
        from .models import GroupSpace

        space = GroupSpace.objects.filter(group_id=instance.pk).select_related("coordinators", "collection").first()
        if space is not None:
            spaces.rename(space, instance)


def group_deleted(sender, instance, **kwargs):
    from .indexing import remove_page

    remove_page(instance)


def space_deleted(sender, instance, **kwargs):
    from django.contrib.auth.models import Group

    if instance.coordinators_id:
        Group.objects.filter(pk=instance.coordinators_id).delete()


def membership_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .spaces import sync_coordinator

    sync_coordinator(instance)


def membership_deleted(sender, instance, **kwargs):
    from .spaces import sync_coordinator

    instance.is_coordinator = False
    sync_coordinator(instance)


def page_moved(sender, instance, **kwargs):
    """A meeting moved to another group takes its minutes along: both
    follow their new group for access and search."""
    from .indexing import index_page
    from .models import MeetingPage, MinutesPage

    for model in (MeetingPage, MinutesPage):
        for page in model.objects.descendant_of(instance, inclusive=True):
            page.save()
            index_page(page)


def register():
    from wagtail.signals import page_published, post_page_move

    from .models import GroupPage, GroupSpace, MeetingPage, Membership, MinutesPage
    from .notifications import on_published

    post_save.connect(group_saved, sender=GroupPage, dispatch_uid="maillage_groups_space")
    post_delete.connect(group_deleted, sender=GroupPage, dispatch_uid="maillage_groups_unindex")
    post_delete.connect(space_deleted, sender=GroupSpace, dispatch_uid="maillage_groups_space_deleted")
    post_save.connect(membership_saved, sender=Membership, dispatch_uid="maillage_groups_coordinators")
    post_delete.connect(membership_deleted, sender=Membership, dispatch_uid="maillage_groups_coordinators_del")
    for model in (MeetingPage, MinutesPage):
        page_published.connect(on_published, sender=model, dispatch_uid=f"maillage_groups_notify_{model.__name__}")
    post_page_move.connect(page_moved, dispatch_uid="maillage_groups_moved")
