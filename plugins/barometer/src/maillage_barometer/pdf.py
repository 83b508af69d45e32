"""A published edition as a PDF, made by WeasyPrint from the page's print
view (the print stylesheet, the SVG charts, the tables), so paper and PDF
never differ. WeasyPrint is an optional extra (``maillage-barometer[pdf]``,
with Pango from the system): without it there is no link and no PDF, and
the print view remains.

A PDF takes seconds to make: it is made once and kept in Django's cache,
keyed like the results part of the page (``rendered.py``) plus the page's
last publication, since the introduction is printed too, and the network's
identity (logo, colours, font), which the PDF carries like the page.
"""

import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.utils.translation import get_language

from maillage_core.identity.theme import identity_for
from maillage_core.versioned_cache import VersionedCache

from . import pdf_extra, rendered

DOCUMENTS = VersionedCache("maillage_barometer:pdf")


def document(request, page, html):
    """The PDF of ``page``, whose print view is ``html()`` (called only when
    the PDF is not kept yet)."""
    editions = tuple(page.published_editions().values_list("pk", "figures__computed_at"))
    identity = (identity_for(request) or {}).get("version")
    parts = ("pdf", page.pk, page.last_published_at, editions, identity, get_language(), request.get_host(),
             rendered.RELEASE)
    return DOCUMENTS.get_or_build(parts, lambda: write(html(), request.build_absolute_uri()), rendered.TIMEOUT)


def write(html, base_url):
    pdf_extra.available()  # loads WeasyPrint with Pillow's setting kept
    from weasyprint import HTML

    # Tagged: a screen reader follows the headings and tables, as on the page.
    return HTML(string=html, base_url=base_url, url_fetcher=local_fetcher()).write_pdf(pdf_tags=True)


def local_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        """The page's stylesheets and images, read from the static files and
        the media storage: the server never requests itself, nor any other
        address a page may name."""

        def fetch(self, url, headers=None):
            path = unquote(urlsplit(url).path)
            name, body = local_file(path)
            return URLFetcherResponse(url, body=body,
                                      headers={"Content-Type": mimetypes.guess_type(name)[0] or "application/octet-stream"})

    return LocalFetcher(fail_on_errors=False)


def local_file(path):
    static = urlsplit(settings.STATIC_URL or "/static/").path
    media = urlsplit(settings.MEDIA_URL or "/media/").path
    if path.startswith(static):
        name = path.removeprefix(static)
        if staticfiles_storage.exists(name):  # collected (hashed names too)
            with staticfiles_storage.open(name) as f:
                return name, f.read()
        found = finders.find(name)  # not collected: the apps' own static folders
        if found:
            with open(found, "rb") as f:
                return name, f.read()
    elif path.startswith(media):
        name = path.removeprefix(media)
        if default_storage.exists(name):
            with default_storage.open(name) as f:
                return name, f.read()
    raise ValueError(f"Not a file of this site: {path}")
