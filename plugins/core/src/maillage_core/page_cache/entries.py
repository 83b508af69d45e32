"""A kept response as plain data: quick to store and to load again, and
free of the request it answered (no cookies, no session, no CSRF token)."""

import time
from dataclasses import dataclass

from django.http import HttpResponse

from . import tokens

#: Headers a kept response must not carry to another visitor.
DROPPED = {"set-cookie", "date", "x-page-cache", "age"}


@dataclass
class Entry:
    status: int
    headers: dict
    content: bytes
    created: float
    #: Whether the content has a placeholder for each visitor's CSRF token.
    csrf: bool = False
    # Until when it may be answered (the page cache's limit), and its weight
    # in a worker's memory: set by ``load()``.
    expires: float = 0.0
    size: int = 0

    @classmethod
    def of(cls, request, response):
        """The entry to keep for this response, or None if it cannot be
        kept for every visitor (it sets a cookie other than a form's token)."""
        content, csrf = response.content, False
        if response.cookies:
            if not tokens.only_csrf_cookie(request, response):
                return None
            content, csrf = tokens.without_tokens(request, content), True
            if content is None:
                return None
        headers = {name: value for name, value in response.headers.items() if name.lower() not in DROPPED}
        return cls(response.status_code, headers, content, time.time(), csrf)

    def dump(self):
        return (self.status, self.headers, self.content, self.created, self.csrf)

    @classmethod
    def load(cls, value, seconds):
        status, headers, content, created, csrf = value
        return cls(status, headers, content, created, csrf, created + seconds, len(content) + 64 * len(headers))

    def response(self, request, state):
        content = tokens.with_token(request, self.content) if self.csrf else self.content
        # The headers were checked when the page was drawn: given whole, not one by one.
        response = HttpResponse(content, status=self.status, headers=self.headers)
        response.headers["Age"] = str(max(0, int(time.time() - self.created)))
        response.headers["X-Page-Cache"] = state
        if self.csrf:
            response.headers["Content-Length"] = str(len(content))
            tokens.set_cookie(request, response)
        return response
