"""What visitors may subscribe to: topics that plugins register through the
``maillage_subscription_topics`` hook (``maillage_core.hooks``).

A topic without ``new_items`` is sent as issues (La Lettre: the officer
sends each issue from the admin); a topic with ``new_items`` goes into the
subscriber's daily or weekly digest. ``filters`` let a subscriber narrow a
topic (offers of some kinds, in some countries); an empty choice means all.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from wagtail import hooks

from ..hooks import SUBSCRIPTION_TOPICS


@dataclass(frozen=True)
class TopicFilter:
    name: str
    label: str
    #: () -> [(value, label)], read each time a form is built (countries, vocabulary).
    choices: Callable[[], Iterable[tuple[str, str]]]


@dataclass(frozen=True)
class DigestItem:
    #: Unique within its topic and stable: the digest never sends one key twice to a subscriber.
    key: str
    title: str
    url: str
    published_at: datetime
    summary: str = ""


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    description: str = ""
    filters: tuple[TopicFilter, ...] = ()
    #: (since, filters) -> iterable of DigestItem published after ``since``
    #: that match ``filters`` ({filter name: [values]}, empty lists left out).
    new_items: Callable[[datetime, dict], Iterable[DigestItem]] | None = field(default=None, compare=False)
    order: int = 100

    @property
    def in_digest(self):
        return self.new_items is not None

    def filter(self, name):
        return next((found for found in self.filters if found.name == name), None)


def all_topics() -> dict[str, Topic]:
    """{key: topic}, in the order forms show them."""
    found = [topic for fn in hooks.get_hooks(SUBSCRIPTION_TOPICS) for topic in fn()]
    return {topic.key: topic for topic in sorted(found, key=lambda topic: (topic.order, topic.key))}


def get_topic(key):
    return all_topics().get(key)


def clean_filters(topic, filters):
    """Only the filters the topic declares, with values it offers (a topic may
    drop a choice after someone subscribed to it)."""
    cleaned = {}
    for topic_filter in topic.filters:
        offered = {str(value) for value, _label in topic_filter.choices()}
        values = [value for value in (filters or {}).get(topic_filter.name, []) if value in offered]
        if values:
            cleaned[topic_filter.name] = sorted(set(values))
    return cleaned


def describe(topic, filters):
    """The topic and its filters in words, as the subscriber chose them: what
    a consent record keeps and emails repeat."""
    parts = []
    for topic_filter in topic.filters:
        values = (filters or {}).get(topic_filter.name)
        if values:
            labels = dict((str(value), str(label)) for value, label in topic_filter.choices())
            parts.append(f"{topic_filter.label}: {', '.join(labels.get(value, value) for value in values)}")
    return f"{topic.label} ({'; '.join(parts)})" if parts else str(topic.label)
