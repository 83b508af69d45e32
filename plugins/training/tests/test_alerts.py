"""The "new trainings" topic offered to subscribers: the trainings
published since, in the chosen sectors, each with its absolute address."""

import pytest
from django.utils import timezone

from maillage_core.subscriptions.topics import get_topic

pytestmark = pytest.mark.django_db

CASES = [  # (filters, titles listed)
    ({}, ["Santé communautaire", "Pédagogie active"]),
    ({"sector": ["sante"]}, ["Santé communautaire"]),
    ({"sector": ["sport"]}, []),
]


def test_new_trainings_of_the_chosen_sectors(make_training):
    make_training("Ancienne formation", sectors=["sante"])
    since = timezone.now()
    make_training("Santé communautaire", sectors=["sante"])
    make_training("Pédagogie active", sectors=["education"])
    make_training("Brouillon", sectors=["sante"], publish=False)

    topic = get_topic("formations")
    for filters, expected in CASES:
        items = topic.new_items(since, filters)
        assert [item.title for item in items] == expected, filters
        assert all(item.url.startswith("http://") and item.key.startswith("training:") for item in items)
    assert ("sante", "Santé") in list(topic.filter("sector").choices())
