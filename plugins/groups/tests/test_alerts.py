"""The "public meetings of working groups" topic offered to subscribers:
meetings published since, open to everyone, of the chosen groups."""

import pytest
from django.utils import timezone

from maillage_core.subscriptions.topics import get_topic
from maillage_groups.testing import make_group, make_meeting

pytestmark = pytest.mark.django_db


def test_new_public_meetings_of_the_chosen_groups(groups_index):
    senegal, education = make_group(groups_index, "Groupe Sénégal"), make_group(groups_index, "Groupe Éducation")
    make_meeting(senegal, "Ancienne réunion")
    since = timezone.now()
    make_meeting(senegal, "Réunion de printemps")
    make_meeting(senegal, "Bureau restreint", members_only=True)
    make_meeting(senegal, "Brouillon", publish=False)
    make_meeting(education, "Réunion des enseignants")

    topic = get_topic("reunions-groupes")
    for filters, expected in [  # (filters, titles listed)
        ({}, ["Groupe Sénégal : Réunion de printemps", "Groupe Éducation : Réunion des enseignants"]),
        ({"group": [str(senegal.pk)]}, ["Groupe Sénégal : Réunion de printemps"]),
        ({"group": ["not-a-number"]}, []),
    ]:
        items = topic.new_items(since, filters)
        assert [item.title for item in items] == expected, filters
        assert all(item.url.startswith("http://") for item in items)
    assert (str(senegal.pk), "Groupe Sénégal") in topic.filter("group").choices()
