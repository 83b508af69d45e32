from django.db.models.signals import post_delete


def remove_from_index(instance, **kwargs):
    from modelsearch.backends import get_search_backends_with_name

    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        backend.delete(instance)


def reindex_calls_of(instance, **kwargs):
    """A funder renamed or of another kind: its calls' documents change."""
    from .models.calls import index_call

    for pk in instance.calls.values_list("pk", flat=True):
        index_call(pk)


def register():
    from django.db.models.signals import post_save

    from .models import Funder, FundingCall

    post_delete.connect(remove_from_index, sender=FundingCall, dispatch_uid="maillage_funding_unindex")
    post_save.connect(reindex_calls_of, sender=Funder, dispatch_uid="maillage_funding_funder_saved")
