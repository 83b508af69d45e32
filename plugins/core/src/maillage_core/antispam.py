"""Spam protection for public forms: a honeypot field and a rate limit.

The honeypot is a text field people never see or reach with the keyboard;
robots fill it. The rate limit counts submissions per client address in the
cache, so it holds across workers when the cache is shared.
"""

import ipaddress

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website_url"


class HoneypotFormMixin(forms.Form):
    website_url = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        # Label and input both sit in a visually hidden wrapper.
        template_name="maillage_core/widgets/honeypot_field.html",
    )

    def clean_website_url(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _("This submission looks automated and was not accepted. If you are a person, leave the last field empty.")
            )
        return ""


def client_address(request) -> str | None:
    """The address of the visitor, the one every limit of the site counts by
    (form rate limits here, the sign-in lockout through django-axes).

    Behind ``MAILLAGE_TRUSTED_PROXY_HOPS`` reverse proxies, each of which
    appends the address it was reached from to X-Forwarded-For, the visitor
    is the entry that many places from the end: the entries before it came
    from the visitor and prove nothing. A header too short for the hops, or
    whose entry is not an address, means the proxies are not as configured:
    the connection's own address (REMOTE_ADDR) is used then. None when even
    that is not an IP address (a Unix socket).
    """
    hops = getattr(settings, "MAILLAGE_TRUSTED_PROXY_HOPS", 0)
    if hops > 0:
        entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(entries) >= hops:
            address = ip_address_or_none(entries[-hops])
            if address is not None:
                return address
    return ip_address_or_none(request.META.get("REMOTE_ADDR", ""))


def ip_address_or_none(text: str) -> str | None:
    """``text`` as a canonical IP address (one spelling per address), or None."""
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def rate_limited(request, scope: str, limit: int | None = None, period: int = 3600) -> bool:
    """Count one attempt; True when this client went over ``limit`` in ``period`` seconds."""
    if limit is None:
        limit = getattr(settings, "MAILLAGE_FORM_RATE_LIMIT", 10)
    if limit <= 0:
        return False
    key = f"maillage:rate:{scope}:{client_address(request) or 'unknown'}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    return count > limit


RATE_LIMIT_MESSAGE = _("Too many submissions from your connection. Please wait an hour and try again.")
