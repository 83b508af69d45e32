from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from maillage_core import hooks as maillage_hooks

from . import alerts, contributions, personal_data
from .models import Registration
from .search import TrainingSearchSource
from .viewsets import TrainingViewSetGroup


@hooks.register("register_admin_viewset")
def register_training_admin():
    return TrainingViewSetGroup()


@hooks.register(maillage_hooks.SEARCH_SOURCES)
def training_search_source():
    return TrainingSearchSource()


@hooks.register(maillage_hooks.HOME_FIGURES)
def training_figures(request):
    return contributions.home_figures(request)


@hooks.register(maillage_hooks.HOME_SECTIONS)
def training_sections(request):
    return contributions.home_sections(request)


@hooks.register(maillage_hooks.UPCOMING_EVENTS)
def upcoming_training_sessions(request, limit):
    return contributions.upcoming_events(request, limit)


@hooks.register(maillage_hooks.DEMO_CONTENT)
def training_demo():
    from . import demo  # only when the demo is asked for: a site never imports it

    return demo.load


@hooks.register("before_delete_page")
def keep_trainings_with_registrations(request, page):
    """Registrations are records the network must keep (and erase on its own
    schedule): a training holding some is unpublished, never deleted."""
    if Registration.objects.filter(session__training__path__startswith=page.path).exists():
        messages.error(
            request,
            _("“%(title)s” has registrations, so it cannot be deleted. Unpublish it instead.") % {"title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register(maillage_hooks.PERSONAL_DATA)
def training_personal_data():
    return personal_data.kinds()


@hooks.register(maillage_hooks.SUBSCRIPTION_TOPICS)
def training_topics():
    return alerts.topics()
