"""The Content-Security-Policy the site sends (django-csp, base settings):
what the public pages may load, and where another policy or none is sent."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db


def directives(response):
    header = response.headers["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";"))}


def test_public_pages_send_a_policy_without_inline_code(client, make_page):
    page = make_page("Le réseau")
    policy = directives(client.get(page.url))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]  # no 'unsafe-inline'
    assert policy["img-src"] == ["'self'", "data:"]
    assert {"https://www.youtube.com", "https://player.vimeo.com"} <= set(policy["frame-src"])
    assert policy["object-src"] == ["'none'"]
    for name in ("base-uri", "form-action", "frame-ancestors"):
        assert policy[name] == ["'self'"], name


def test_error_pages_send_it_too(client, home_page):
    assert "script-src" in directives(client.get("/cette-page-n-existe-pas/"))


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/"])
def test_the_admin_sends_none(client, home_page, path):
    assert "Content-Security-Policy" not in client.get(path).headers


def test_documents_keep_wagtails_stricter_policy(client, home_page):
    document = get_document_model().objects.create(
        title="La Lettre n° 1", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="lettre-1.pdf"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"


def test_the_server_error_page_has_no_inline_style():
    # It is sent with the policy too, which would refuse a <style> element.
    from django.template import engines

    html = engines["django"].get_template("500.html").render({})
    assert "<style" not in html and "style=" not in html
    assert 'href="/static/home/css/error.css"' in html
