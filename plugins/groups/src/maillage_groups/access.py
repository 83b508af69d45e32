"""Who may see a group's members-only pages and documents, decided at
request time from ``Membership`` rows.

Allowed: the group's members (coordinators are members too) and the
network's officer, i.e. anyone holding the permission
``maillage_groups.view_members_only_content`` (superusers hold every
permission). Everyone else is refused: sent to sign in when anonymous,
answered 403 otherwise. The answer is computed once per person and request
(one query) and kept on the user object.
"""

from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

from .models.membership import Membership

OFFICER_PERMISSION = "maillage_groups.view_members_only_content"
CACHE_ATTRIBUTE = "_maillage_groups_access"

LOGIN = "login"
MEMBERS = "members"


class Access:
    def __init__(self, user):
        self.user = user
        self.authenticated = bool(user is not None and user.is_authenticated and user.is_active)
        self.officer = self.authenticated and user.has_perm(OFFICER_PERMISSION)
        member_of, coordinates = set(), set()
        if self.authenticated:
            rows = Membership.objects.filter(user=user, status=Membership.Status.MEMBER)
            for group_id, is_coordinator in rows.values_list("group_id", "is_coordinator"):
                member_of.add(group_id)
                if is_coordinator:
                    coordinates.add(group_id)
        self.member_of = frozenset(member_of)
        self.coordinates = frozenset(coordinates)

    def sees_members_content(self, group_id) -> bool:
        return self.officer or (group_id is not None and group_id in self.member_of)

    def may_view(self, page) -> bool:
        return not page.is_members_only or self.sees_members_content(page.group_id)

    def manages(self, group_id) -> bool:
        """Coordinators of the group and the officer see replies and requests."""
        return self.officer or group_id in self.coordinates

    def visible_groups_q(self, field="group_id"):
        """A Q over the groups whose members-only items this person sees,
        or None for the officer (every group)."""
        if self.officer:
            return None
        return Q(**{f"{field}__in": sorted(self.member_of)})


def access_for(user) -> Access:
    if user is None:
        return Access(None)
    found = getattr(user, CACHE_ATTRIBUTE, None)
    if found is None:
        found = Access(user)
        try:
            setattr(user, CACHE_ATTRIBUTE, found)
        except AttributeError:  # AnonymousUser-like objects without a __dict__
            pass
    return found


def forget(user):
    """Drop the cached answer after a membership of ``user`` changed."""
    if user is not None and hasattr(user, CACHE_ATTRIBUTE):
        delattr(user, CACHE_ATTRIBUTE)


def refusal(user, page):
    """None when ``user`` may see ``page``, else why not (LOGIN or MEMBERS)."""
    if not page.is_members_only:
        return None
    access = access_for(user)
    if access.sees_members_content(page.group_id):
        return None
    return MEMBERS if access.authenticated else LOGIN


def login_url():
    return reverse("maillage_groups:login")


def refuse(request, reason, group=None):
    """Anonymous visitors are sent to sign in; signed-in people who are not
    members get a 403 page that says whose space this is (``group``) and how
    to join."""
    if reason == LOGIN:
        response = redirect_to_login(request.get_full_path(), login_url=login_url())
    else:
        response = render(request, "maillage_groups/members_only.html", {"group": group}, status=403)
    add_never_cache_headers(response)
    return response


def mark_personal(response, request, *, private):
    """Members-only answers are never kept by a cache; answers that differ
    from one signed-in person to another are kept by their browser only."""
    if private:
        add_never_cache_headers(response)
    elif request.user.is_authenticated:
        patch_cache_control(response, private=True)
    patch_vary_headers(response, ["Cookie"])
    return response



def meetings_visible_to(user, queryset):
    access = access_for(user)
    groups = access.visible_groups_q()
    if groups is None:
        return queryset
    return queryset.filter(Q(members_only=False) | groups)


def minutes_visible_to(user, queryset):
    access = access_for(user)
    groups = access.visible_groups_q()
    if groups is None:
        return queryset
    return queryset.filter(Q(members_only=False, meeting_members_only=False) | groups)
