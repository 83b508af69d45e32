import pytest
from django.test import RequestFactory

from maillage_core import params

rf = RequestFactory()


def test_clean_text_drops_control_characters_and_cuts():
    assert params.clean_text("sant\x00é \x1b mondiale") == "sant é mondiale"
    assert len(params.clean_text("a" * 5000)) == params.MAX_QUERY_LENGTH


def test_search_query_says_when_it_was_shortened():
    text, message = params.search_query(rf.get("/", {"q": "x" * 100_000}))
    assert len(text) == 200 and message
    text, message = params.search_query(rf.get("/", {"q": "santé"}))
    assert (text, message) == ("santé", "")


def test_choices_keep_known_values_once_and_report_the_rest():
    request = rf.get("/?sector=sante&sector=sante&sector=<b>&sector=eau")
    values, rejected = params.choices(request, "sector", ["sante", "eau"])
    assert values == ["sante", "eau"]
    assert rejected == ["<b>"]


@pytest.mark.parametrize("raw", ["abc", "1.5", "-", "9" * 40])
def test_integer_rejects_junk(raw):
    value, bad = params.integer(rf.get("/", {"n": raw}), "n", minimum=1, default=1)
    assert value == 1 and bad


@pytest.mark.parametrize(
    "raw, number, has_message",
    [("", 1, False), ("2", 2, False), ("abc", 1, True), ("-1", 1, True), ("0", 1, True), ("99999", 3, True)],
)
def test_paginate_always_gives_a_page(raw, number, has_message):
    page = params.paginate(rf.get("/", {"page": raw}), list(range(25)), 10)
    assert page.page.number == number
    assert bool(page.message) is has_message
