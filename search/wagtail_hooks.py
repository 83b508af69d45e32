from wagtail import hooks

from maillage_core.hooks import SEARCH_SOURCES

from .sources import PageSearchSource


@hooks.register(SEARCH_SOURCES)
def page_source():
    return PageSearchSource()
