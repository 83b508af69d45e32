"""Measure what a plugin's country section costs, as a country page pays it:
the hook's call and its template's rendering together."""

from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from maillage_core import hooks


def render_country_sections(request, code, key):
    sections = [section for section in hooks.country_sections(request, code) if section.key == key]
    return "".join(render_to_string(section.template, {"section": section}, request=request) for section in sections)


def country_section_cost(request, code, key):
    """(queries, html) of plugin section ``key`` for country ``code``, once
    caches of the site (its root, its settings) are warm."""
    render_country_sections(request, code, key)
    with CaptureQueriesContext(connection) as captured:
        html = render_country_sections(request, code, key)
    return len(captured), html
