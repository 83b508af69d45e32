"""Uploaded files served from MEDIA_ROOT, except documents.

Documents may be private (a collection's privacy setting, a working
group's members-only documents): only Wagtail's /documents/ view checks who
downloads them. With the default storage their files still sit in
MEDIA_ROOT, so whatever serves MEDIA_URL must refuse those folders. A
prefix test on the requested path is not enough: ``//documents``,
``./documents``, ``x/../documents``, ``%2e/documents``, a symbolic link,
or ``Documents`` on a case-insensitive file system all reach the same
files. ``serve_media`` therefore asks where a path *lands*, after the very
normalisation ``django.views.static.serve`` applies, and answers 404 for
anything inside a documents folder.
"""

import os
import posixpath
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from django.utils._os import safe_join
from django.utils.translation import gettext as _
from django.views.static import serve

# Wagtail's document model stores its files under "documents"; older Wagtail
# kept uploads not yet turned into documents under "uploaded_documents", a
# folder that sites upgraded since may still hold.
LEGACY_FOLDERS = ("uploaded_documents",)


def document_folders():
    """The MEDIA_ROOT folders holding document files, read from the document
    model (a custom one may store its files elsewhere)."""
    from wagtail.documents import get_document_model

    upload_to = get_document_model()._meta.get_field("file").upload_to
    folder = upload_to.strip("/").split("/")[0] if isinstance(upload_to, str) and upload_to.strip("/") else ""
    return (folder or "documents", *LEGACY_FOLDERS)


def lands_in_documents(path, document_root) -> bool:
    """Whether the media path ``path`` (as in the URL, below MEDIA_URL)
    names a file or folder inside a documents folder of ``document_root``.
    A path that cannot be placed below the root counts as inside."""
    if "\x00" in path:
        return True
    # serve() normalises this way; backslashes separate folders on Windows.
    relative = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    root = Path(document_root).resolve()
    try:
        target = Path(safe_join(root, relative)).resolve()
    except (SuspiciousFileOperation, ValueError, OSError):
        return True
    for folder in document_folders():
        private = (root / folder).resolve()
        if target == private or private in target.parents:
            return True
        if target.is_relative_to(root) and target != root:
            first = target.relative_to(root).parts[0]
            # Windows ignores trailing dots and spaces; macOS and Windows ignore case.
            if first.rstrip(". ").casefold() == folder.casefold():
                return True
        if private.exists() and any(
            ancestor.exists() and os.path.samefile(ancestor, private)
            for ancestor in [target, *target.parents]
            if ancestor != root and ancestor.is_relative_to(root)
        ):
            return True  # the same folder under another name (case-insensitive file system, hard link)
    return False


def serve_media(request, path, document_root=None, show_indexes=False):
    """``django.views.static.serve`` for development, refusing documents (404)."""
    document_root = document_root or settings.MEDIA_ROOT
    if lands_in_documents(path, document_root):
        raise Http404(_("Documents are served by their own address, which checks who may download them."))
    return serve(request, path, document_root=document_root, show_indexes=show_indexes)
