from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy

from maillage_core import hooks as maillage_hooks

from . import personal_data, sources
from .models import Actor
from .viewsets import DirectoryViewSetGroup


@hooks.register("register_admin_viewset")
def register_directory():
    return DirectoryViewSetGroup()


@hooks.register("register_snippet_listing_buttons")
def request_update_button(snippet, user, next_url=None):
    if isinstance(snippet, Actor) and ModelPermissionPolicy(Actor).user_has_permission(user, "change"):
        yield ListingButton(
            _("Ask for an update"),
            reverse("maillage_directory_import:request_update", args=[snippet.pk]),
            icon_name="mail",
            priority=60,
        )


@hooks.register(maillage_hooks.SEARCH_SOURCES)
def actor_search_source():
    return sources.ActorSearchSource()


@hooks.register(maillage_hooks.HOME_FIGURES)
def directory_figures(request):
    return sources.home_figures(request)


@hooks.register(maillage_hooks.ORGANISATIONS)
def directory_organisations(query, limit):
    return sources.organisations(query, limit)


@hooks.register(maillage_hooks.SURVEY_RESPONDENTS)
def directory_survey_respondents(keys):
    return sources.survey_respondents(keys)


@hooks.register(maillage_hooks.COUNTRY_SECTIONS)
def directory_country_section(request, country_code):
    return sources.country_section(request, country_code)


@hooks.register(maillage_hooks.COUNTRY_FIGURES)
def directory_country_figures(request):
    return sources.country_figures(request)


@hooks.register(maillage_hooks.SEARCH_REBUILDERS)
def actor_rebuilder():
    from .indexing import reindex_all

    return [(Actor, reindex_all)]


@hooks.register(maillage_hooks.DEMO_CONTENT)
def directory_demo():
    from . import demo  # only when the demo is asked for: a site never imports it

    return demo.load


@hooks.register(maillage_hooks.PERSONAL_DATA)
def directory_personal_data():
    return personal_data.kinds()


@hooks.register(maillage_hooks.SITEMAP_ENTRIES)
def register_sitemap_entries(request):
    from maillage_core.sitemaps import routed_entries

    return routed_entries(Actor.objects.live().only("slug", "updated_at").order_by("pk"), request)
