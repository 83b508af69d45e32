from wagtail import hooks

from .viewsets import VocabularyViewSetGroup


@hooks.register("register_admin_viewset")
def register_vocabulary():
    return VocabularyViewSetGroup()
