"""The youth space's region of the world of a country, from core's
continents: North Africa and the Middle East are a region of their own, as
the schemes' conditions differ there."""

from maillage_core.continents import continent_of

from .models.choices import WorldRegion

MENA = set("DZ EG LY MA TN EH SD AE BH IL IQ IR JO KW LB OM PS QA SA SY YE".split())
BY_CONTINENT = {
    "afrique": WorldRegion.AFRICA,
    "europe": WorldRegion.EUROPE,
    "ameriques": WorldRegion.AMERICAS,
    "asie": WorldRegion.ASIA_PACIFIC,
    "oceanie": WorldRegion.ASIA_PACIFIC,
}


def region_of(code):
    """The WorldRegion value of a country, or "" (Antarctica, an unknown code)."""
    if code in MENA:
        return WorldRegion.MENA.value
    region = BY_CONTINENT.get(continent_of(code))
    return region.value if region else ""
