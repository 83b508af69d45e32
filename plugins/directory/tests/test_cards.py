"""The result cards are written in Python (``search.cards.html``), byte for
byte as the template loop they replace wrote them, escapes included."""

import pytest
from django.template import Context, Template
from django.utils import translation

from maillage_directory.search.cards import Card, html

# results.html's loop before the cards were written in Python.
LOOP = Template(
    '{% load i18n %}    {% for actor in cards %}\n'
    '    <li class="actor-card">\n'
    '      <h3><a href="{{ directory_url }}{{ actor.slug }}/">{{ actor.name }}</a>{% if actor.acronym %} '
    '<span class="actor-acronym">({{ actor.acronym }})</span>{% endif %}</h3>\n'
    '      <p class="actor-meta">{{ actor.type_label }}{% if actor.city %}{% if actor.type_label %} · {% endif %}'
    '{{ actor.city }}{% if actor.department_code %} ({{ actor.department_code }}){% endif %}{% endif %}</p>\n'
    '      {% if actor.sector_labels %}<p class="actor-sectors"><span class="card-label">{% translate "Sectors:" %}'
    '</span> {{ actor.sector_labels|join:" · " }}</p>{% endif %}\n'
    '      {% if actor.countries %}<p class="actor-countries"><span class="card-label">'
    '{% translate "Countries of intervention:" %}</span> {{ actor.country_names }}</p>{% endif %}\n'
    '    </li>\n'
    '    {% endfor %}'
)

CARDS = [
    Card("Bioforce", "", "bioforce", "Lyon", "Association", "69", ["Santé", "Eau & assainissement"], ["SN", "ML"]),
    Card('<b>"Tom" & Jerry\'s</b>', "T&J", "tom-jerry", "", "Collectivité", "38", [], []),
    Card("Sans type", "ST", "sans-type", "Saint-Étienne", "", "", ["<script>"], ["CI"]),
    Card("Rien", "", "rien", "", "", "42", [], ["XK"]),
]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_cards_are_written_as_the_template_loop_wrote_them(language):
    with translation.override(language):
        expected = LOOP.render(Context({"cards": CARDS, "directory_url": "/annuaire/?x=<&>"}))
        assert "    " + html(CARDS, "/annuaire/?x=<&>") == expected
