"""Query-string parameters, read without ever raising.

Every public listing reads its parameters through these helpers: a value
that does not parse is dropped and reported in a message the page shows,
never turned into a server error.
"""

import re
import unicodedata

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_QUERY_LENGTH = 200
MAX_VALUES = 30


def clean_text(value, max_length=MAX_QUERY_LENGTH) -> str:
    """Normalise, strip control characters and cut to ``max_length``."""
    text = unicodedata.normalize("NFC", str(value or ""))
    text = CONTROL.sub(" ", text)
    return " ".join(text.split())[:max_length]


def search_query(request, name="q"):
    """The search text and, when it had to be shortened, a message saying so."""
    raw = request.GET.get(name, "")
    text = clean_text(raw)
    message = ""
    if len(" ".join(raw.split())) > MAX_QUERY_LENGTH:
        message = _("Your search was shortened to its first %(count)s characters.") % {"count": MAX_QUERY_LENGTH}
    return text, message


def choices(request, name, allowed, max_values=MAX_VALUES):
    """The values of a repeatable parameter that belong to ``allowed``.

    Returns (values, rejected): unknown or repeated values are dropped and
    listed in ``rejected`` so the page can say so.
    """
    allowed = {str(value) for value in allowed}
    values, rejected = [], []
    for raw in request.GET.getlist(name)[: max_values * 2]:
        value = clean_text(raw, 40)
        if value in allowed and value not in values and len(values) < max_values:
            values.append(value)
        elif value not in values:
            rejected.append(value)
    return values, rejected


def one_of(request, name, allowed, default):
    value = clean_text(request.GET.get(name, ""), 40)
    return (value, None) if value in allowed else (default, value or None)


def integer(request, name, *, minimum=None, maximum=None, default=None):
    raw = clean_text(request.GET.get(name, ""), 40)
    if not raw:
        return default, None
    if len(raw) > 12 or not raw.lstrip("-").isascii():
        return default, raw
    try:
        value = int(raw)
    except ValueError:
        return default, raw
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        return default, raw
    return value, None


class Page:
    """A page of results and the message to show when the asked page was wrong."""

    def __init__(self, page, message=""):
        self.page = page
        self.message = message


def paginate(request, object_list, per_page, name="page") -> Page:
    paginator = Paginator(object_list, per_page)
    raw = clean_text(request.GET.get(name, ""), 40)
    if not raw:
        return Page(paginator.page(1))
    try:
        if len(raw) > 12 or not raw.isascii():
            raise ValueError(raw)
        number = int(raw)
    except ValueError:
        return Page(paginator.page(1), _("“%(value)s” is not a page number; here is the first page.") % {"value": raw})
    if number < 1:
        return Page(paginator.page(1), _("There is no page %(number)s; here is the first page.") % {"number": number})
    if number > paginator.num_pages:
        last = paginator.num_pages
        return Page(
            paginator.page(last),
            _("There is no page %(number)s; here is the last page (%(last)s).") % {"number": number, "last": last},
        )
    return Page(paginator.page(number))
