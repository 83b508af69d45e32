"""The subscription pages in real Chromium, inside the site's layout:
axe-core WCAG 2.1 A/AA and the Content-Security-Policy on every step a
visitor takes, from the form (empty, refused) to unsubscribing."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from maillage_core.subscriptions import tokens
from maillage_core.subscriptions.models import Subscriber, TopicSubscription
from maillage_core.testing.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [320, 1280])
def test_the_subscribe_form_and_its_errors_have_no_axe_violations(page, live_server, home_page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/abonnements/?theme=lettre")
    assert page.locator("h1").inner_text() == "S’abonner par courriel"
    assert page.get_by_label("La Lettre du réseau").is_checked()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="S’abonner").click()
    expect(page.locator(".error-summary")).to_have_count(1)
    assert_accessible(page)
    page.get_by_label("Votre courriel").fill("awa@example.org")
    page.get_by_role("button", name="S’abonner").click()
    page.wait_for_url("**/abonnements/envoye/")
    assert_accessible(page)


def test_the_pages_of_the_signed_links_have_no_axe_violations(page, live_server, home_page):
    pending = Subscriber.objects.create(email="awa@example.org", language="fr", pending_key="cle")
    TopicSubscription.objects.create(subscriber=pending, topic="lettre")
    page.goto(live_server.url + f"/abonnements/confirmer/{tokens.confirm_token(pending)}/")
    assert_accessible(page)
    page.get_by_role("button", name="Confirmer mon abonnement").click()
    page.wait_for_url("**/preferences/**")
    assert page.locator(".message").count() == 1  # "your subscription is confirmed"
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Se désabonner de tout").click()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Se désinscrire").click()
    expect(page.locator("h1")).to_have_text("Vous êtes désinscrit·e")
    assert Subscriber.objects.get(pk=pending.pk).unsubscribed_at is not None
    assert_accessible(page)
    page.goto(live_server.url + "/abonnements/preferences/faux/")
    assert page.locator("h1").inner_text() == "Ce lien ne peut pas être utilisé"
    assert_accessible(page)


def test_confirmed_subscribers_change_their_topics_with_the_keyboard(page, live_server, home_page):
    subscriber = Subscriber.objects.create(email="awa@example.org", language="fr", confirmed_at=timezone.now())
    TopicSubscription.objects.create(subscriber=subscriber, topic="lettre")
    page.goto(live_server.url + f"/abonnements/preferences/{tokens.link_token(subscriber)}/")
    page.get_by_label("Nouvelles offres pour les jeunes").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Enregistrer mes choix").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".message").count() == 1
    assert set(subscriber.topics.values_list("topic", flat=True)) == {"lettre", "offres-jeunes"}
