"""The results part of an edition's page (key figures, charts, maps,
tables, downloads), drawn once and kept in Django's cache: the figures are
frozen, so what it shows changes only with them, the earlier editions it is
compared with, the language and the plugin's release, which make its key.
The first visitor after a change of anything else on the page (its
introduction, the menu) no longer pays for drawing every chart again."""

from importlib.metadata import PackageNotFoundError, version

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from maillage_core.versioned_cache import VersionedCache

from . import opendata, pdf_extra, presentation

RESULTS = VersionedCache("maillage_barometer:results")
TIMEOUT = 24 * 3600
try:
    RELEASE = version("maillage-barometer")
except PackageNotFoundError:  # pragma: no cover  (run from a source tree)
    RELEASE = "source"


def results(request, page):
    base = page.get_url(request=request) or ""
    editions = tuple(page.published_editions().values_list("pk", "figures__computed_at"))
    parts = ("results", page.pk, editions, get_language(), base, RELEASE, pdf_extra.installed())
    return mark_safe(RESULTS.get_or_build(parts, lambda: draw(request, page, base), TIMEOUT))  # noqa: S308  (drawn by our template)


def draw(request, page, base):
    context = presentation.edition_context(page)
    context["downloads"] = [(fmt.upper(), base + page.reverse_subpage("open_data", args=[fmt]))
                            for fmt in opendata.FORMATS]
    if pdf_extra.installed():  # the print view remains without WeasyPrint
        context["pdf_url"] = base + page.reverse_subpage("pdf")
    return render_to_string("maillage_barometer/includes/results.html", context, request=request)
