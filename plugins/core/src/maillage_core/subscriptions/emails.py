"""Emails of subscriptions, and the one way a bulk email is built.

Every bulk email (an issue, a digest) has a text part beside its HTML,
``List-Unsubscribe`` and ``List-Unsubscribe-Post`` headers (RFC 8058: a
mail client unsubscribes in one click by POSTing to the link), and the
site's sender (``conf.sender``). Its HTML carries its styles inline and
absolute addresses: mail clients drop style sheets and know no site.
"""

import re
from urllib.parse import urljoin

import css_inline
from bs4 import BeautifulSoup, NavigableString
from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from . import conf, tokens

INLINER = css_inline.CSSInliner(load_remote_stylesheets=False, keep_at_rules=True)
# What mail clients cannot run or show: dropped; a frame becomes a link to its page.
DROPPED = ("script", "noscript", "form", "template", "source")
URL_ATTRIBUTES = {"a": "href", "img": "src"}
BLOCKS = {"p", "div", "section", "article", "header", "footer", "figure", "figcaption", "blockquote", "table",
          "tr", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary", "aside", "main"}


def base_url(request=None):
    """The site's address, without a trailing slash: the Wagtail site the
    request reached (its configured host, not the request's Host header),
    else the default site, else ``WAGTAILADMIN_BASE_URL``."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    url = site.root_url if site else getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    return url.rstrip("/")


def absolute(base, path):
    return urljoin(base + "/", path)


def link_urls(base, subscriber_or_token):
    """(preferences, unsubscribe) addresses of a subscriber (or of a link token)."""
    token = subscriber_or_token if isinstance(subscriber_or_token, str) else tokens.link_token(subscriber_or_token)
    return (
        absolute(base, reverse("maillage_subscriptions:preferences", args=[token])),
        absolute(base, reverse("maillage_subscriptions:unsubscribe", args=[token])),
    )


# Building messages -----------------------------------------------------------


def bulk_message(*, to, subject, text, html=None, unsubscribe_url, connection=None):
    """A bulk email to one address: text part, HTML alternative, one-click unsubscribe."""
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split())[:200],
        body=text,
        from_email=conf.sender(),
        to=[to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
        connection=connection,
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message


def confirmation_message(subscriber, base, topics_text):
    """The double opt-in email: a link that confirms, valid for a few days."""
    confirm_url = absolute(base, reverse("maillage_subscriptions:confirm", args=[tokens.confirm_token(subscriber)]))
    with translation.override(subscriber.language or settings.LANGUAGE_CODE):
        context = {"confirm_url": confirm_url, "topics": topics_text, "days": conf.get("CONFIRM_DAYS"),
                   "site_name": site_name()}
        subject = _("Confirm your subscription to %(site)s") % {"site": site_name()}
        body = render_to_string("maillage_core/subscriptions/emails/confirm.txt", context)
    return EmailMessage(subject=subject, body=body, from_email=conf.sender(), to=[subscriber.email])


def known_address_message(subscriber, base):
    """To an address already subscribed: where to change its topics (the
    public form tells nobody whether an address is known)."""
    preferences_url, _unsubscribe = link_urls(base, subscriber)
    with translation.override(subscriber.language or settings.LANGUAGE_CODE):
        context = {"preferences_url": preferences_url, "site_name": site_name()}
        subject = _("Your subscription to %(site)s") % {"site": site_name()}
        body = render_to_string("maillage_core/subscriptions/emails/known.txt", context)
    return EmailMessage(subject=subject, body=body, from_email=conf.sender(), to=[subscriber.email])


def site_name():
    return getattr(settings, "WAGTAIL_SITE_NAME", "") or conf.sender()


# HTML for mail clients ------------------------------------------------------


def email_html(html, base):
    """``html`` as mail clients need it: styles inline, addresses absolute,
    every image with a text alternative, nothing that runs."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(DROPPED):
        element.decompose()
    for frame in soup.find_all(["iframe", "video", "audio", "object", "embed"]):
        source = frame.get("src") or frame.get("data") or ""
        title = frame.get("title") or _("Watch or listen on the web")
        if source:
            link = soup.new_tag("a", href=absolute(base, source))
            link.string = title
            frame.replace_with(link)
        else:
            frame.decompose()
    for tag, attribute in URL_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if value and not value.startswith(("mailto:", "tel:", "#")):
                element[attribute] = absolute(base, value)
    for image in soup.find_all("img"):
        image.attrs.pop("srcset", None)
        image.attrs.pop("sizes", None)
        image.attrs.pop("loading", None)
        if image.get("alt") is None:
            image["alt"] = ""  # decorative unless said otherwise: read as nothing, not as its file name
    return short_lines(INLINER.inline(str(soup)))


# After these, a line break changes nothing a reader sees.
BLOCK_END = re.compile(r"(</(?:p|h[1-6]|li|ul|ol|div|table|tr|td|th|figure|figcaption|blockquote|section|article)>|<br ?/?>)")


def short_lines(html):
    """The HTML with a line break after each block: the inliner writes one
    line, and a line past 998 characters (RFC 5322) makes the email go out
    quoted-printable, larger and twice as slow to build."""
    if "<pre" in html:
        return html  # preformatted text keeps its lines as they are
    return BLOCK_END.sub(lambda found: found[1] + "\n", html)


def html_to_text(html):
    """The text part of an HTML email: headings, paragraphs, lists, and each
    link's address after its words."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(["style", "script", "head", "title"]):
        element.decompose()
    lines = []
    walk(soup.body or soup, lines)
    text = "".join(lines)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def walk(node, out):
    for child in node.children:
        if isinstance(child, NavigableString):
            if child.__class__.__name__ in ("Comment", "Doctype"):
                continue
            out.append(re.sub(r"\s+", " ", str(child)))
            continue
        name = child.name
        if name == "br":
            out.append("\n")
        elif name == "img":
            if child.get("alt"):
                out.append(f"[{child['alt']}]")
        elif name == "hr":
            out.append("\n\n----------\n\n")
        elif name == "a":
            words = child.get_text(" ", strip=True)
            href = child.get("href", "")
            out.append(words)
            if href and href != words and not href.startswith("#"):
                out.append(f" <{href.removeprefix('mailto:')}>")
        elif name == "li":
            out.append("\n- ")
            walk(child, out)
        elif name in ("td", "th"):
            walk(child, out)
            out.append("  ")
        elif name in BLOCKS:
            out.append("\n\n")
            if name in ("h1", "h2"):
                heading = child.get_text(" ", strip=True)
                out.append(f"{heading}\n{'=' * min(len(heading), 60)}")
            else:
                walk(child, out)
            out.append("\n\n")
        else:
            walk(child, out)
