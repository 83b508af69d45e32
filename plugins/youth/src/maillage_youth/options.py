"""The options of the board's and the finder's list boxes, written here
rather than by a template loop (a few dozen options, each a loop turn, a
test and two escaped variables); the markup is what the loops wrote."""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.text import capfirst

OPTION = '<option value="{value}"{selected}>{label}</option>'


def options_html(pairs, chosen=(), *, capitalised=False):
    """``<option>``s of ``pairs`` (value, label), those in ``chosen`` selected."""
    return mark_safe("".join(
        OPTION.format(value=escape(str(value)), selected=" selected" if value in chosen else "",
                      label=escape(str(capfirst(label) if capitalised else label)))
        for value, label in pairs))
