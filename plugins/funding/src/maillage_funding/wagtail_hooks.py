from wagtail import hooks

from maillage_core import hooks as maillage_hooks

from . import alerts, personal_data, sources
from .viewsets import FundingViewSetGroup


@hooks.register("register_admin_viewset")
def register_funding_admin():
    return FundingViewSetGroup()


@hooks.register(maillage_hooks.SEARCH_SOURCES)
def call_search_source():
    return sources.CallSearchSource()


@hooks.register(maillage_hooks.HOME_FIGURES)
def funding_figures(request):
    return sources.home_figures(request)


@hooks.register(maillage_hooks.HOME_SECTIONS)
def funding_sections(request):
    return sources.home_sections(request)


@hooks.register(maillage_hooks.COUNTRY_SECTIONS)
def funding_country_section(request, country_code):
    return sources.country_section(request, country_code)


@hooks.register(maillage_hooks.UPCOMING_EVENTS)
def funding_closing_dates(request, limit):
    return sources.upcoming_events(request, limit)


@hooks.register(maillage_hooks.SUBSCRIPTION_TOPICS)
def funding_topic():
    return [alerts.funding_topic()]


@hooks.register(maillage_hooks.DEMO_CONTENT)
def funding_demo():
    from . import demo  # only when the demo is asked for: a site never imports it

    return demo.load


@hooks.register(maillage_hooks.PERSONAL_DATA)
def funding_personal_data():
    return personal_data.kinds()
