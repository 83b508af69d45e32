"""What each working group gets beside its page, made when the page is
created and kept in step with its coordinators:

- a Wagtail group "<group> — coordination" holding the coordinators'
  permissions: admin access, edit and publish on the group's page and the
  pages below it (nothing else in the tree), documents in the group's
  collections, and answering the group's join requests;
- two document collections under "Working groups": the group's public
  documents, and its members-only documents. The members-only collection
  carries a "signed-in people" view restriction, and the plugin's
  ``before_serve_document`` hook lets only members through (``documents``).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    get_default_page_content_type,
)

ROOT_COLLECTION_NAME = "Groupes de travail"
PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
DOCUMENT_PERMISSIONS = ("add_document", "change_document", "choose_document")
MODEL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("maillage_groups", "view_membership"),
    ("maillage_groups", "change_membership"),
)


def coordinators_group_name(group_page):
    return f"{group_page.title[:100]} — coordination ({group_page.pk})"


def ensure_space(group_page):
    """Create (or complete) the group's space; idempotent."""
    from .models import GroupSpace

    with transaction.atomic():
        space, _new = GroupSpace.objects.select_for_update().get_or_create(group=group_page)
        changed = []
        if space.coordinators is None:
            space.coordinators, _new = Group.objects.get_or_create(name=coordinators_group_name(group_page))
            changed.append("coordinators")
        if space.collection is None:
            space.collection = add_collection(groups_root_collection(), group_page.title[:200])
            changed.append("collection")
        if space.members_collection is None:
            space.members_collection = add_collection(space.collection, _("Members only"))
            changed.append("members_collection")
        if changed:
            space.save(update_fields=changed)
        grant_permissions(space, group_page)
        restrict(space.members_collection)
    return space


def groups_root_collection():
    # Wagtail's migrations create the root; a flushed test database has none.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    found = root.get_children().filter(name=ROOT_COLLECTION_NAME).first()
    return found or root.add_child(name=ROOT_COLLECTION_NAME)


def add_collection(parent, name):
    return parent.add_child(name=str(name))


def restrict(collection):
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)


def grant_permissions(space, group_page):
    group = space.coordinators
    page_type = get_default_page_content_type()
    for action in PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type=page_type, codename=f"{action}_{page_type.model}")
        GroupPagePermission.objects.get_or_create(group=group, page_id=group_page.pk, permission=permission)
    for collection in (space.collection, space.members_collection):
        for codename in DOCUMENT_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename)
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
    for app_label, codename in MODEL_PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def sync_coordinator(membership):
    """Put the person in the group's coordination group, or take them out."""
    from .models import GroupSpace

    space = GroupSpace.objects.filter(group_id=membership.group_id).select_related("coordinators").first()
    if space is None or space.coordinators is None:
        if not (membership.is_coordinator and membership.is_member):
            return
        space = ensure_space(membership.group)
    if membership.is_coordinator and membership.is_member:
        membership.user.groups.add(space.coordinators)
    else:
        membership.user.groups.remove(space.coordinators)


def rename(space, group_page):
    """Follow the group's title in the names coordinators see in the admin."""
    if space.coordinators is not None:
        name = coordinators_group_name(group_page)
        if space.coordinators.name != name and not Group.objects.filter(name=name).exists():
            Group.objects.filter(pk=space.coordinators_id).update(name=name)
    if space.collection is not None and space.collection.name != group_page.title[:200]:
        Collection.objects.filter(pk=space.collection_id).update(name=group_page.title[:200])
