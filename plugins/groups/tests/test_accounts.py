"""Accounts: sign up with a verified address, sign in by email, reset a
password. Signing up stores nothing until the address is confirmed, and
never tells who already has an account."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from groups_helpers import english

from maillage_core.testing.host import needs_apps
from maillage_groups.testing import make_person

pytestmark = pytest.mark.django_db
User = get_user_model()


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def sign_up(client, **data):
    return client.post(reverse("maillage_groups:signup"), {"name": "Léa Dubois", "email": "Lea@Exemple.org", **data})


def test_signing_up_stores_nothing_until_the_link_is_opened_and_a_password_chosen(client):
    response = sign_up(client, next="/groupes/ecsi/")
    assert response.status_code == 302 and response["Location"] == reverse("maillage_groups:signup_sent")
    assert not User.objects.exists()
    [email] = mail.outbox
    assert email.to == ["lea@exemple.org"]
    link = link_in(email)

    form = client.get(link)
    assert form.status_code == 200 and "lea@exemple.org" in form.content.decode()
    weak = client.post(link, {"password1": "1234", "password2": "1234"})
    assert weak.status_code == 200 and not User.objects.exists()

    done = client.post(link, {"password1": "un-mot-de-passe-solide", "password2": "un-mot-de-passe-solide"})
    assert done.status_code == 302 and done["Location"] == "/groupes/ecsi/"
    user = User.objects.get()
    assert (user.email, user.first_name, user.last_name, user.is_active) == ("lea@exemple.org", "Léa", "Dubois", True)
    assert client.get(reverse("maillage_groups:account")).status_code == 200  # signed in


def test_a_used_or_forged_activation_link_says_so_and_creates_nothing_more(client):
    sign_up(client)
    link = link_in(mail.outbox[0])
    client.post(link, {"password1": "un-mot-de-passe-solide", "password2": "un-mot-de-passe-solide"})
    client.logout()
    with english(client):
        replay = client.post(link, {"password1": "autre-mot-de-passe-9", "password2": "autre-mot-de-passe-9"})
        forged = client.get(link[:-8] + "abcdefg/")
    assert replay.status_code == 409 and "already used" in replay.content.decode()
    assert forged.status_code == 400 and "not valid" in forged.content.decode()
    assert User.objects.count() == 1
    assert User.objects.get().check_password("un-mot-de-passe-solide")


def test_signing_up_with_a_registered_address_answers_the_same_and_warns_its_owner(client):
    owner = make_person("lea@exemple.org", first_name="Léa")
    response = sign_up(client)
    assert response.status_code == 302 and response["Location"] == reverse("maillage_groups:signup_sent")
    [email] = mail.outbox
    assert email.to == [owner.email] and "/compte/activation/" not in email.body
    assert User.objects.count() == 1


def test_the_sign_up_form_refuses_robots_and_bad_input_with_a_message(client, settings):
    with english(client):
        honeypot = sign_up(client, website_url="http://spam.example")
        bad = sign_up(client, email="pas-une-adresse", name="   ")
    assert honeypot.status_code == 200 and "looks automated" in honeypot.content.decode()
    assert bad.status_code == 200 and "Enter a valid email address" in bad.content.decode()
    assert "This field is required" in bad.content.decode()  # a name made of spaces
    settings.MAILLAGE_FORM_RATE_LIMIT = 2
    with english(client):
        limited = sign_up(client)
    assert "Too many submissions" in limited.content.decode()
    assert mail.outbox == [] and not User.objects.exists()


def test_script_in_the_name_is_kept_as_text(client):
    sign_up(client, name="<script>alert('x')</script> Léa")
    link = link_in(mail.outbox[0])
    html = client.get(link).content.decode()
    assert "<script>alert" not in html
    client.post(link, {"password1": "un-mot-de-passe-solide", "password2": "un-mot-de-passe-solide"})
    html = client.get(reverse("maillage_groups:account")).content.decode()
    assert "&lt;script&gt;" in html and "<script>alert" not in html


def test_signing_in_by_email_address_whatever_its_case(client):
    make_person("awa@exemple.org", password="un-mot-de-passe-solide")
    with english(client):
        wrong = client.post(reverse("maillage_groups:login"), {"email": "awa@exemple.org", "password": "faux"})
    assert wrong.status_code == 200 and "do not match" in wrong.content.decode()
    right = client.post(
        reverse("maillage_groups:login"),
        {"email": "AWA@exemple.org", "password": "un-mot-de-passe-solide", "next": "https://evil.example/"},
    )
    assert right.status_code == 302 and right["Location"] == reverse("maillage_groups:account")


LIMIT = 3
PASSWORD = "un-mot-de-passe-solide"
GUESSER = "203.0.113.7"


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT


def member_sign_in(client, email, password, address=GUESSER):
    return client.post(reverse("maillage_groups:login"), {"email": email, "password": password}, REMOTE_ADDR=address)


def admin_sign_in(client, username, password, address=GUESSER):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@needs_apps("axes")  # the sign-in policy a host adds if it wants it (core README)
def test_the_members_login_pauses_an_account_for_an_address_after_the_limit(client, limit):
    make_person("awa@exemple.org", password=PASSWORD)
    with english(client):
        answers = [member_sign_in(client, "awa@exemple.org", "faux") for _attempt in range(LIMIT)]
        right_password = member_sign_in(client, "AWA@exemple.org", PASSWORD)
    assert [answer.status_code for answer in answers] == [200] * (LIMIT - 1) + [429]
    assert right_password.status_code == 429 and "Sign-in paused" in right_password.content.decode()
    assert client.get(reverse("maillage_groups:account")).status_code == 302  # still signed out
    elsewhere = member_sign_in(Client(), "awa@exemple.org", PASSWORD, address="198.51.100.2")
    assert elsewhere.status_code == 302  # the owner, from her own connection


@needs_apps("axes")  # the sign-in policy a host adds if it wants it (core README)
def test_an_address_without_an_account_is_paused_the_same(client, limit):
    """Or the pause would tell who has an account."""
    answers = [member_sign_in(client, "personne@exemple.org", "faux").status_code for _attempt in range(LIMIT)]
    assert answers == [200] * (LIMIT - 1) + [429]


def make_officer():
    """A member of the site's team, whose account name is not her address."""
    return User.objects.create_user("officer", "Officer@Exemple.org", PASSWORD, is_staff=True)


