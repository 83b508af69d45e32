"""Offers leave the board after their closing date.

``close_expired_offers`` unpublishes every live offer whose closing date
has passed and marks it expired (its page then says it is closed). It is
safe to run twice, or twice at once: each offer is re-read under a row
lock inside its own transaction and only a still-live offer is touched,
so a second run finds nothing to do. Public views never wait for it: they
filter on the date themselves.
"""

import logging

from django.db import transaction
from django.utils import timezone

from .models import Offer

logger = logging.getLogger("maillage.youth")


def expired_offer_ids(today=None):
    today = today or timezone.localdate()
    return list(Offer.objects.filter(live=True, closing_date__lt=today).order_by("pk").values_list("pk", flat=True))


def close_expired_offers(today=None, progress=None):
    """Unpublish the offers whose closing date has passed; returns how many were closed."""
    today = today or timezone.localdate()
    ids = expired_offer_ids(today)
    closed = 0
    for number, pk in enumerate(ids, start=1):
        if close_one(pk, today):
            closed += 1
        if progress:
            progress(number, len(ids))
    return closed


@transaction.atomic
def close_one(pk, today):
    offer = Offer.objects.select_for_update().filter(pk=pk, live=True, closing_date__lt=today).first()
    if offer is None:
        return False  # closed meanwhile by another run, or its date was moved
    offer.unpublish(set_expired=True, log_action="maillage_youth.close")
    logger.info("offer %s closed on %s", pk, offer.closing_date)
    return True
