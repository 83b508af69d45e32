"""Forms on kept pages: a page whose only part of its own for a visitor is
the CSRF token is kept with a placeholder where the token was, and each
visitor gets a fresh token of their own in its place, through Django's CSRF
middleware (it reads the visitor's cookie, or gives them one).

A page is kept so only if every token it carried is in a form's hidden
field (``{% csrf_token %}``): a token anywhere else (a script, an
attribute) could not be found for sure, and the page is not kept.
"""

import re
import secrets

from django.conf import settings
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CsrfViewMiddleware

PLACEHOLDER = b"maillage-page-cache-csrf-token"
FIELD = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(">)')
# Anything shaped like a masked token (64 letters and digits) left once the
# fields are replaced: maybe a token elsewhere, so the page is not kept.
TOKEN_LIKE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")


def only_csrf_cookie(request, response):
    """Whether the cookie the response sets is the CSRF one alone (from a
    form's token), which every visitor can be given their own of."""
    return (not settings.CSRF_USE_SESSIONS and list(response.cookies) == [settings.CSRF_COOKIE_NAME]
            and "CSRF_COOKIE" in request.META)


def without_tokens(request, content):
    """The content with a placeholder for each token, or None when a token
    (or the secret behind them) may be left in it."""
    kept, replaced = FIELD.subn(rb"\1" + PLACEHOLDER + rb"\2", content)
    if not replaced or TOKEN_LIKE.search(kept) or request.META["CSRF_COOKIE"].encode() in kept:
        return None
    return kept


class _Csrf(CsrfViewMiddleware):
    """Django's CSRF middleware, asked only to read and set the cookie."""

    def __init__(self):
        super().__init__(lambda request: None)


_csrf = None


def with_token(request, content):
    """The content with this visitor's token; call ``set_cookie`` on the response."""
    global _csrf
    if _csrf is None:
        _csrf = _Csrf()
    _csrf.process_request(request)  # the visitor's secret, from their cookie
    return content.replace(PLACEHOLDER, masked_token(request).encode())


def masked_token(request):
    """What Django's ``get_token`` gives (a new secret for a visitor without
    one, masked afresh for each page), with its letters drawn from one read
    of the system's random source instead of one read per letter: that was
    two thirds of the cost of answering a kept form page."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = random_letters(CSRF_SECRET_LENGTH)
        request.META["CSRF_COOKIE"] = secret
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # sent, or renewed, as Django does
    mask = random_letters(CSRF_SECRET_LENGTH)
    return mask + "".join(LETTERS[(POSITION[s] + POSITION[m]) % len(LETTERS)] for s, m in zip(secret, mask, strict=True))


LETTERS = CSRF_ALLOWED_CHARS
POSITION = {letter: position for position, letter in enumerate(LETTERS)}
# The largest multiple of the alphabet's size under 256: a byte at or above it
# is dropped, so that every letter is equally likely.
UNBIASED = 256 - 256 % len(LETTERS)


def random_letters(count):
    letters = []
    while len(letters) < count:
        letters.extend(LETTERS[byte % len(LETTERS)] for byte in secrets.token_bytes(count) if byte < UNBIASED)
    return "".join(letters[:count])


def set_cookie(request, response):
    """The CSRF cookie for a visitor who had none (renewed otherwise, as Django does)."""
    return _csrf.process_response(request, response)
