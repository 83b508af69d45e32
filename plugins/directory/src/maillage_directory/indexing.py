"""Search documents of actors, always built from the published row."""

from modelsearch.backends import get_search_backends_with_name


def index_actor(pk):
    from .models import Actor

    actor = Actor.get_indexed_objects().filter(pk=pk).first()
    if actor is None:
        return
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        backend.add(actor)


def remove_actor(actor):
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        backend.delete(actor)
