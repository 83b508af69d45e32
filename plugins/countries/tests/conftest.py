import pytest

pytest_plugins = ["maillage_core.testing.fixtures"]

SENEGAL = {
    "country": "SN",
    "intro": "<p>Premier pays d’intervention des acteurs de la région.</p>",
    "capital": "Dakar",
    "languages": "Français, wolof",
    "population": 18_000_000,
    "population_year": 2023,
    "embassy_url": "https://sn.ambafrance.org/",
    "travel_advice_url": "https://www.diplomatie.gouv.fr/fr/conseils-aux-voyageurs/senegal/",
}


@pytest.fixture
def countries_index(root_page):
    from maillage_countries.models import CountryIndexPage

    # Created live without a revision: tests need no history, and it is quicker.
    return root_page.add_child(instance=CountryIndexPage(title="Zooms pays", slug="pays",
                                                         intro="Les pays où travaillent les acteurs."))


@pytest.fixture
def make_profile(db):
    from maillage_countries.models import CountryProfile

    def make(country="SN", **fields):
        values = {**SENEGAL, "country": country, **fields} if country == "SN" else {"country": country, **fields}
        return CountryProfile.objects.create(**values)

    return make


@pytest.fixture
def contribution():
    """A feature plugin as core's hooks see it, without installing one: figures
    for the index and a section for each country it knows (Mali here),
    registered for the test only."""
    from django.template import Template
    from wagtail import hooks

    from maillage_core import hooks as maillage_hooks
    from maillage_core.hooks import CountryFigures, Section

    counts = {"ML": 7, "SN": 2}
    # {% include %} takes a compiled template as well as a name.
    TEMPLATE = Template('<p class="projects">{{ section.context.count }} projets dans ce pays.</p>')

    def figures(request):
        return [CountryFigures(key="projects", label="Projets", counts=counts, order=10)]

    def sections(request, code):
        if code not in counts:
            return []
        return [Section(key="projects", title="Projets en cours", template=TEMPLATE,
                        context={"count": counts[code]})]

    with hooks.register_temporarily(maillage_hooks.COUNTRY_FIGURES, figures), \
         hooks.register_temporarily(maillage_hooks.COUNTRY_SECTIONS, sections):
        yield counts
