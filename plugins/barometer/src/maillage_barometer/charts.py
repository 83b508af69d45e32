"""Bar charts drawn on the server as inline SVG: no script, readable when
printed. Each chart is an image with a title and a description for screen
readers (``role="img"``); the page puts its data table next to it."""

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

WIDTH = 640
# Room for a label above its bar at the phone size of the text (28 units,
# barometer.css: on a 320 px screen the chart is drawn at under half size).
LABEL_HEIGHT = 34
LABEL_BASELINE = 27
BAR_HEIGHT = 14
PREVIOUS_HEIGHT = 8
GAP = 12
VALUE_SPACE = 90  # room for the value after the longest bar


@dataclass(frozen=True)
class Bar:
    label: str
    value: object  # an int, or figures.HIDDEN
    previous: object = None  # the previous edition's, when compared
    key: str = ""  # the answer's key (a country's code...)


def scale(bars):
    numbers = [v for bar in bars for v in (bar.value, bar.previous) if isinstance(v, int)]
    return max(numbers, default=0) or 1


def bar_chart(chart_id, title, description, bars, value_format=str):
    """Horizontal bars, one per row, the previous edition's as a thinner grey
    bar under each; a hidden value (< 5) is written, not drawn."""
    compared = any(bar.previous is not None for bar in bars)
    step = LABEL_HEIGHT + BAR_HEIGHT + (PREVIOUS_HEIGHT + 2 if compared else 0) + GAP
    height = max(step * len(bars), step)
    top = scale(bars)
    room = WIDTH - VALUE_SPACE
    parts = []
    for index, bar in enumerate(bars):
        y = index * step
        parts.append(format_html('<text x="0" y="{}" class="barometer-chart__label">{}</text>',
                                 y + LABEL_BASELINE, bar.label))
        parts.append(one_bar(bar.value, y + LABEL_HEIGHT, BAR_HEIGHT, top, room, "current", value_format))
        if compared:
            parts.append(one_bar(bar.previous, y + LABEL_HEIGHT + BAR_HEIGHT + 2, PREVIOUS_HEIGHT, top, room,
                                 "previous", value_format))
    return format_html(
        '<svg class="barometer-chart" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{parts}</svg>',
        id=chart_id, w=WIDTH, h=height, title=title, desc=description, parts=mark_safe("".join(parts)),  # noqa: S308  (each part escaped by format_html)
    )


def one_bar(value, y, height, top, room, kind, value_format):
    if value is None:
        return ""
    if not isinstance(value, int):
        return format_html('<text x="0" y="{}" class="barometer-chart__value">{}</text>', y + height - 2, value)
    width = round(room * value / top, 1)
    return format_html(
        '<rect x="0" y="{}" width="{}" height="{}" class="barometer-chart__bar barometer-chart__bar--{}"></rect>'
        '<text x="{}" y="{}" class="barometer-chart__value">{}</text>',
        y, width, height, kind, width + 4, y + height - 2, escape(value_format(value)),
    )


def column_chart(chart_id, title, description, columns):
    """Vertical columns over the years (the evolution): [(year, value)]."""
    count = max(len(columns), 1)
    column_width = min(80, (WIDTH - 20) // count - 16)
    height = 200
    bottom = height - 34  # the years under the columns, at the phone size of the text
    room = bottom - 30  # and the value above the highest column
    top = max((v for _label, v in columns if isinstance(v, int)), default=0) or 1
    parts = []
    for index, (label, value) in enumerate(columns):
        x = 10 + index * (column_width + 16)
        bar = round(room * value / top, 1) if isinstance(value, int) else 0
        parts.append(format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" class="barometer-chart__bar barometer-chart__bar--current"></rect>'
            '<text x="{}" y="{}" text-anchor="middle" class="barometer-chart__value">{}</text>'
            '<text x="{}" y="{}" text-anchor="middle" class="barometer-chart__label">{}</text>',
            x, bottom - bar, column_width, bar, x + column_width / 2, bottom - 4 - bar, value,
            x + column_width / 2, height - 8, label,
        ))
    return format_html(
        '<svg class="barometer-chart" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{parts}</svg>',
        id=chart_id, w=WIDTH, h=height, title=title, desc=description, parts=mark_safe("".join(parts)),  # noqa: S308
    )


def stacked_bar_chart(chart_id, title, description, rows):
    """One horizontal bar per row split in parts: ``rows`` is [(label,
    [(value, css class)])]; a hidden value (< 5) leaves its row unsplit,
    written, not drawn."""
    step = LABEL_HEIGHT + BAR_HEIGHT + GAP
    height = max(step * len(rows), step)
    top = max((sum(v for v, _css in parts if isinstance(v, int)) for _label, parts in rows), default=0) or 1
    room = WIDTH - VALUE_SPACE
    drawn = []
    for index, (label, parts) in enumerate(rows):
        y = index * step
        drawn.append(format_html('<text x="0" y="{}" class="barometer-chart__label">{}</text>',
                                 y + LABEL_BASELINE, label))
        if not all(isinstance(value, int) for value, _css in parts):
            drawn.append(format_html('<text x="0" y="{}" class="barometer-chart__value">{}</text>',
                                     y + LABEL_HEIGHT + BAR_HEIGHT - 2,
                                     " / ".join(str(value) for value, _css in parts)))
            continue
        x = 0.0
        for value, css in parts:
            width = round(room * value / top, 1)
            drawn.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" class="barometer-chart__bar {}"></rect>',
                x, y + LABEL_HEIGHT, width, BAR_HEIGHT, css))
            x += width
        drawn.append(format_html('<text x="{}" y="{}" class="barometer-chart__value">{}</text>', round(x + 4, 1),
                                 y + LABEL_HEIGHT + BAR_HEIGHT - 2, " / ".join(str(value) for value, _css in parts)))
    return format_html(
        '<svg class="barometer-chart" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{parts}</svg>',
        id=chart_id, w=WIDTH, h=height, title=title, desc=description, parts=mark_safe("".join(drawn)),  # noqa: S308
    )
