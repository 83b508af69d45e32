"""The map of countries of intervention, drawn by core's world map: each
country with actors links to the directory filtered on it."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maillage_core import worldmap


def actors_label(name, count):
    return ngettext("%(country)s: %(count)s actor", "%(country)s: %(count)s actors", count) % {
        "country": name,
        "count": count,
    }


def render(country_counts, url_for, selected=()):
    return worldmap.render(
        country_counts, url_for, selected, label=actors_label, title=_("Map of the countries of intervention")
    )
