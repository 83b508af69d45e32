from .choices import GroupKind, GroupStatus, MembershipPolicy
from .membership import AttendanceReply, GroupSpace, MemberNotification, Membership
from .pages import (
    GroupIndexPage,
    GroupIndexPageMixin,
    GroupPage,
    GroupPageMixin,
    MeetingDocument,
    MeetingPage,
    MeetingPageMixin,
    MembersOnlyPageMixin,
    MinutesDocument,
    MinutesPage,
    MinutesPageMixin,
    members_key,
)

__all__ = [
    "AttendanceReply",
    "GroupIndexPage",
    "GroupIndexPageMixin",
    "GroupKind",
    "GroupPage",
    "GroupPageMixin",
    "GroupSpace",
    "GroupStatus",
    "MeetingDocument",
    "MeetingPage",
    "MeetingPageMixin",
    "MemberNotification",
    "Membership",
    "MembershipPolicy",
    "MembersOnlyPageMixin",
    "MinutesDocument",
    "MinutesPage",
    "MinutesPageMixin",
    "members_key",
]
