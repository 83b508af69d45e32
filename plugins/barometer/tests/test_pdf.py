"""A published edition as a PDF, made by WeasyPrint from its print view,
once; skipped where WeasyPrint (an optional extra) does not load."""

import io
from unittest import mock

import pytest
from django.test import Client
from wagtail.models import Site

from maillage_barometer import pdf_extra
from maillage_core.models.identity import IdentitySettings

pytestmark = pytest.mark.django_db


def publish(officer, edition):
    assert officer.post(f"/admin/barometre/{edition.pk}/clore/").status_code == 302
    assert officer.post(f"/admin/barometre/{edition.pk}/", {"action": "publish"}).status_code == 302


@pytest.mark.skipif(not pdf_extra.available(), reason="maillage-barometer[pdf] (WeasyPrint, Pango) is not installed")
def test_a_published_edition_downloads_as_a_pdf_made_once(officer, make_edition, actors, answer):
    from PIL import ImageFile
    from pypdf import PdfReader
    from weasyprint import HTML

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False  # WeasyPrint loaded, core's picture checks still work

    edition = make_edition(2026)
    for n in range(7):
        assert answer(edition, f"test:{n}", {"projets": str(n + 1), "evolution": "Stable"}).status_code == 302
    address = f"{edition.url}pdf/"
    visitor = Client()
    assert visitor.get(address).status_code == 404  # the survey is open: no results yet
    publish(officer, edition)
    link = f'<a href="{address}" type="application/pdf">Télécharger en PDF</a>'
    assert link in visitor.get(edition.url).content.decode()  # beside the open data

    with mock.patch.object(HTML, "write_pdf", autospec=True, side_effect=HTML.write_pdf) as written:
        response = visitor.get(address)
        again = officer.get(address)  # signed in: past the page cache, to the kept PDF
    assert written.call_count == 1
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and again.content == response.content

    document = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in document.pages).split())
    assert len(document.pages) > 1
    assert "Baromètre 2026" in document.metadata.title
    catalog = document.trailer["/Root"]
    assert catalog["/Lang"] == "fr" and catalog["/MarkInfo"]["/Marked"]  # tagged, for screen readers
    # A key figure: the question's 7 respondents and their total, 1 + 2 + ... + 7 projects.
    assert "Nombre de projets à l’international 7 28 projets" in text

    # The network's identity is printed too: a new colour makes a new PDF.
    identity = IdentitySettings.for_site(Site.objects.get(is_default_site=True))
    identity.primary_colour = "#6a1b9a" if identity.primary_colour != "#6a1b9a" else "#1b5e20"
    identity.save()
    with mock.patch.object(HTML, "write_pdf", autospec=True, side_effect=HTML.write_pdf) as written:
        assert visitor.get(address).status_code == 200
    assert written.call_count == 1

    edition.unpublish()
    assert visitor.get(address).status_code == 404


def test_without_weasyprint_the_print_view_remains_and_no_pdf_is_offered(officer, make_edition, actors, monkeypatch):
    monkeypatch.setattr(pdf_extra, "installed", lambda: False)
    monkeypatch.setattr(pdf_extra, "available", lambda: False)
    edition = make_edition(2026)
    publish(officer, edition)
    visitor = Client()
    page = visitor.get(edition.url).content.decode()
    assert "donnees/csv/" in page and "pdf/" not in page and "Télécharger en PDF" not in page
    assert visitor.get(f"{edition.url}pdf/").status_code == 404
