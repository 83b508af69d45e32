from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from maillage_core import hooks as maillage_hooks
from maillage_core.search.private_pages import PRIVATE_PAGES_HOOK
from maillage_core.search.visibility import VISIBILITY_HOOK

from . import access, alerts, documents, personal_data, sources
from .models import GroupPage, MeetingPage, MinutesPage, members_key
from .viewsets import GroupsViewSetGroup


@hooks.register("register_admin_viewset")
def register_groups_admin():
    return GroupsViewSetGroup()


# Before Wagtail's own check of collection restrictions (order 0), so that a
# signed-in person who is not a member gets a 403, not a sign-in page.
@hooks.register("before_serve_document", order=-10)
def members_only_documents(document, request):
    return documents.serve_check(document, request)


# The two privacy hooks read every group's pages: they live here, above the
# models, not in ``access``, which the pages themselves use.
@hooks.register(VISIBILITY_HOOK)
def members_search_visibility(user):
    """The ``members:groups-<id>`` values this person may find
    (``maillage_search_visibility`` hook): one engine filter whatever the
    number of private pages."""
    found = access.access_for(user)
    if found.officer:
        return [members_key(pk) for pk in GroupPage.objects.values_list("pk", flat=True)]
    return [members_key(pk) for pk in sorted(found.member_of)]


@hooks.register(PRIVATE_PAGES_HOOK)
def members_only_pages(user):
    """Members-only pages this person may not see, as one condition per page
    type (``maillage_private_pages`` hook, for ORM page queries)."""
    found = access.access_for(user)
    if found.officer:
        return None
    groups = sorted(found.member_of)
    meetings = MeetingPage.objects.filter(members_only=True).exclude(group_id__in=groups)
    minutes = MinutesPage.objects.filter(Q(members_only=True) | Q(meeting_members_only=True)).exclude(
        group_id__in=groups
    )
    return Q(pk__in=meetings.values("pk")) | Q(pk__in=minutes.values("pk"))


@hooks.register("before_delete_page")
def keep_group_pages(request, page):
    """A group page holds members and their history: only the officer deletes it."""
    if isinstance(page.specific, GroupPage) and not access.access_for(request.user).officer:
        messages.error(request, _("Only the network's team can delete a working group. Archive it instead."))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register(maillage_hooks.SEARCH_SOURCES)
def groups_search_source():
    return sources.GroupSearchSource()


@hooks.register(maillage_hooks.HOME_FIGURES)
def groups_figures(request):
    return sources.home_figures(request)


@hooks.register(maillage_hooks.HOME_SECTIONS)
def groups_home_sections(request):
    return sources.home_sections(request)


@hooks.register(maillage_hooks.UPCOMING_EVENTS)
def groups_upcoming_meetings(request, limit):
    return sources.upcoming_events(request, limit)


@hooks.register(maillage_hooks.COUNTRY_SECTIONS)
def groups_country_section(request, country_code):
    return sources.country_section(request, country_code)


@hooks.register(maillage_hooks.DEMO_CONTENT)
def groups_demo():
    from . import demo  # only when the demo is asked for: a site never imports it

    return demo.load


@hooks.register("register_permissions")
def groups_permissions():
    """Offered in Settings › Groups: the officer's "see every group's
    members-only content", and managing memberships."""
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="maillage_groups",
        codename__in=["view_members_only_content", "view_membership", "change_membership", "delete_membership"],
    )


@hooks.register(maillage_hooks.PERSONAL_DATA)
def groups_personal_data():
    return personal_data.kinds()


@hooks.register(maillage_hooks.SUBSCRIPTION_TOPICS)
def group_meeting_topics():
    return alerts.topics()
