from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from maillage_core import hooks as maillage_hooks

from . import sources
from .viewsets import YouthViewSetGroup


@hooks.register("register_admin_viewset")
def register_youth_admin():
    return YouthViewSetGroup()


@hooks.register("register_log_actions")
def register_youth_log_actions(actions):
    actions.register_action(
        "maillage_youth.close", _("Closed after its closing date"), _("Closed after its closing date")
    )


@hooks.register(maillage_hooks.SEARCH_SOURCES)
def offer_search_source():
    return sources.OfferSearchSource()


@hooks.register(maillage_hooks.SEARCH_SOURCES)
def scheme_search_source():
    return sources.SchemeSearchSource()


@hooks.register(maillage_hooks.SEARCH_SOURCES)
def testimony_search_source():
    return sources.TestimonySearchSource()


@hooks.register(maillage_hooks.HOME_FIGURES)
def youth_figures(request):
    return sources.home_figures(request)


@hooks.register(maillage_hooks.HOME_SECTIONS)
def youth_sections(request):
    return sources.home_sections(request)


@hooks.register(maillage_hooks.COUNTRY_SECTIONS)
def youth_country_section(request, country_code):
    return sources.country_section(request, country_code)


@hooks.register(maillage_hooks.DEMO_CONTENT)
def youth_demo():
    from . import demo  # only when the demo is asked for: a site never imports it

    return demo.load
