"""The daily archive of calls past their closing date.

Public searches already leave such a call out the day after its closing
date (they compare dates with today); archiving marks it in the admin and
logs it, once: a second run the same day finds nothing to do."""

from django.utils import timezone

from maillage_core.page_cache import content_changed

from .models.calls import FundingCall, local_today


def archive_past_calls(today=None):
    """Mark archived every call past its closing date not yet marked; returns how many."""
    today = today or local_today()
    due = FundingCall.objects.filter(archived=False, permanent=False, closes_on__lt=today)
    # A plain update: the search documents do not change (dates decide).
    archived = due.update(archived=True, updated_at=timezone.now())
    if archived:
        content_changed()  # no signal from update(): kept pages would still show them current
    return archived
