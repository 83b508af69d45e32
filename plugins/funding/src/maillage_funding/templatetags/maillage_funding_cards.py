"""``{% call_cards calls search_url %}``: calls' cards as list items (``cards.cards_html``)."""

from django import template

from ..cards import cards_html

register = template.Library()


@register.simple_tag
def call_cards(calls, search_url):
    return cards_html(calls, search_url)
