"""Plugins keep their private pages out of ORM page queries with one
condition each (the database search backend and the outage fallback)."""

import pytest
from django.db.models import Q
from wagtail import hooks
from wagtail.models import Page

from maillage_core.search.private_pages import PRIVATE_PAGES_HOOK, exclude_private_pages, hidden_pages

pytestmark = pytest.mark.django_db


def test_without_contributions_nothing_is_hidden(make_page, monkeypatch):
    # Inside a site the installed plugins contribute; this is about none.
    registered = hooks.get_hooks
    monkeypatch.setattr(hooks, "get_hooks", lambda name: [] if name == PRIVATE_PAGES_HOOK else registered(name))
    make_page("Ouverte")
    assert hidden_pages(None) is None
    queryset = Page.objects.live()
    assert exclude_private_pages(queryset) is queryset


def test_contributed_conditions_are_excluded_for_the_person_asked(make_page, django_user_model):
    secret = make_page("Compte rendu réservé")
    make_page("Compte rendu public")
    insider = django_user_model.objects.create_user("insider")

    def hide_secret(user):
        return None if user == insider else Q(pk__in=Page.objects.filter(title__endswith="réservé").values("pk"))

    with hooks.register_temporarily(PRIVATE_PAGES_HOOK, hide_secret):
        anonymous = set(exclude_private_pages(Page.objects.live(), None).values_list("title", flat=True))
        member = set(exclude_private_pages(Page.objects.live(), insider).values_list("title", flat=True))
    assert "Compte rendu public" in anonymous and secret.title not in anonymous
    assert secret.title in member
