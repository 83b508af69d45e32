"""The officer builds every page type through the admin's own forms:
create (publish or draft), schedule, and preview."""

from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from home.models import (
    AccessibilityStatementPage,
    ContactPage,
    ContentPage,
    NewsCategory,
    NewsIndexPage,
    NewsletterIndexPage,
    NewsletterIssuePage,
    NewsPage,
    ResourceIndexPage,
    ResourcePage,
    SiteMapPage,
)

pytestmark = pytest.mark.django_db

STREAM_FIELDS = ("body",)


def admin_form_data(admin_client, model, parent, **fields):
    """What the add form would post: its own fields, then ours."""
    url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))
    response = admin_client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name in STREAM_FIELDS:
        if hasattr(model, name):
            data[f"{name}-count"] = "0"  # the stream editor is built by JavaScript
    for name, value in fields.items():
        if isinstance(value, list):
            data.setlist(name, value)
        else:
            data[name] = value
    return url, data


def create(admin_client, model, parent, action="action-publish", **fields):
    url, data = admin_form_data(admin_client, model, parent, **fields)
    data[action] = "1"
    response = admin_client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    return model.objects.get(slug=fields["slug"])


def errors_of(response):
    html = response.content.decode()
    start = html.find("error-message")
    return html[start - 500 : start + 1500] if start >= 0 else html[:1500]


@pytest.fixture
def pdf_document(db):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from home.demo.pdf import tagged_pdf

    document = Document(title="La Lettre n° 12")
    document.file.save(
        "lettre-12.pdf", ContentFile(tagged_pdf("La Lettre n° 12", [("H1", "La Lettre n° 12")])), save=True
    )
    return document


@pytest.fixture
def section_pages(admin_client, home_page):
    news = create(admin_client, NewsIndexPage, home_page, title="Actualités", slug="actualites")
    letters = create(admin_client, NewsletterIndexPage, home_page, title="La Lettre", slug="la-lettre")
    resources = create(admin_client, ResourceIndexPage, home_page, title="Ressources", slug="ressources")
    return {"news": news, "letters": letters, "resources": resources}


def test_officer_creates_each_index_and_simple_page(admin_client, home_page, section_pages):
    create(
        admin_client,
        ContentPage,
        home_page,
        title="Mentions légales",
        slug="mentions-legales",
        intro="Éditeur et hébergeur.",
    )
    create(admin_client, SiteMapPage, home_page, title="Plan du site", slug="plan-du-site")
    create(
        admin_client,
        AccessibilityStatementPage,
        home_page,
        title="Accessibilité",
        slug="accessibilite",
        status="partial",
        rgaa_version="4.1.2",
        compliance_rate="82.5",
    )
    for page in [*section_pages.values(), *ContentPage.objects.filter(slug="mentions-legales")]:
        assert page.live
        assert page.get_parent().pk == home_page.pk
    statement = AccessibilityStatementPage.objects.get()
    assert statement.get_status_display() == "partiellement conforme"


def test_officer_creates_a_news_item_with_categories_and_tags(admin_client, section_pages):
    category = NewsCategory.objects.create(name="Financements", slug="financements")
    page = create(
        admin_client,
        NewsPage,
        section_pages["news"],
        title="Appel à projets régional",
        slug="appel-a-projets",
        date="2026-03-02",
        intro="Dépôt des dossiers jusqu’à fin mars.",
        categories=[str(category.pk)],
        tags="appel à projets, Sénégal",
    )
    assert page.live and str(page.date) == "2026-03-02"
    assert list(page.categories.all()) == [category]
    assert sorted(tag.name for tag in page.tags.all()) == ["Sénégal", "appel à projets"]


def test_officer_creates_a_newsletter_issue_with_its_pdf(admin_client, section_pages, pdf_document):
    page = create(
        admin_client,
        NewsletterIssuePage,
        section_pages["letters"],
        title="La Lettre n° 12 — Printemps 2026",
        slug="lettre-12",
        number="12",
        issue_date="2026-04-01",
        summary="Dossier : l’eau, un bien commun.",
        pdf=str(pdf_document.pk),
    )
    assert page.live and page.pdf == pdf_document


def test_newsletter_issue_needs_a_pdf_or_a_web_version_and_a_free_number(admin_client, section_pages, pdf_document):
    index = section_pages["letters"]
    fields = dict(title="La Lettre n° 12", slug="lettre-12", number="12", issue_date="2026-04-01", summary="Résumé.")
    url, data = admin_form_data(admin_client, NewsletterIssuePage, index, **fields)
    data["action-publish"] = "1"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Joignez le PDF, rédigez la version web, ou les deux." in response.content.decode()
    create(admin_client, NewsletterIssuePage, index, pdf=str(pdf_document.pk), **fields)
    url, data = admin_form_data(
        admin_client, NewsletterIssuePage, index, **{**fields, "slug": "lettre-12-bis", "pdf": str(pdf_document.pk)}
    )
    data["action-publish"] = "1"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Le numéro 12 existe déjà." in response.content.decode()
    assert NewsletterIssuePage.objects.count() == 1


