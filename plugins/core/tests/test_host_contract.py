"""The host contract: a plugin page extends maillage_core/base.html, which
extends the host's own base.html, as ``wagtail start`` writes it, and keeps
the plugin's stylesheets, SEO meta, JSON-LD, breadcrumbs and flash
messages; a system check names what a host's templates would lose."""

from pathlib import Path

import pytest
import wagtail
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import constants
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory

import maillage_core
from maillage_core.checks import check_base_template

CORE_TEMPLATES = Path(maillage_core.__file__).parent / "templates"
PROJECT_TEMPLATE = Path(wagtail.__file__).parent / "project_template" / "project_name" / "templates" / "base.html"

PLUGIN_PAGE = """{% extends "maillage_core/base.html" %}
{% block title %}Formations{% endblock %}
{% block extra_head %}<link rel="stylesheet" href="/static/plugin/plugin.css"><script type="application/ld+json">{"@type": "Event"}</script>{% endblock %}
{% block breadcrumbs %}<nav class="breadcrumbs"><ol><li>Formations</li></ol></nav>{% endblock %}
{% block maillage_content %}<h1>Formations du semestre</h1>{% endblock %}
"""


def stock_base_html():
    """base.html exactly as ``wagtail start bare`` writes it (the project
    template is itself rendered by Django's template engine)."""
    return Template(PROJECT_TEMPLATE.read_text()).render(Context({"project_name": "bare"}))


def host_templates(settings, tmp_path, base_html=None, bridge=None):
    """The host's template folder (base.html, and its own bridge if any)
    ahead of maillage-core's templates, as a host's DIRS are."""
    if base_html is not None:
        (tmp_path / "base.html").write_text(base_html)
    if bridge is not None:
        (tmp_path / "maillage_core").mkdir()
        (tmp_path / "maillage_core" / "base.html").write_text(bridge)
    (tmp_path / "plugin_page.html").write_text(PLUGIN_PAGE)
    settings.TEMPLATES = [{
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [("django.template.loaders.filesystem.Loader", [str(tmp_path), str(CORE_TEMPLATES)])],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }]


@pytest.fixture
def article(make_page):
    return make_page("Formations", slug="formations", search_description="Le programme du semestre.")


def request_with_message(text):
    request = RequestFactory().get("/formations/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    request._messages.add(constants.SUCCESS, text)
    return request


def test_a_plugin_page_keeps_its_parts_inside_the_stock_wagtail_base_template(settings, tmp_path, article):
    host_templates(settings, tmp_path, stock_base_html())
    request = request_with_message("Merci, votre inscription est enregistrée.")
    html = render_to_string("plugin_page.html", {"page": article}, request)
    for part in (
        'href="/static/css/bare.css"',  # the host's own stylesheet: the host's page around the plugin's
        'href="/static/maillage_core/maillage.css"',
        'href="/static/plugin/plugin.css"',
        '<meta property="og:description" content="Le programme du semestre.">',  # core's SEO meta
        '<script type="application/ld+json">{"@type": "Event"}</script>',
        '<nav class="breadcrumbs"><ol><li>Formations</li></ol></nav>',
        "Merci, votre inscription est enregistrée.",
        "<h1>Formations du semestre</h1>",
    ):
        assert part in html
    assert html.index("breadcrumbs") < html.index("Merci") < html.index("<h1>")


WITHOUT_EXTRA_CSS = "<html><head>{% block title %}{% endblock %}</head><body>{% block content %}{% endblock %}</body></html>"
WITHOUT_CONTENT = "<html><head>{% block extra_css %}{% endblock %}</head><body>{% block main %}{% endblock %}</body></html>"
BRIDGE_WITHOUT_PAGE = '{% extends "base.html" %}{% block content %}{% block breadcrumbs %}{% endblock %}{% endblock %}'


@pytest.mark.parametrize(
    "base_html, bridge, expected",
    [
        ("stock", None, []),
        (WITHOUT_EXTRA_CSS, None, [("maillage_core.E006", "their SEO meta and JSON-LD, their stylesheets")]),
        (WITHOUT_CONTENT, None, [("maillage_core.E006", "their content")]),
        ("stock", BRIDGE_WITHOUT_PAGE, [("maillage_core.E006", "their content, their SEO meta and JSON-LD")]),
        (None, None, [("maillage_core.E005", "base.html")]),
    ],
    ids=["stock", "no-extra_css", "no-content", "host-bridge-without-page", "no-base-template"],
)
def test_the_check_names_what_plugin_pages_would_lose(settings, tmp_path, base_html, bridge, expected):
    host_templates(settings, tmp_path, stock_base_html() if base_html == "stock" else base_html, bridge)
    errors = check_base_template(None)
    assert [(error.id, next((text for _id, text in expected if text in error.msg), None)) for error in errors] == [
        (error_id, text) for error_id, text in expected
    ]
    assert all(error.hint for error in errors)
