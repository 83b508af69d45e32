"""Hostile values in every public form of the site itself (the contact
form, built from the officer's fields, and the language switch) and in
every parameter of its searches and listings: a message or a harmless
save, never a server error. The plugins' forms are fuzzed in their own
suites (``plugins/*/tests/test_form_fuzz.py``)."""

import datetime

import pytest
from django import forms
from django.conf import settings as django_settings
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from home.demo import DemoLoader
from home.models import (
    ContactFormField,
    ContactPage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    ResourceIndexPage,
    ResourcePage,
)
from maillage_core.testing import fuzz

pytestmark = pytest.mark.django_db
PAGE = {"page": fuzz.number_values(forms.IntegerField())}
# One field of each kind the officer can add to a contact form.
EVERY_KIND = [
    ("Nom", "singleline", ""), ("Message", "multiline", ""), ("Courriel", "email", ""), ("Site", "url", ""),
    ("Nombre", "number", ""), ("Accord", "checkbox", ""), ("Thèmes", "checkboxes", "Eau\nSanté"),
    ("Sujet", "dropdown", "Adhésion\nAutre"), ("Pays", "multiselect", "Sénégal\nMali"),
    ("Public", "radio", "Jeune\nAdulte"), ("Date", "date", ""), ("Rendez-vous", "datetime", ""),
    ("Source", "hidden", ""),
]
VALID = {
    "nom": "Awa Ndiaye", "message": "Comment adhérer ?", "courriel": "awa@example.org", "site": "example.org",
    "nombre": "3", "accord": "on", "themes": ["Eau"], "sujet": "Adhésion", "pays": ["Mali"], "public": "Jeune",
    "date": "2025-03-01", "rendez_vous": "2025-03-01 10:00", "source": "lettre",
}


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 0


def submissions():
    return FormSubmission.objects.count()


def last_submission_text():
    return fuzz.joined_text(FormSubmission.objects.order_by("-pk").first().form_data)


def published(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def every_kind_page():
    page = ContactPage(title="Écrire au réseau", slug="ecrire")
    page.form_fields = [
        ContactFormField(label=label, field_type=kind, required=True, choices=choices, sort_order=order)
        for order, (label, kind, choices) in enumerate(EVERY_KIND)
    ]
    return page


@pytest.mark.parametrize("which", ["demo contact page", "every kind of field"])
def test_every_field_of_the_contact_forms_survives_hostile_values(client, home_page, which):
    if which == "demo contact page":
        page = published(home_page, DemoLoader().contact_page())
        answers = {"nom": "Awa Ndiaye", "adresse_electronique": "awa@example.org", "sujet": "Adhésion",
                   "message": "Comment adhérer au réseau ?"}
    else:
        page = published(home_page, every_kind_page())
        answers = VALID
    form = fuzz.PublicForm(
        f"contact form, {which}", page.url, page.get_form_class(), answers=answers,
        stored=submissions, saved_text=last_submission_text,
    )
    fuzz.run(client, form).assert_clean()


class LanguageForm(forms.Form):
    """The language switch in the header of every page."""

    language = forms.ChoiceField(choices=django_settings.LANGUAGES)
    next = forms.CharField()


def test_the_language_switch_survives_hostile_values(client, home_page):
    def from_french():
        client.cookies.pop(django_settings.LANGUAGE_COOKIE_NAME, None)
        return {"language": "en", "next": "/"}

    form = fuzz.PublicForm(
        "language switch", reverse("set_language"), LanguageForm, answers=from_french,
        stored=lambda: getattr(client.cookies.get(django_settings.LANGUAGE_COOKIE_NAME), "value", None),
        ignores_bad_values=True, skip=["next"], extra={"next": fuzz.redirect_values()},
    )
    fuzz.run(client, form).assert_clean()


def test_every_parameter_of_the_site_search_survives_hostile_values(client, home_page, search_engine):
    form = fuzz.search_form(
        client, "site search", reverse("search"), stored=submissions,
        extra={"type": fuzz.text_values(forms.CharField()), "pays": fuzz.text_values(forms.CharField()),
               "secteur": fuzz.text_values(forms.CharField()), **PAGE},
    )
    fuzz.run(client, form).assert_clean()


def news_index(home):
    index = published(home, NewsIndexPage(title="Actualités"))
    news = NewsPage(title="Forum des projets", date=datetime.date(2025, 3, 1), intro="Le forum.")
    news.categories = [NewsCategory.objects.create(name="Vie du réseau", slug="vie-du-reseau")]
    news.tags.add("Sénégal")
    published(index, news)
    return index


def resource_index(home):
    index = published(home, ResourceIndexPage(title="Ressources"))
    published(index, ResourcePage(title="Monter un projet", summary="Une fiche."))
    return index


@pytest.mark.parametrize("listing", [news_index, resource_index])
def test_every_parameter_of_the_listings_survives_hostile_values(client, home_page, listing):
    url = listing(home_page).url
    form = fuzz.search_form(client, f"{listing.__name__} filters", url, stored=submissions, extra=PAGE)
    fuzz.run(client, form).assert_clean()
