"""Keep the visibility field right when page privacy changes.

A view restriction on a page changes what every page below it may show in
search, so those pages are indexed again.
"""

from django.db.models.signals import post_delete, post_save


def reindex_subtree(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    from modelsearch.backends import get_search_backends_with_name
    from modelsearch.index import class_is_indexed
    from wagtail.models import Page

    try:
        page = instance.page
    except Page.DoesNotExist:
        return  # the page itself is being deleted
    by_model = {}
    for descendant in page.get_descendants(inclusive=True).specific().iterator(chunk_size=500):
        if class_is_indexed(type(descendant)):
            by_model.setdefault(type(descendant), []).append(descendant)
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        for model, pages in by_model.items():
            backend.add_bulk(model, pages)


def register():
    from wagtail.models import PageViewRestriction

    post_save.connect(reindex_subtree, sender=PageViewRestriction, dispatch_uid="maillage_reindex_subtree_save")
    post_delete.connect(reindex_subtree, sender=PageViewRestriction, dispatch_uid="maillage_reindex_subtree_delete")
