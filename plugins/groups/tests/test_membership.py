"""Joining, answering, leaving, removing, and the signed links of emails.
Every refused action says why and changes nothing."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from groups_helpers import english

from maillage_core.tokens import make_token
from maillage_groups import tokens
from maillage_groups.models import GroupSpace, GroupStatus, Membership, MembershipPolicy
from maillage_groups.testing import join, make_group, make_person

pytestmark = pytest.mark.django_db
Status = Membership.Status


@pytest.fixture
def group(groups_index):
    return make_group(groups_index, "Groupe pays Burkina Faso", membership_policy=MembershipPolicy.ON_REQUEST)


@pytest.fixture
def coordinator(group):
    person = make_person("coordination@burkina.test", first_name="Camille", last_name="Martin")
    join(person, group, coordinator=True)
    return person


@pytest.fixture(autouse=True)
def client(client, django_capture_on_commit_callbacks):
    """A test client whose requests run their on-commit work (emails) at once,
    as they would after a real request's commit."""

    class CommittingClient:
        def __getattr__(self, name):
            return getattr(client, name)

        def get(self, *args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return client.get(*args, **kwargs)

        def post(self, *args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return client.post(*args, **kwargs)

    return CommittingClient()


@pytest.fixture
def person(client):
    someone = make_person("lea@exemple.org", first_name="Léa", last_name="Dubois")
    client.force_login(someone)
    return someone


def post_join(client, group, **data):
    return client.post(reverse("maillage_groups:join", args=[group.pk]), data, follow=True)


def snapshot():
    return list(Membership.objects.order_by("pk").values_list("user_id", "group_id", "status", "is_coordinator"))


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_asking_to_join_a_group_on_request_emails_each_coordinator_a_decision_link(client, group, coordinator, person):
    with english(client):
        response = post_join(client, group, message="Notre association <b>démarre</b> au Burkina.")
    assert "Your request to join" in response.content.decode()
    membership = Membership.objects.get(user=person, group=group)
    assert membership.status == Status.PENDING
    assert membership.message == "Notre association <b>démarre</b> au Burkina."  # kept as typed, escaped on output
    [email] = mail.outbox
    assert email.to == [coordinator.email] and "/compte/demandes/" in email.body


def test_a_group_without_coordinator_sends_requests_to_the_officer(client, group, person, settings):
    settings.MAILLAGE_OFFICER_EMAIL = "officer@groups.test"  # the site has its own
    post_join(client, group)
    [email] = mail.outbox
    assert email.to == ["officer@groups.test"]


def test_an_open_group_takes_members_at_once(client, groups_index, person):
    open_group = make_group(groups_index, "ECSI", membership_policy=MembershipPolicy.OPEN)
    post_join(client, open_group)
    assert Membership.objects.get(user=person, group=open_group).status == Status.MEMBER
    assert mail.outbox == []


@pytest.mark.parametrize(
    "setup, message",
    [
        ("closed", "closed to new members"),
        ("archived", "archived"),
        ("pending", "already asked"),
        ("member", "already a member"),
    ],
)
def test_refused_join_requests_say_why_and_change_nothing(client, group, person, setup, message):
    if setup == "closed":
        group.membership_policy = MembershipPolicy.CLOSED
        group.save_revision().publish()
    elif setup == "archived":
        group.status = GroupStatus.ARCHIVED
        group.save_revision().publish()
    elif setup == "pending":
        join(person, group, status=Status.PENDING)
    else:
        join(person, group)
    before = snapshot()
    with english(client):
        response = post_join(client, group)
    assert message in response.content.decode()
    assert snapshot() == before and mail.outbox == []


def test_anonymous_join_goes_to_sign_in_and_creates_nothing(client, group):
    response = client.post(reverse("maillage_groups:join", args=[group.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("maillage_groups:login"))
    assert not Membership.objects.exists()


def test_the_honeypot_and_the_rate_limit_stop_robots(client, group, person, settings):
    post_join(client, group, website_url="http://spam.example")
    assert not Membership.objects.exists()
    settings.MAILLAGE_FORM_RATE_LIMIT = 1
    post_join(client, group, website_url="http://spam.example")
    with english(client):
        response = post_join(client, group)
    assert "Too many submissions" in response.content.decode()
    assert not Membership.objects.exists()


# -- the decision link --------------------------------------------------------


def test_the_decision_link_shows_the_request_and_decides_only_on_post(client, group, coordinator, person):
    post_join(client, group, message="<script>alert(1)</script>")
    link = link_in(mail.outbox[0])
    mail.outbox.clear()
    page = client.get(link)
    html = page.content.decode()
    assert page.status_code == 200 and "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert Membership.objects.get(user=person).status == Status.PENDING  # opening the link changed nothing

    client.post(link, {"decision": "approve"})
    membership = Membership.objects.get(user=person)
    assert membership.status == Status.MEMBER and membership.decided_by == coordinator
    [welcome] = mail.outbox
    assert welcome.to == [person.email]


def test_a_replayed_decision_link_says_so_and_changes_nothing(client, group, coordinator, person):
    post_join(client, group)
    link = link_in(mail.outbox[0])
    client.post(link, {"decision": "decline"})
    assert Membership.objects.get(user=person).status == Status.DECLINED
    before, sent = snapshot(), len(mail.outbox)
    with english(client):
        response = client.post(link, {"decision": "approve"})
    assert response.status_code == 409 and "already answered" in response.content.decode()
    assert snapshot() == before and len(mail.outbox) == sent


def test_forged_or_altered_decision_links_change_nothing(client, group, coordinator, person):
    post_join(client, group)
    membership = Membership.objects.get(user=person)
    link = link_in(mail.outbox[0])
    before = snapshot()
    forged = make_token("other-purpose", {"m": membership.pk, "v": tokens.stamp(membership.requested_at), "by": None})
    for url in (link[:-6] + "abcde/", reverse("maillage_groups:decide", args=[forged])):
        response = client.post(url, {"decision": "approve"})
        assert response.status_code == 400
    assert snapshot() == before


def test_an_old_decision_link_cannot_answer_a_request_made_again(client, group, coordinator, person):
    post_join(client, group)
    old_link = link_in(mail.outbox[0])
    client.post(reverse("maillage_groups:leave", args=[group.pk]))  # withdraws
    post_join(client, group)  # asks again
    before = snapshot()
    with english(client):
        response = client.post(old_link, {"decision": "approve"})
    assert response.status_code == 400 and "out of date" in response.content.decode()
    assert snapshot() == before


def test_a_link_sent_to_a_former_coordinator_no_longer_works(client, group, coordinator, person):
    post_join(client, group)
    link = link_in(mail.outbox[0])
    Membership.objects.filter(user=coordinator).update(is_coordinator=False)
    response = client.post(link, {"decision": "approve"})
    assert response.status_code == 403 and Membership.objects.get(user=person).status == Status.PENDING


# -- leaving, removing, coordinators --------------------------------------------


def test_a_member_leaves_and_a_coordinator_who_leaves_loses_the_admin_rights(client, group, coordinator):
    client.force_login(coordinator)
    space = GroupSpace.objects.get(group=group)
    assert coordinator.groups.filter(pk=space.coordinators_id).exists()
    client.post(reverse("maillage_groups:leave", args=[group.pk]))
    membership = Membership.objects.get(user=coordinator)
    assert (membership.status, membership.is_coordinator) == (Status.LEFT, False)
    assert not coordinator.groups.filter(pk=space.coordinators_id).exists()
    response = client.post(reverse("maillage_groups:leave", args=[group.pk]), follow=True)
    assert Membership.objects.get(user=coordinator).status == Status.LEFT
    assert response.status_code == 200


def test_a_coordinator_removes_a_member_from_the_admin(client, group, coordinator):
    member = make_person("awa@exemple.org")
    membership = join(member, group)
    client.force_login(coordinator)
    url = reverse("maillage_groups_members:edit", args=[membership.pk])
    response = client.post(url, {"status": "removed", "notify_meetings": "on", "notify_minutes": "on"})
    assert response.status_code == 302
    assert Membership.objects.get(pk=membership.pk).status == Status.REMOVED
    assert [email.to for email in mail.outbox] == [[member.email]]


def test_a_coordinator_approves_in_the_admin_but_cannot_grant_coordination(client, group, coordinator, person):
    membership = join(person, group, status=Status.PENDING)
    client.force_login(coordinator)
    url = reverse("maillage_groups_members:edit", args=[membership.pk])
    client.post(url, {"status": "member", "is_coordinator": "on", "notify_meetings": "on", "notify_minutes": "on"})
    membership.refresh_from_db()
    assert (membership.status, membership.is_coordinator, membership.decided_by) == (Status.MEMBER, False, coordinator)


def test_coordinators_cannot_open_another_groups_memberships(client, groups_index, group, coordinator):
    other = make_group(groups_index, "Groupe pays Sénégal")
    membership = join(make_person("thies@exemple.org"), other)
    client.force_login(coordinator)
    assert client.get(reverse("maillage_groups_members:edit", args=[membership.pk])).status_code == 404
    client.post(reverse("maillage_groups_members:edit", args=[membership.pk]), {"status": "removed"})
    assert Membership.objects.get(pk=membership.pk).status == Status.MEMBER


def test_an_impossible_status_change_in_the_admin_says_so(client, group, coordinator, person):
    membership = join(person, group, status=Status.DECLINED)
    client.force_login(coordinator)
    with english(client):
        response = client.post(
            reverse("maillage_groups_members:edit", args=[membership.pk]), {"status": "member"}, follow=True
        )
    assert "left as it was" in response.content.decode()
    assert Membership.objects.get(pk=membership.pk).status == Status.DECLINED


def test_the_account_page_lists_groups_and_pending_requests(client, groups_index, group, person):
    join(person, group)
    join(person, make_group(groups_index, "Santé mondiale"), status=Status.PENDING)
    join(person, make_group(groups_index, "Groupe pays Mali"), status=Status.DECLINED)
    html = client.get(reverse("maillage_groups:account")).content.decode()
    groups_part, pending_part = html.split('id="my-requests"')
    assert "Groupe pays Burkina Faso" in groups_part and "Santé mondiale" not in groups_part
    assert "Santé mondiale" in pending_part
    assert "Groupe pays Mali" not in html
