import pytest
from django import forms
from django.test import RequestFactory

from maillage_core.antispam import HoneypotFormMixin, rate_limited
from maillage_core.tokens import make_token, read_token

rf = RequestFactory()


class ContactForm(HoneypotFormMixin, forms.Form):
    email = forms.EmailField()


def test_honeypot_filled_by_a_robot_is_refused_with_a_message():
    form = ContactForm({"email": "a@example.org", "website_url": "http://spam.example"})
    assert not form.is_valid()
    assert "automat" in str(form.errors["website_url"])


def test_honeypot_left_empty_passes():
    assert ContactForm({"email": "a@example.org"}).is_valid()


def test_honeypot_field_is_out_of_reach_of_people():
    html = str(ContactForm())
    assert 'tabindex="-1"' in html and "visually-hidden" in html


def test_rate_limit_counts_per_client_and_scope(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rl"}}
    first = rf.get("/", REMOTE_ADDR="10.0.0.1")
    other = rf.get("/", REMOTE_ADDR="10.0.0.2")
    assert [rate_limited(first, "contact", limit=3) for _ in range(4)] == [False, False, False, True]
    assert rate_limited(other, "contact", limit=3) is False
    assert rate_limited(first, "another-form", limit=3) is False


def test_signed_token_round_trip_and_purpose():
    token = make_token("cancel", {"id": 12})
    assert read_token("cancel", token) == {"id": 12}
    assert read_token("withdraw", token) is None


@pytest.mark.parametrize("token", ["", "garbage", "x" * 5000, "eyJpZCI6MTJ9:1abc:forged"])
def test_forged_tokens_read_as_nothing(token):
    assert read_token("cancel", token) is None


def test_expired_token_reads_as_nothing():
    token = make_token("cancel", 1)
    assert read_token("cancel", token, max_age=-1) is None
