"""The fast reindex builds the same documents as modelsearch, and a
directory rebuilt with it searches the same."""

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags
from modelsearch.backends import get_search_backend

from maillage_directory.indexing import documents, plain_text
from maillage_directory.models import Actor
from maillage_directory.search import engine
from maillage_directory.search.facets import NAME

pytestmark = pytest.mark.django_db


def normalised(document):
    return {key: sorted(value) if isinstance(value, list) else value for key, value in document.items()}


def test_fast_documents_equal_modelsearch_documents(make_actor, settings, search_engine):
    make_actor("Bioforce", acronym="BF", type="association", countries=["SN", "BF"], sectors=["sante", "culture"],
               sdgs=[3, 4], department="69", city="Vénissieux", description="<p>Former <b>les</b> humanitaires</p>")
    make_actor("Sans rien")
    make_actor("Brouillon", live=False, countries=["ML"])
    mapping = get_search_backend().mapping_class(Actor)
    expected = {a.pk: normalised(mapping.get_document(a)) for a in Actor.get_indexed_objects()}
    built = {pk: normalised(document) for pk, document in documents(list(expected))}
    assert built == expected


@pytest.mark.parametrize("html", [
    "",
    "Sans balise",
    "<p>Former <b>les</b> humanitaires</p><ul><li>un</li><li>deux</li></ul>",
    '<p><a href="https://exemple.org/?a=1>2" title=\'x > y\'>lien</a><br/>suite</p>',
    '<p><a linktype="page" id="3">page</a></p>',
    "<p>Eau &amp; assainissement, A & B, &amp sans point-virgule, &#233;t&#xE9;</p>",
    "<p>3 < 4 et 5 > 2</p>",
    "<!-- note --><p>commentaire</p>",
    "<p>balise <b>non fermée</p",
    "<script>alert(1)</script><p>texte</p>",
])
def test_plain_text_equals_django_strip_tags(html):
    """The reindex's fast path gives what the model's own ``description_text`` gives."""
    assert plain_text(html) == strip_tags(html)


def test_reindex_command_rebuilds_a_searchable_index(make_actor, search_engine, capsys):
    make_actor("Bioforce", countries=["SN"], sectors=["sante"])
    make_actor("Santé Sud", countries=["ML"], sectors=["sante"])
    make_actor("Brouillon", live=False, countries=["SN"])
    search_engine.clear()
    call_command("reindex_actors")
    assert "3" in capsys.readouterr().out
    answer = engine.search(Actor, "", {}, NAME, 0, 10)
    assert answer.total == 2 and answer.counts["country"] == {"SN": 1, "ML": 1}
    answer = engine.search(Actor, "bioforc", {}, NAME, 0, 10)
    assert [Actor.objects.get(pk=pk).name for pk in answer.ids] == ["Bioforce"]
