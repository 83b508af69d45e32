"""Signed links that need no account (cancel a registration, confirm an
update, withdraw a testimony). Each use has its own salt so a token made for
one purpose never works for another.

A token that travels in a page's path (``mise-a-jour/<token>/``) is written
in URL-safe base64: Wagtail serves paths made of letters, digits, ``_`` and
``-`` only, and a signed value contains ``:``.
"""

import base64
import binascii

from django.core import signing


def make_token(purpose: str, value) -> str:
    return signing.TimestampSigner(salt=f"maillage:{purpose}").sign_object(value)


def read_token(purpose: str, token: str, max_age=None):
    """The signed value, or None when the token is forged, altered or expired."""
    if not token or len(token) > 2000:
        return None
    try:
        return signing.TimestampSigner(salt=f"maillage:{purpose}").unsign_object(token, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def make_path_token(purpose: str, value) -> str:
    """``make_token`` written for a path segment."""
    return base64.urlsafe_b64encode(make_token(purpose, value).encode()).decode().rstrip("=")


def read_path_token(purpose: str, token: str, max_age=None):
    """``read_token`` of a path segment: None when forged, altered or expired."""
    if not token or len(token) > 2000:
        return None
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (binascii.Error, ValueError):
        return None
    return read_token(purpose, signed, max_age=max_age)
