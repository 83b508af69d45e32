"""Search-index helpers of the youth space."""

from wagtail.search import index


class CountryFilterField(index.FilterField):
    """A django-countries field as a filter: indexed as its ISO code (the
    engine cannot store the ``Country`` object), so ``country="BJ"`` and
    ``country__in=[...]`` filter on the engine as on the database."""

    def get_value(self, obj):
        value = super().get_value(obj)
        return getattr(value, "code", value) or None
