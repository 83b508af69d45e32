"""Topics of the subscription tests, registered for a test only (inside a
host site, its plugins' topics are there too), and helpers to read emails."""

import re
import smtplib
from datetime import timedelta

from django.core.mail.backends import locmem
from django.utils import timezone

from maillage_core.subscriptions.topics import DigestItem, Topic, TopicFilter

REGIONS = [("sahel", "Sahel"), ("andes", "Andes")]


class Items:
    """The new items of the test topic: tests add some and the digest asks."""

    def __init__(self):
        self.items = []

    def add(self, key, title, region="sahel", days_ago=0):
        self.items.append((DigestItem(
            key=key, title=title, url=f"/nouvelles/{key}/",
            published_at=timezone.now() - timedelta(days=days_ago), summary=f"À propos de {title}.",
        ), region))

    def new_items(self, since, filters):
        wanted = filters.get("region")
        return [item for item, region in self.items
                if item.published_at > since and (not wanted or region in wanted)]


def topics_of(items):
    return [
        Topic(key="bulletin", label="Le Bulletin", description="Le journal du réseau.", order=1),
        Topic(key="nouvelles", label="Nouvelles du réseau", filters=(
            TopicFilter("region", "Région", lambda: REGIONS),), new_items=items.new_items, order=2),
    ]


LINK = re.compile(r"https?://[^\s<>\"]+")


def links_in(message, part=""):
    return [link for link in LINK.findall(message.body) if part in link]


class Crash(BaseException):
    """A worker killed in the middle of a batch (not an error it could catch)."""


class CrashingEmailBackend:
    """Django's test outbox, with a crash right after the ``crash_after``-th
    message was handed over: that reader got it, the worker never knew."""

    crash_after = None
    handed = 0

    def __init__(self, *args, **kwargs):
        from django.core.mail.backends.locmem import EmailBackend

        self.inner = EmailBackend(*args, **kwargs)

    def open(self):
        return self.inner.open()

    def close(self):
        return self.inner.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def send_messages(self, messages):
        sent = 0
        for message in messages:
            sent += self.inner.send_messages([message])
            type(self).handed += 1
            if type(self).handed == type(self).crash_after:
                type(self).crash_after = None
                raise Crash
        return sent


class RefusingEmailBackend(locmem.EmailBackend):
    """Django's test outbox, with a mail server that refuses addresses
    starting with "inconnu" (they do not exist)."""

    def send_messages(self, messages):
        for message in messages:
            if message.to[0].startswith("inconnu"):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
        return super().send_messages(messages)
