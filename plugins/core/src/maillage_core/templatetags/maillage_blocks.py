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


@register.filter
def titled_embed(html, title):
    """Give every frame of an embed the editor's title (providers often give none)."""
    if not html:
        return ""
    soup = BeautifulSoup(str(html), "html.parser")
    for frame in soup.find_all("iframe"):
        frame["title"] = title
        frame["loading"] = "lazy"
    return mark_safe(str(soup))