def test_officer_creates_a_resource_with_its_documents(admin_client, section_pages, pdf_document):
    page = create(
        admin_client,
        ResourcePage,
        section_pages["resources"],
        title="Guide du montage de projet",
        slug="guide",
        kind="guide",
        date="2026-01-15",
        summary="Les étapes d’un projet.",
        **{
            "documents-TOTAL_FORMS": "1",
            "documents-0-document": str(pdf_document.pk),
            "documents-0-description": "Version 2026",
            "documents-0-ORDER": "1",
            "documents-0-DELETE": "",
            "documents-0-id": "",
        },
    )
    assert [(d.document, d.description) for d in page.documents.all()] == [(pdf_document, "Version 2026")]


def test_officer_builds_the_contact_form(admin_client, home_page):
    fields = {
        "form_fields-TOTAL_FORMS": "2",
        "form_fields-0-label": "Adresse électronique",
        "form_fields-0-field_type": "email",
        "form_fields-0-required": "on",
        "form_fields-0-ORDER": "1",
        "form_fields-1-label": "Message",
        "form_fields-1-field_type": "multiline",
        "form_fields-1-required": "on",
        "form_fields-1-ORDER": "2",
    }
    for index in (0, 1):
        fields.update(
            {f"form_fields-{index}-{name}": "" for name in ("id", "DELETE", "help_text", "choices", "default_value")}
        )
    page = create(admin_client, ContactPage, home_page, title="Questions–réponses", slug="questions-reponses", **fields)
    assert [field.clean_name for field in page.form_fields.all()] == ["adresse_electronique", "message"]


def test_contact_form_refuses_a_field_named_like_the_honeypot(admin_client, home_page):
    fields = {
        "form_fields-TOTAL_FORMS": "1",
        "form_fields-0-label": "Website URL",
        "form_fields-0-field_type": "url",
        "form_fields-0-ORDER": "1",
        **{f"form_fields-0-{name}": "" for name in ("id", "DELETE", "help_text", "choices", "default_value")},
    }
    url, data = admin_form_data(admin_client, ContactPage, home_page, title="Contact", slug="contact", **fields)
    data["action-publish"] = "1"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert not ContactPage.objects.exists()


# Drafts, scheduled publishing and preview, for every page type ---------------

PAGE_TYPES = {
    "content": (ContentPage, "home", {"intro": "Texte."}),
    "news index": (NewsIndexPage, "home", {}),
    "news item": (NewsPage, "news", {"date": "2026-03-02", "intro": "Résumé de l’actualité."}),
    "newsletter index": (NewsletterIndexPage, "home", {}),
    "newsletter issue": (
        NewsletterIssuePage,
        "letters",
        {"number": "7", "issue_date": "2026-01-01", "summary": "Résumé."},
    ),
    "resource index": (ResourceIndexPage, "home", {}),
    "resource": (ResourcePage, "resources", {"kind": "tool", "date": "2026-01-01", "summary": "Résumé."}),
    "contact": (ContactPage, "home", {}),
    "accessibility statement": (AccessibilityStatementPage, "home", {"status": "none", "rgaa_version": "4.1.2"}),
    "site map": (SiteMapPage, "home", {}),
}


@pytest.fixture
def parents(home_page, section_pages):
    return {"home": home_page, **section_pages}


def extra_fields(model, pdf_document):
    return {"pdf": str(pdf_document.pk)} if model is NewsletterIssuePage else {}


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_each_page_type_saved_as_draft_stays_hidden_until_published(kind, admin_client, client, parents, pdf_document):
    model, parent_key, fields = PAGE_TYPES[kind]
    slug = "brouillon-" + model._meta.model_name
    page = create(
        admin_client,
        model,
        parents[parent_key],
        action="action-draft",
        title="Brouillon",
        slug=slug,
        **fields,
        **extra_fields(model, pdf_document),
    )
    assert not page.live
    assert client.get(f"{parents[parent_key].url}{slug}/").status_code == 404
    page.get_latest_revision().publish()
    assert client.get(page.url).status_code == 200


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_each_page_type_can_be_scheduled(kind, admin_client, client, parents, pdf_document):
    model, parent_key, fields = PAGE_TYPES[kind]
    slug = "programmee-" + model._meta.model_name
    go_live = timezone.localtime() + timedelta(hours=2)
    page = create(
        admin_client,
        model,
        parents[parent_key],
        title="Programmée",
        slug=slug,
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        **fields,
        **extra_fields(model, pdf_document),
    )
    assert not page.live
    revision = page.get_latest_revision()
    assert revision.approved_go_live_at is not None
    assert client.get(f"{parents[parent_key].url}{slug}/").status_code == 404
    # Time passes: the approved moment (and the go-live date the revision carries) are now behind us.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_each_page_type_previews_unsaved_changes(kind, admin_client, parents, pdf_document):
    model, parent_key, fields = PAGE_TYPES[kind]
    parent = parents[parent_key]
    url, data = admin_form_data(
        admin_client,
        model,
        parent,
        title="Aperçu avant publication",
        slug="apercu",
        **fields,
        **extra_fields(model, pdf_document),
    )
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )
    posted = admin_client.post(preview_url, data)
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content[:500]
    shown = admin_client.get(preview_url)
    assert shown.status_code == 200
    assert "Aperçu avant publication" in shown.content.decode()
    assert not model.objects.filter(slug="apercu").exists()


def test_the_table_block_editor_gets_its_script(admin_client, home_page):
    # The typed table's editor is a script of its own app: without the app
    # installed, the page editor links to a file the site does not serve.
    url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", home_page.pk))
    html = admin_client.get(url).content.decode()
    assert "typed_table_block/js/typed_table_block.js" in html
    assert finders.find("typed_table_block/js/typed_table_block.js")
