"""The officer's and coordinators' side: each group's space (permission
group, collections), coordinators' rights over their own pages only, the
member listings and their export."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import CollectionViewRestriction, GroupPagePermission

from maillage_groups.models import GroupSpace, Membership
from maillage_groups.testing import join, make_group, make_meeting, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def burkina(groups_index):
    return make_group(groups_index, "Groupe pays Burkina Faso")


@pytest.fixture
def senegal(groups_index):
    return make_group(groups_index, "Groupe pays Sénégal")


@pytest.fixture
def coordinator(client, burkina):
    person = make_person("coord@burkina.test")
    join(person, burkina, coordinator=True)
    client.force_login(person)
    return person


def test_each_group_gets_a_coordination_group_and_two_collections(burkina):
    space = GroupSpace.objects.select_related("coordinators", "collection", "members_collection").get(group=burkina)
    assert space.coordinators.name.startswith("Groupe pays Burkina Faso — coordination")
    assert set(GroupPagePermission.objects.filter(group=space.coordinators).values_list("page_id", flat=True)) == {
        burkina.pk
    }
    assert space.coordinators.permissions.filter(codename="access_admin").exists()
    assert space.members_collection.get_parent() == space.collection
    restriction = CollectionViewRestriction.objects.get(collection=space.members_collection)
    assert restriction.restriction_type == CollectionViewRestriction.LOGIN
    assert not CollectionViewRestriction.objects.filter(collection=space.collection).exists()


def test_coordinators_edit_their_groups_pages_and_nothing_else(client, burkina, senegal, coordinator):
    own = make_meeting(burkina, "Réunion du groupe")
    other = make_meeting(senegal, "Réunion d'un autre groupe")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    add_meeting = reverse("wagtailadmin_pages:add", args=["maillage_groups", "meetingpage", burkina.pk])
    assert client.get(add_meeting).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code == 302
    assert client.get(reverse("wagtailadmin_pages:edit", args=[burkina.get_parent().pk])).status_code == 302
    listing = client.get(reverse("maillage_groups_meetings:index")).content.decode()
    assert "Réunion du groupe" in listing and "Réunion d&#x27;un autre groupe" not in listing


def test_only_the_officer_deletes_a_group(client, admin_client, burkina, coordinator):
    delete = reverse("wagtailadmin_pages:delete", args=[burkina.pk])
    client.post(delete)
    assert type(burkina).objects.filter(pk=burkina.pk).exists()
    admin_client.post(delete)
    assert not type(burkina).objects.filter(pk=burkina.pk).exists()


def test_the_officer_exports_members_with_formulas_defused(admin_client, burkina, senegal):
    join(make_person("awa@exemple.org", first_name="=HYPERLINK(\"http://x\")", last_name="Awa"), burkina)
    join(make_person("lea@exemple.org", first_name="Léa"), senegal, status=Membership.Status.PENDING)
    response = admin_client.get(reverse("maillage_groups_members:index") + "?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    people = {row[1]: row for row in rows[1:]}
    assert set(people) == {"awa@exemple.org", "lea@exemple.org"}
    assert people["awa@exemple.org"][0].startswith("'=HYPERLINK")


def test_the_requests_listing_shows_pending_requests_only(admin_client, burkina):
    join(make_person("pending@exemple.org"), burkina, status=Membership.Status.PENDING)
    join(make_person("member@exemple.org"), burkina)
    html = admin_client.get(reverse("maillage_groups_requests:index")).content.decode()
    assert "pending@exemple.org" in html and "member@exemple.org" not in html


def test_the_group_listing_counts_members_and_requests(admin_client, burkina):
    join(make_person("a@exemple.org"), burkina)
    join(make_person("b@exemple.org"), burkina)
    join(make_person("c@exemple.org"), burkina, status=Membership.Status.PENDING)
    response = admin_client.get(reverse("maillage_groups_groups:index"))
    assert response.status_code == 200
    row = response.content.decode().split("Groupe pays Burkina Faso", 1)[1].split("</tr>", 1)[0]
    assert ">2<" in row.replace(" ", "").replace("\n", "") and ">1<" in row.replace(" ", "").replace("\n", "")


def test_the_officers_permission_is_offered_in_the_group_settings(admin_client):
    permission = Permission.objects.get(codename="view_members_only_content")
    html = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()
    assert f'value="{permission.pk}"' in html
