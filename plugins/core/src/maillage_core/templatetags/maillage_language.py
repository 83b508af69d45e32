"""``{% content_lang %}``: marks an element holding the editors' own words.

Pages, actors and offers are written in the site's language (French by
default) and are not translated; the interface around them is. Read in
English, the page is ``lang="en"`` and only these elements say
``lang="fr"``, so a screen reader reads each part with the right voice."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


def content_language():
    return (getattr(settings, "MAILLAGE_CONTENT_LANGUAGE", "") or settings.LANGUAGE_CODE).split("-")[0]


@register.simple_tag
def content_lang():
    content = content_language()
    if (get_language() or content).split("-")[0] == content:
        return ""  # the page's own language already says it
    return format_html(' lang="{}"', content)