@pytest.mark.parametrize(
    "failures_on, then",
    [
        ("members", "admin"),
        ("admin", "members"),
    ],
)
@needs_apps("axes")
def test_the_members_login_and_the_admins_share_one_count(client, limit, failures_on, then):
    make_officer()
    member = make_person("awa@exemple.org", password=PASSWORD)
    attempts = {
        "members": lambda person, password: member_sign_in(client, person.email, password),
        "admin": lambda person, password: admin_sign_in(client, person.get_username(), password),
    }
    for person in (User.objects.get(username="officer"), member):
        for _attempt in range(LIMIT):
            attempts[failures_on](person, "faux")
    assert attempts[then](User.objects.get(username="officer"), PASSWORD).status_code == 429
    assert attempts[then](member, PASSWORD).status_code == 429


def test_staff_accounts_are_sent_to_the_administrations_login_page(client):
    make_officer()
    with english(client):
        wrong = member_sign_in(client, "officer@exemple.org", "faux")
        right = client.post(
            reverse("maillage_groups:login"),
            {"email": "officer@exemple.org", "password": PASSWORD, "next": "/groupes/ecsi/"},
        )
    assert wrong.status_code == 200 and "do not match" in wrong.content.decode()  # tells nothing of the account
    html = right.content.decode()
    assert right.status_code == 200 and "sign in on the administration's login page" in html.replace("&#x27;", "'")
    assert f'href="{reverse("wagtailadmin_login")}?next=%2Fgroupes%2Fecsi%2F"' in html
    assert "_auth_user_id" not in client.session


def test_a_forgotten_password_is_reset_from_an_emailed_link(client):
    make_person("awa@exemple.org", password="ancien-mot-de-passe-1")
    response = client.post(reverse("maillage_groups:password_reset"), {"email": "awa@exemple.org"})
    assert response.status_code == 302
    [email] = mail.outbox
    link = link_in(email)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": "nouveau-mot-de-passe-2", "new_password2": "nouveau-mot-de-passe-2"}
    )
    assert done.status_code == 302
    assert User.objects.get().check_password("nouveau-mot-de-passe-2")
