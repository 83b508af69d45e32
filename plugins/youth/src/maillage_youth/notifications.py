"""Emails of the youth space. Each is sent after the commit; a mail
server outage is logged and never loses what was submitted."""

import logging

from django.core.mail import BadHeaderError, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from . import conf
from .models.base import offer_board, testimony_index
from .models.offers import Offer
from .models.testimonies import Testimony
from .tokens import make_withdraw_token

logger = logging.getLogger("maillage.youth")


def one_line(text):
    return " ".join(str(text).split())[:100]


def send(subject, template, context, recipients):
    recipients = [address for address in recipients if address]
    if not recipients:
        return False
    try:
        send_mail(one_line(subject), render_to_string(template, context), None, recipients)
        return True
    except (OSError, BadHeaderError):
        logger.exception("could not send %s to %s", template, recipients)
        return False


def offer_received(offer, request=None):
    context = {"offer": offer}
    send(_("We received your offer"), "maillage_youth/email/offer_received.txt", context, [offer.submitter_email])
    send(
        _("Espace Jeunes: an offer awaits moderation (%(title)s)") % {"title": offer.title},
        "maillage_youth/email/offer_to_officer.txt",
        context,
        [conf.officer_email()],
    )


def withdraw_link(testimony, request=None):
    index_page = testimony_index(request)
    base = index_page.get_full_url(request) if index_page else ""
    return f"{base}retrait/{make_withdraw_token(testimony)}/" if base else ""


def offer_link(offer):
    board = offer_board(None)
    base = board.get_full_url() if board else ""
    return f"{base}{offer.slug}/" if base else ""


def testimony_link(testimony):
    index_page = testimony_index(None)
    base = index_page.get_full_url() if index_page else ""
    return f"{base}{testimony.pk}/" if base else ""


def testimony_received(testimony, request=None):
    context = {"testimony": testimony, "withdraw_link": withdraw_link(testimony, request)}
    send(_("We received your testimony"), "maillage_youth/email/testimony_received.txt", context, [testimony.email])
    send(
        _("Espace Jeunes: a testimony awaits moderation (%(title)s)") % {"title": testimony.title},
        "maillage_youth/email/testimony_to_officer.txt",
        context,
        [conf.officer_email()],
    )


def claim_publication_notice(model, pk):
    """True once per object: the first publication tells the submitter, a
    later one (a correction) does not, even when two run at once."""
    return bool(
        model.objects.filter(pk=pk, published_notice_sent_at__isnull=True).update(
            published_notice_sent_at=timezone.now()
        )
    )


def published(instance, **kwargs):
    """Wagtail's ``published`` signal: tell the submitter their offer or story is online."""
    if isinstance(instance, Offer) and instance.submitter_email:
        if claim_publication_notice(Offer, instance.pk):
            transaction.on_commit(lambda: offer_published(instance))
    elif isinstance(instance, Testimony) and instance.email:
        if claim_publication_notice(Testimony, instance.pk):
            transaction.on_commit(lambda: testimony_published(instance))


def offer_published(offer):
    context = {"offer": offer, "link": offer_link(offer)}
    send(_("Your offer is online"), "maillage_youth/email/offer_published.txt", context, [offer.submitter_email])


def testimony_published(testimony):
    context = {"testimony": testimony, "link": testimony_link(testimony), "withdraw_link": withdraw_link(testimony)}
    send(_("Your testimony is online"), "maillage_youth/email/testimony_published.txt", context, [testimony.email])
