"""``{% offer_cards offers %}``: the offers' cards written in Python (see ``maillage_youth.cards``)."""

from django import template

from .. import cards

register = template.Library()


@register.simple_tag
def offer_cards(offers):
    return cards.offer_cards(offers)
