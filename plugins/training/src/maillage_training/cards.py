"""The session cards of the programme's listings (semester, upcoming, past),
written here with ``html.escape`` and format strings rather than through
``{% include %}`` per card: a card's template, with its own includes for the
dates and the seats, cost about a millisecond each (six date filters, a
plural translation, the sectors), most of an uncached programme page. The
markup and the words are those the templates wrote, byte for byte: the
translated words are not escaped, as ``{% translate %}`` leaves them; the
values are (a test compares a card with the includes that still write the
session and training pages).
"""

from html import escape

from django.template.defaultfilters import floatformat
from django.utils import dateformat, timezone
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from . import conf

CARD = (
    '<li class="session-card">\n'
    '  <h3><a href="{url}">{title}</a></h3>\n'
    "  <p>{when}\n{where}</p>\n"
    '  <p class="session-meta">{format} · {price} · {seats}\n</p>\n'
    "  {sectors}\n"
    "</li>\n"
)


def session_cards(sessions, *, past=None):
    """The cards of ``sessions`` (each with ``training_page`` and ``url``, see
    ``views.common.attach_trainings``) as one safe string; ``past`` None asks
    each session whether it is over."""
    zone = conf.time_zone()
    now = timezone.now()
    return mark_safe("".join(card(session, zone, session.is_past(now) if past is None else past) for session in sessions))


def card(session, zone, past):
    training = session.training_page
    sectors = [escape(sector.label) for sector in training.listed_sectors]
    return CARD.format(
        url=escape(session.url),
        title=escape(training.title),
        when=when(session, zone),
        where=where(session),
        format=escape(str(training.get_format_display())),
        price=gettext("Free") if training.is_free else f"{floatformat(training.price, '-2')} €",
        seats=seats(session, past),
        sectors=(
            f'<ul class="sector-tags" aria-label="{gettext("Sectors")}">'
            + "".join(f"<li>{label}</li>" for label in sectors) + "</ul>"
        ) if sectors else "",
    )


def when(session, zone):
    """As includes/session_when.html writes it."""
    start, end = timezone.localtime(session.start, zone), timezone.localtime(session.end, zone)
    iso = escape(dateformat.format(start, "c"))
    if start.date() == end.date():
        return (f'<time datetime="{iso}">{escape(dateformat.format(start, "l j F Y"))}</time>, '
                f'{escape(dateformat.time_format(start, "H:i"))}–{escape(dateformat.time_format(end, "H:i"))}')
    return gettext('from <time datetime="%(iso)s">%(start)s</time> to %(end)s') % {
        "iso": iso, "start": escape(dateformat.format(start, "l j F Y")), "end": escape(dateformat.format(end, "l j F Y")),
    }


def where(session):
    label = session.location_label()
    if label:
        department = f" ({escape(session.department.code)})" if session.department else ""
        return f" · {escape(label)}{department}"
    return f" · {gettext('Online')}" if session.online_url else ""


def seats(session, past):
    """As includes/seats.html writes it."""
    if session.is_cancelled:
        return f'<span class="seats seats--cancelled badge">{gettext("Cancelled")}</span>'
    if past:
        return f'<span class="seats">{gettext("Took place")}</span>'
    if session.is_full:
        waiting = ""
        if session.waitlist_count:
            count = session.waitlist_count
            text = ngettext("%(counter)s person waiting", "%(counter)s people waiting", count) % {"counter": localize(count)}
            waiting = f" ({text})"
        return f'<span class="seats seats--full">{gettext("Full: waitlist open")}{waiting}</span>'
    count = session.seats_left
    text = ngettext("%(counter)s seat left of %(capacity)s", "%(counter)s seats left of %(capacity)s", count) % {
        "counter": localize(count), "capacity": localize(session.capacity),
    }
    return f'<span class="seats">{text}</span>'
