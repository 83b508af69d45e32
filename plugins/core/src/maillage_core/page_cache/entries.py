"""A kept response as plain data: quick to store and to load again, and
free of the request it answered (no cookies, no session)."""

import time
from dataclasses import dataclass

from django.http import HttpResponse

#: Headers a kept response must not carry to another visitor.
DROPPED = {"set-cookie", "date", "x-page-cache", "age"}


@dataclass
class Entry:
    status: int
    headers: list
    content: bytes
    created: float

    @classmethod
    def of(cls, response):
        headers = [(name, value) for name, value in response.headers.items() if name.lower() not in DROPPED]
        return cls(response.status_code, headers, response.content, time.time())

    def dump(self):
        return (self.status, self.headers, self.content, self.created)

    @classmethod
    def load(cls, value):
        return cls(*value)

    def response(self, state):
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        response.headers["Age"] = str(max(0, int(time.time() - self.created)))
        response.headers["X-Page-Cache"] = state
        return response
