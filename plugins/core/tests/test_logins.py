"""One sign-in policy for every login form of a site (maillage_core.logins,
through django-axes), here on the administration's login page as an
officer, or someone guessing her password, uses it."""

from datetime import timedelta

import pytest

from maillage_core.testing.host import skip_unless_installed

skip_unless_installed("axes")  # the sign-in policy is optional for a host (README: Sign-in policy)

from axes.models import AccessAttempt  # noqa: E402 (only once axes is known installed)
from django.conf import settings as django_settings  # noqa: E402
from django.db.models import F  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-du-responsable"
LIMIT = 3
GUESSER = "203.0.113.7"


@pytest.fixture
def accounts(django_user_model, settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    for name in ("officer", "editor"):
        django_user_model.objects.create_superuser(name, f"{name}@example.org", PASSWORD)


def sign_in(client, password, username="officer", address=GUESSER, **headers):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def lock_out(client, username="officer", **where):
    return [sign_in(client, "faux", username, **where).status_code for _attempt in range(LIMIT)]


def test_the_admin_login_pauses_an_account_for_an_address_after_the_limit(client, accounts):
    assert lock_out(client) == [200] * (LIMIT - 1) + [429]
    assert sign_in(client, PASSWORD).status_code == 429  # even the right password, until the pause ends
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "username, address, status",
    [
        ("officer", GUESSER, 429),  # the pair that failed waits
        ("officer", "198.51.100.2", 302),  # the officer, from her own connection, signs in
        ("editor", GUESSER, 302),  # another account from the same address too
    ],
)
def test_the_pause_holds_for_one_account_from_one_address(client, accounts, username, address, status):
    lock_out(client)
    assert sign_in(Client(), PASSWORD, username, address).status_code == status


def test_the_pause_ends_after_the_cool_off_time(client, accounts):
    lock_out(client)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    assert sign_in(client, PASSWORD).status_code == 302


def test_a_success_starts_the_count_again(client, accounts):
    for _attempt in range(LIMIT - 1):
        sign_in(client, "faux")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    assert [sign_in(client, "faux").status_code for _attempt in range(LIMIT - 1)] == [200] * (LIMIT - 1)


@pytest.mark.parametrize(
    "language, words",
    [
        ("fr", ["Connexion suspendue", "15 minutes", "Retour à la page de connexion"]),
        ("en", ["Sign-in paused", "15 minutes", "Back to the sign-in page"]),
    ],
)
def test_the_lockout_answers_a_page_saying_for_how_long(client, accounts, language, words):
    # The site's middleware follows the cookie; a bare project, the active language.
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):
        for _attempt in range(LIMIT):
            response = sign_in(client, "faux")
    html = response.content.decode()
    assert response.status_code == 429 and response["Retry-After"] == "900"
    assert all(word in html for word in words), html
    assert f'href="{reverse("wagtailadmin_login")}"' in html


def test_behind_a_proxy_each_visitor_has_its_own_count(client, accounts, settings):
    settings.MAILLAGE_TRUSTED_PROXY_HOPS = 1
    proxy = "10.0.0.1"
    lock_out(client, address=proxy, HTTP_X_FORWARDED_FOR=GUESSER)
    # The guesser cannot pass for someone else by writing the header herself:
    # the proxy appends the address it saw, the one counted.
    spoofed = sign_in(Client(), PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=f"198.51.100.2, {GUESSER}")
    assert spoofed.status_code == 429
    officer = sign_in(Client(), PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert officer.status_code == 302
