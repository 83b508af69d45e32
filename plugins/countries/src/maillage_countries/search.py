"""Country pages in site search: a country is found by its name (in French
or in the visitor's language, accents folded) or its profile's capital, in
the database, as there are at most a few hundred of them."""

from functools import cache

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext_lazy

from maillage_core.content_memo import for_anonymous
from maillage_core.search.sources import SearchHit, SearchSource, SourceResults

from . import names, views


@cache
def folded_names(language):
    """{code: its name in ``language`` and its French slug, folded} for
    every country: made once per language, not on every search."""
    return {code: views.fold(f"{names.name_of(code)} {slug.replace('-', ' ')}")
            for code, slug in names.french_slugs().items()}


class CountrySearchSource(SearchSource):
    key = "countries"
    label = gettext_lazy("Countries")
    order = 15

    def search(self, query, *, request, offset=0, limit=10) -> SourceResults:
        from .models import CountryIndexPageMixin
        from .profiles import CountryProfile

        words = views.fold(query).split()
        page = CountryIndexPageMixin.for_request(request)
        if not words or page is None:
            return SourceResults()
        # Every site search asks this source (for its tab's count), and the
        # profiles and the countries with a page (every plugin's figures:
        # tens of milliseconds with 100,000 actors) change only with the
        # content: kept under its version for anonymous visitors.
        profiles = for_anonymous(request, ("country_search_profiles",), lambda: {
            str(profile.country.code): profile for profile in CountryProfile.objects.all()})
        matching = []
        for code, text in folded_names(get_language()).items():
            profile = profiles.get(code)
            if profile and profile.capital:
                text = f"{text} {views.fold(profile.capital)}"
            if all(word in text for word in words):
                matching.append(code)
        if not matching:
            # Most searches name no country: the countries that have a page
            # (every plugin's figures) are only gathered when one does.
            return SourceResults()
        available = for_anonymous(request, ("country_search_available",),
                                  lambda: frozenset(views.available_codes(request)))
        base = page.get_url(request=request) or ""
        found = []
        for code in sorted((code for code in matching if code in available), key=lambda code: views.fold(names.name_of(code))):
            profile = profiles.get(code)
            summary = Truncator(strip_tags(profile.intro)).words(30) if profile else ""
            found.append(SearchHit(title=names.name_of(code), url=f"{base}{names.slug_for(code)}/",
                                   summary=summary, meta=str(gettext_lazy("Country page"))))
        return SourceResults(hits=found[offset : offset + limit], total=len(found))
