"""Signed links that need no account (cancel a registration, confirm an
update, withdraw a testimony). Each use has its own salt so a token made for
one purpose never works for another."""

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
