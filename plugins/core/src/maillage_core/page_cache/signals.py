"""Which saves and deletes renew the content version.

Every model's, except those that never reach a public page: sessions, logs,
revisions and workflow state (a draft is not public), the search outbox,
renditions (made while a page is drawn), task rows, and what plugins list
through the ``maillage_page_cache_ignored_models`` hook (subscribers, sent
mail...). A new model is fresh by default: forgetting to list a private one
costs cache hits, never a stale page.
"""

from functools import cache

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import content_changed

IGNORED_APPS = {"admin", "sessions", "contenttypes", "axes", "django_tasks", "django_tasks_db", "wagtailsearch"}
IGNORED_MODELS = {
    "wagtailcore.revision", "wagtailcore.pagelogentry", "wagtailcore.modellogentry", "wagtailcore.taskstate",
    "wagtailcore.workflowstate", "wagtailcore.pagesubscription", "wagtailcore.comment",
    "wagtailcore.commentreply", "wagtailcore.referenceindex", "wagtailcore.uploadedfile",
    "wagtailadmin.editingsession", "wagtailadmin.admin", "wagtailusers.userprofile",
    "wagtailimages.rendition", "wagtailimages.uploadedimage", "maillage_core.pendingindexupdate",
}


@cache
def ignored_labels():
    from wagtail import hooks

    from ..hooks import PAGE_CACHE_IGNORED_MODELS

    labels = set(IGNORED_MODELS)
    for hook in hooks.get_hooks(PAGE_CACHE_IGNORED_MODELS):
        labels.update(model._meta.label_lower for model in hook())
    return frozenset(labels)


def shown_publicly(model):
    meta = model._meta
    if meta.app_label in IGNORED_APPS or meta.label_lower in ignored_labels():
        return False
    # A rendition model of an image model of the site's own (custom images).
    return not any(base.__name__ == "AbstractRendition" for base in model.__mro__)


#: Fields whose update alone shows nowhere public (a sign-in's date).
BOOKKEEPING_FIELDS = frozenset({"last_login"})


def changed(sender, created=False, update_fields=None, **kwargs):
    if created and created_with_defaults(sender):
        return
    if update_fields and BOOKKEEPING_FIELDS.issuperset(update_fields):
        return
    if shown_publicly(sender):
        renew()


def created_with_defaults(model):
    """Wagtail makes a settings row, with its defaults, the first time a
    page asks for it: the page being drawn already shows those defaults."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return issubclass(model, (BaseSiteSetting, BaseGenericSetting))


def register():
    from wagtail.signals import page_unpublished, post_page_move, unpublished

    post_save.connect(changed, dispatch_uid="maillage_page_cache_save")
    post_delete.connect(changed, dispatch_uid="maillage_page_cache_delete")
    m2m_changed.connect(changed, dispatch_uid="maillage_page_cache_m2m")
    # Unpublishing and moving also write descendants with QuerySet.update().
    for signal in (page_unpublished, unpublished, post_page_move):
        signal.connect(renew, dispatch_uid=f"maillage_page_cache_{id(signal)}")


def renew(**kwargs):
    content_changed()
    # Once more when the transaction commits: a visitor's page drawn in
    # between read the rows as they were, under the new version.
    transaction.on_commit(content_changed)
