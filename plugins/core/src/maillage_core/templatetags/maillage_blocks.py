"""Template filters of the editorial blocks (documents, embeds), for any app
that renders them."""

import os

from bs4 import BeautifulSoup
from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def document_meta(document):
    """“PDF, 245 Ko”: what a visitor downloads before clicking (RGAA 6.1 advice)."""
    extension = os.path.splitext(document.file.name)[1].lstrip(".").upper() or "?"
    size = document.file_size
    if size is None:
        try:
            size = document.get_file_size()
        except OSError:  # file missing from storage
            size = None
    return f"{extension}, {filesizeformat(size)}" if size else extension


# Shapes a responsive frame can take (maillage.css): a frame whose width and
# height are close to one of them fills the column at that shape.
FRAME_SHAPES = {"16x9": 16 / 9, "4x3": 4 / 3, "1x1": 1.0, "9x16": 9 / 16}


def frame_shape(frame):
    try:
        ratio = int(frame.get("width", "")) / int(frame.get("height", ""))
    except (TypeError, ValueError, ZeroDivisionError):  # "100%", missing: the provider sized it
        return None
    name, shape = min(FRAME_SHAPES.items(), key=lambda item: abs(item[1] - ratio))
    return name if abs(shape - ratio) / shape < 0.05 else None


@register.filter
def titled_embed(html, title):
    """Give every frame of an embed the editor's title (providers often give
    none), and no style attribute: the site's Content-Security-Policy refuses
    them, so the shape Wagtail's responsive wrapper gives in one becomes a class."""
    if not html:
        return ""
    soup = BeautifulSoup(str(html), "html.parser")
    for element in soup.find_all(style=True):
        del element["style"]
    for frame in soup.find_all("iframe"):
        frame["title"] = title
        frame["loading"] = "lazy"
        wrapper = frame.find_parent(class_="responsive-object")
        shape = frame_shape(frame)
        if wrapper is not None and shape:
            wrapper["class"] = [*wrapper["class"], f"responsive-object--{shape}"]
    return mark_safe(str(soup))
