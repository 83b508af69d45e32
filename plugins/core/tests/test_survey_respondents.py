"""Core's ``maillage_survey_respondents`` hook gathers the actors every
plugin knows, sorted by name, limited to the keys asked for."""

import pytest
from wagtail import hooks

from maillage_core import hooks as maillage_hooks
from maillage_core.hooks import Respondent


@pytest.mark.django_db  # in a site, the directory's actors are asked too (none here)
def test_respondents_of_every_plugin_are_gathered_by_name_and_limited_to_the_keys_asked():
    asked = []

    def first(keys):
        asked.append(keys)
        return [Respondent("a:2", "Zèbre"), Respondent("a:1", "abeille")]

    def careless(keys):  # a plugin that ignores ``keys``: core still keeps only those asked
        return [Respondent("b:1", "Baobab", email="b@example.org")]

    with hooks.register_temporarily(maillage_hooks.SURVEY_RESPONDENTS, first), \
         hooks.register_temporarily(maillage_hooks.SURVEY_RESPONDENTS, careless):
        assert [r.key for r in maillage_hooks.survey_respondents()] == ["a:1", "b:1", "a:2"]
        assert [r.key for r in maillage_hooks.survey_respondents(["a:2"])] == ["a:2"]
    assert asked == [None, {"a:2"}]
