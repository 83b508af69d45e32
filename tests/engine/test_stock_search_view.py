"""A host that keeps the search view ``wagtail start`` generates.

Its view searches ``Page.objects.live().search(query)`` and knows nothing of
Maillage: no searcher, no degraded mode. Through core's backend it must
never list a members-only page to an anonymous visitor, nor answer 500
while the engine is down. The view below is ``wagtail start``'s, copied
as generated (Wagtail 8), and its template is the one generated with it.
"""

import socket
from pathlib import Path

import pytest
import wagtail
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template import Context, Engine
from django.template.response import TemplateResponse
from django.test import override_settings
from django.urls import include, path, reverse
from wagtail.models import Page

from maillage_core.data.seed import ensure_vocabulary
from maillage_core.search.config import search_backends
from maillage_groups.models import GroupIndexPage
from maillage_groups.testing import join, make_group, make_meeting, make_minutes, make_person

pytestmark = pytest.mark.django_db

# -- wagtail start's search/views.py ------------------------------------------

# To enable logging of search queries for use with the "Promoted search results" module
# <https://docs.wagtail.org/en/stable/reference/contrib/searchpromotions.html>
# uncomment the following line and the lines indicated in the search function
# (after adding wagtail.contrib.search_promotions to INSTALLED_APPS):

# from wagtail.contrib.search_promotions.models import Query


def search(request):
    search_query = request.GET.get("query", None)
    page = request.GET.get("page", 1)

    # Search
    if search_query:
        search_results = Page.objects.live().search(search_query)

        # To log this query for use with the "Promoted search results" module:

        # query = Query.get(search_query)
        # query.add_hit()

    else:
        search_results = Page.objects.none()

    # Pagination
    paginator = Paginator(search_results, 10)
    try:
        search_results = paginator.page(page)
    except PageNotAnInteger:
        search_results = paginator.page(1)
    except EmptyPage:
        search_results = paginator.page(paginator.num_pages)

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": search_query,
            "search_results": search_results,
        },
    )


# -- the host's URLs: the stock view beside the site's own --------------------

urlpatterns = [path("stock-search/", search, name="stock_search"), path("", include("maillage_site.urls"))]


def generated_template():
    """search/search.html as ``wagtail start`` writes it (its source escapes
    template tags with ``templatetag``, rendered when the project is made)."""
    source = Path(wagtail.__file__).parent / "project_template/search/templates/search/search.html"
    return Engine().from_string(source.read_text()).render(Context())


@pytest.fixture
def stock_view(settings):
    """Requests to the stock view, rendered with its generated template."""
    engine = {
        **settings.TEMPLATES[0],
        "APP_DIRS": False,
        "OPTIONS": {
            **settings.TEMPLATES[0]["OPTIONS"],
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {"search/search.html": generated_template(), "base.html": "{% block content %}{% endblock %}"},
                ),
            ],
        },
    }

    def get(client, query):
        with override_settings(ROOT_URLCONF=__name__, TEMPLATES=[engine]):
            return client.get(reverse("stock_search"), {"query": query})

    return get


@pytest.fixture
def minutes(home_page):
    """Minutes of a working group: public ones, and members-only ones whose
    body alone holds the word "Tombouctou"."""
    ensure_vocabulary()
    index = home_page.add_child(instance=GroupIndexPage(title="Groupes de travail", slug="groupes-de-travail"))
    index.save_revision().publish()
    group = make_group(index, "Groupe pays Mali")
    make_minutes(
        make_meeting(group, "Réunion ouverte", days=-20), "Compte rendu ouvert, Ségou", body="<p>Atelier à Bamako.</p>"
    )
    make_minutes(
        make_meeting(group, "Réunion réservée", days=-10, members_only=True),
        "Compte rendu réservé",
        members_only=True,
        body="<p>Mission prévue à Tombouctou.</p>",
    )
    member = make_person("awa@exemple.org")
    join(member, group)
    return member


def listed(response):
    assert response.status_code == 200
    html = response.content.decode()
    return [title for title in ("Compte rendu ouvert", "Compte rendu réservé") if title in html]


def test_anonymous_visitors_never_find_members_only_minutes_through_the_stock_view(
    client, minutes, search_engine, stock_view
):
    search_engine.index_all()
    assert listed(stock_view(client, "Bamako")) == ["Compte rendu ouvert"]  # bodies are searched
    assert listed(stock_view(client, "Tombouctou")) == []
    assert listed(stock_view(client, "compte rendu")) == ["Compte rendu ouvert"]
    # The word is in the index: a member finds the minutes through Maillage's own search.
    client.force_login(minutes)
    assert "Compte rendu réservé" in client.get(reverse("search"), {"q": "Tombouctou"}).content.decode()


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_stock_view_answers_from_the_database_while_the_engine_is_down(
    client, settings, minutes, search_engine, stock_view
):
    search_engine.index_all()
    backend = dict(settings.WAGTAILSEARCH_BACKENDS["default"], URLS=[f"http://127.0.0.1:{unused_port()}"])
    settings.WAGTAILSEARCH_BACKENDS = {"default": backend}
    # Titles still match, accents and case folded, and members-only pages stay out.
    assert listed(stock_view(client, "compte rendu")) == ["Compte rendu ouvert"]
    assert listed(stock_view(client, "SEGOU")) == ["Compte rendu ouvert"]
    assert listed(stock_view(client, "réservé")) == []
    assert listed(stock_view(client, "Tombouctou")) == []


@pytest.fixture
def without_engine(settings):
    """A site with no engine: core's configuration gives the database's search."""
    settings.WAGTAILSEARCH_BACKENDS = search_backends(None)


def test_without_an_engine_the_stock_view_keeps_members_only_minutes_private(client, without_engine, minutes, stock_view):
    assert listed(stock_view(client, "Bamako")) == ["Compte rendu ouvert"]  # bodies are searched
    assert listed(stock_view(client, "Tombouctou")) == []
    client.force_login(minutes)
    assert "Compte rendu réservé" in client.get(reverse("search"), {"q": "Tombouctou"}).content.decode()
