from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from maillage_core import hooks as maillage_hooks

from .profiles import CountryProfile
from .search import CountrySearchSource


class CountryProfileViewSet(SnippetViewSet):
    model = CountryProfile
    icon = "site"
    menu_label = _("Countries")
    menu_name = "countries"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["__str__", "capital", "updated_at"]
    search_fields = ["capital", "languages"]


register_snippet(CountryProfileViewSet)


@hooks.register(maillage_hooks.SEARCH_SOURCES)
def country_search_source():
    return CountrySearchSource()


@hooks.register(maillage_hooks.DEMO_CONTENT)
def countries_demo():
    from . import demo  # only when the demo is asked for: a site never imports it

    return demo.load
