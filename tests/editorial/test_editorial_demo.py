"""The demo loader: realistic, complete, idempotent and quick on a re-run."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model

from home import demo as demo_content
from home.demo.pdf import tagged_pdf
from home.models import NewsletterIssuePage, NewsPage

pytestmark = pytest.mark.django_db


def test_demo_has_the_portal_an_officer_would_publish(demo):
    assert NewsPage.objects.live().count() == 20
    assert NewsletterIssuePage.objects.live().count() == 8
    assert all(issue.pdf_id for issue in NewsletterIssuePage.objects.all())
    slugs = set(demo.get_children().values_list("slug", flat=True))
    assert {"le-reseau", "nos-services", "actualites", "la-lettre", "ressources", "questions-reponses"} <= slugs
    assert {"mentions-legales", "donnees-personnelles", "accessibilite", "plan-du-site"} <= slugs


def test_second_run_creates_nothing_and_reads_little(demo):
    with CaptureQueriesContext(connection) as context:
        created = demo_content.load({}, lambda message: None)
    assert created == 0
    assert len(context.captured_queries) <= 10


def test_demo_pdfs_are_well_formed_and_tagged(demo, client):
    document = get_document_model().objects.get(title__startswith="La Lettre n° 48")
    data = document.file.read()
    assert data.startswith(b"%PDF-1.7") and data.rstrip().endswith(b"%%EOF")
    assert_cross_references_point_at_objects(data)
    assert b"/StructTreeRoot" in data and b"/MarkInfo << /Marked true >>" in data and b"/Lang (fr-FR)" in data
    response = client.get(reverse("wagtaildocs_serve", args=(document.pk, document.filename)))
    assert response.status_code == 200


def assert_cross_references_point_at_objects(data):
    start = int(re.search(rb"startxref\s+(\d+)", data).group(1))
    table = data[start:].split(b"trailer")[0].split(b"\n")[3:]
    entries = [line for line in table if line.strip()]
    assert entries
    for number, entry in enumerate(entries, start=1):
        offset = int(entry[:10])
        assert data[offset:].startswith(b"%d 0 obj" % number)


def test_long_pdf_text_flows_onto_more_pages():
    data = tagged_pdf("Guide", [("H1", "Guide")] + [("P", "Une phrase de paragraphe. " * 30)] * 40)
    assert b"/Count 1 " not in data
    assert_cross_references_point_at_objects(data)
    assert "Œuvre".encode("cp1252") in tagged_pdf("x", [("P", "Œuvre (solidaire)")])
