"""Amount bands: the search's facet on how much a call gives."""

from django.utils.translation import gettext_lazy as _

# key: (label, smallest euro, largest euro or None)
BANDS = {
    "moins-10k": (_("under €10,000"), 0, 9_999),
    "10k-50k": (_("€10,000 to €50,000"), 10_000, 50_000),
    "50k-200k": (_("€50,000 to €200,000"), 50_001, 200_000),
    "plus-200k": (_("over €200,000"), 200_001, None),
}


def bands_of(amount_min, amount_max):
    """The bands a grant between ``amount_min`` and ``amount_max`` reaches
    (none when the call gives no amount)."""
    if amount_min is None and amount_max is None:
        return []
    low = amount_min if amount_min is not None else 0
    high = amount_max if amount_max is not None else low
    return [key for key, (_label, start, end) in BANDS.items() if low <= (end if end is not None else high) and high >= start]
