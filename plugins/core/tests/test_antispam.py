import re

import pytest
from django import forms
from django.test import RequestFactory

from maillage_core.antispam import HoneypotFormMixin, client_address, rate_limited
from maillage_core.tokens import make_path_token, make_token, read_path_token, read_token

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


CONNECTION = "192.0.2.1"  # REMOTE_ADDR: the proxy's address when there is one


@pytest.mark.parametrize(
    "hops, forwarded, expected",
    [
        (0, None, CONNECTION),
        (0, "203.0.113.7", CONNECTION),  # no proxy trusted: anyone can write the header
        (1, "203.0.113.7", "203.0.113.7"),  # the address the proxy saw
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # entries written by the visitor are ignored
        (1, "6.6.6.6,203.0.113.7", "203.0.113.7"),
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),  # visitor → CDN → nginx → site
        (2, "203.0.113.7", CONNECTION),  # fewer entries than proxies: not as configured
        (1, None, CONNECTION),  # reached directly (a health check)
        (1, "", CONNECTION),
        (1, "unknown", CONNECTION),
        (1, "203.0.113.7:8080", CONNECTION),
        (1, "<script>alert(1)</script>", CONNECTION),
        (1, "6.6.6.6, ", CONNECTION),
        (1, "2001:DB8:0::1", "2001:db8::1"),  # one spelling per address
    ],
)
def test_client_address_trusts_only_the_configured_proxies(settings, hops, forwarded, expected):
    settings.MAILLAGE_TRUSTED_PROXY_HOPS = hops
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    assert client_address(rf.get("/", REMOTE_ADDR=CONNECTION, **headers)) == expected


def test_client_address_is_none_without_an_ip_address(settings):
    settings.MAILLAGE_TRUSTED_PROXY_HOPS = 1
    assert client_address(rf.get("/", REMOTE_ADDR="unix:/run/gunicorn.sock", HTTP_X_FORWARDED_FOR="x")) is None


def test_behind_a_proxy_the_rate_limit_counts_each_visitor(settings):
    settings.MAILLAGE_TRUSTED_PROXY_HOPS = 1

    def via_proxy(forwarded):
        return rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert [rate_limited(via_proxy("203.0.113.7"), "contact", limit=2) for _ in range(3)] == [False, False, True]
    assert rate_limited(via_proxy("6.6.6.6, 203.0.113.7"), "contact", limit=2) is True
    assert rate_limited(via_proxy("198.51.100.2"), "contact", limit=2) is False


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


def test_a_path_token_fits_a_wagtail_path_and_keeps_its_purpose():
    token = make_path_token("withdraw", {"id": 12})
    assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
    assert read_path_token("withdraw", token) == {"id": 12}
    assert read_path_token("cancel", token) is None and read_path_token("withdraw", token, max_age=-1) is None


@pytest.mark.parametrize("token", ["", "é", "x" * 5000, "eyJpZCI6MTJ9", "!!"])
def test_forged_path_tokens_read_as_nothing(token):
    assert read_path_token("withdraw", token) is None
