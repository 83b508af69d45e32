"""Members-only documents, served through Wagtail's own document URL.

A document in a group's members-only collection (or a collection below it)
is served only to the group's members and the officer: Wagtail's serve view
asks the ``before_serve_document`` hooks first, and ours answers for
everyone else (sign in, or 403). The collection also carries Wagtail's
"signed-in people" restriction, so that anonymous visitors are refused even
by Wagtail's own check. Files are never linked by their storage address:
``checks`` refuses ``WAGTAILDOCS_SERVE_METHOD = "direct"``.
"""

from wagtail.models import Collection

from .access import LOGIN, MEMBERS, access_for, refuse
from .models.membership import GroupSpace


def collection_paths(collection):
    steplen = Collection.steplen
    return [collection.path[:end] for end in range(steplen, len(collection.path) + 1, steplen)]


def members_space_of(collection):
    """The GroupSpace whose members-only collection holds ``collection``, if any."""
    return (
        GroupSpace.objects.filter(members_collection__path__in=collection_paths(collection))
        .select_related("group")
        .first()
    )


def is_members_only_collection(collection) -> bool:
    return members_space_of(collection) is not None


def serve_check(document, request):
    """``before_serve_document``: None lets Wagtail serve the file."""
    space = members_space_of(document.collection)
    if space is None:
        return None
    access = access_for(request.user)
    if access.sees_members_content(space.group_id):
        return None
    return refuse(request, MEMBERS if access.authenticated else LOGIN, space.group)
