"""A faceted listing's options and checkboxes are written in Python
(``maillage_core.listing.pages``) for speed; they must read exactly as
Django's own escaping writes them, whatever a label holds."""

import pytest
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from maillage_core.listing.facets import Facet
from maillage_core.listing.pages import FacetResult, FacetValue, escape

HOSTILE = ['Côte d’Ivoire', 'Bosnie & Herzégovine', '<script>alert("x")</script>', "l'eau \"potable\"", "a > b < c"]


def result(labels, selected=(0,), param="pays"):
    values = [FacetValue(f"v{n}&'\"<>", label, n * 7, n in selected, query=None, facet_key="country")
              for n, label in enumerate(labels)]
    return FacetResult(Facet("country", param, "Pays"), values)


def django_options(facet):
    return format_html_join("", '<option value="{}"{}>{} ({})</option>', (
        (value.value, mark_safe(" selected") if value.selected else "", value.label, value.count)
        for value in facet.values))


def django_checkboxes(facet, start=0, stop=None):
    param = facet.facet.param
    return format_html_join("", (
        '<li><input type="checkbox" name="{}" value="{}" id="f-{}-{}"{}><label for="f-{}-{}">{} '
        '<span class="facet-count">({})</span></label></li>\n'), (
        (param, value.value, param, number, mark_safe(" checked") if value.selected else "", param, number,
         value.label, value.count)
        for number, value in enumerate(facet.values[start:stop], start + 1)))


@pytest.mark.parametrize("labels", [HOSTILE, [mark_safe("<em>déjà sûr</em>"), "Mali"], []])
def test_options_read_as_djangos_escaping_writes_them(labels):
    facet = result(labels)
    assert facet.options_html() == django_options(facet)
    assert "<script>" not in facet.options_html()


@pytest.mark.parametrize("param", ["pays", 'p"<x>'])
def test_checkboxes_read_as_djangos_escaping_writes_them(param):
    facet = result(HOSTILE * 3, selected=(1, 12), param=param)
    assert facet.checkboxes_html() == django_checkboxes(facet)
    assert facet.checkboxes_in_view_html() == django_checkboxes(facet, 0, FacetResult.IN_VIEW)
    assert facet.checkboxes_folded_html() == django_checkboxes(facet, FacetResult.IN_VIEW)
    assert hasattr(facet.checkboxes_html(), "__html__")  # safe: the template does not escape it again


def test_escape_leaves_safe_strings_and_escapes_the_rest():
    assert escape(mark_safe("<b>")) == "<b>"
    assert escape("<b>&'\"") == "&lt;b&gt;&amp;&#x27;&quot;"
    assert escape(12) == "12"


def test_a_kept_escape_never_mixes_a_safe_string_with_a_plain_one():
    """Plain strings' escapes are kept per process; a safe string equal to
    one of them stays as it is, and a plain one is escaped again after it."""
    assert escape("<b>Mali</b>") == "&lt;b&gt;Mali&lt;/b&gt;"
    assert escape(mark_safe("<b>Mali</b>")) == "<b>Mali</b>"
    assert escape("<b>Mali</b>") == "&lt;b&gt;Mali&lt;/b&gt;"
    assert escape(12) == "12" and escape(True) == "True"
