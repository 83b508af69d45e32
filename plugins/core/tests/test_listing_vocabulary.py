"""A faceted listing's vocabulary (``maillage_core.listing.facets.Vocabulary``)
is read once per process, class and language while the content stays the
same: an officer's edit, another language or a settings change reads it again."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from maillage_core.listing import facets
from maillage_core.models import Sector

pytestmark = pytest.mark.django_db

LABELS = {"size": "big"}


class SharedVocabulary(facets.Vocabulary):
    def load(self):
        options = facets.shared_options()
        options["size"] = [facets.Option("x", "x", LABELS["size"])]
        return options


class OtherVocabulary(SharedVocabulary):
    pass


def queries_of(make):
    with CaptureQueriesContext(connection) as captured:
        vocabulary = make()
    return len(captured), vocabulary


def test_the_vocabulary_is_read_once_per_class_and_language(vocabulary):
    first, found = queries_of(SharedVocabulary)
    assert first >= 4 and found.by_value("sector", "sante") is not None
    assert queries_of(SharedVocabulary)[0] == 0
    assert queries_of(OtherVocabulary)[0] == first  # another listing's options are its own
    with translation.override("en"):
        count, english = queries_of(SharedVocabulary)
    assert count == first
    assert english.by_value("sector", "sante").label != found.by_value("sector", "sante").label


def test_an_edit_of_the_vocabulary_shows_at_the_next_request(vocabulary):
    SharedVocabulary()
    sector = Sector.objects.get(slug="sante")
    sector.name = "Santé mondiale"
    sector.save()
    with translation.override("fr"):
        assert SharedVocabulary().by_value("sector", "sante").label == "Santé mondiale"


def test_a_settings_change_reads_the_vocabulary_again(vocabulary, settings):
    SharedVocabulary()
    LABELS["size"] = "small"
    try:
        assert SharedVocabulary().by_value("size", "x").label == "big"  # kept
        settings.MAILLAGE_ANY_SETTING = 1
        assert SharedVocabulary().by_value("size", "x").label == "small"
    finally:
        LABELS["size"] = "big"
