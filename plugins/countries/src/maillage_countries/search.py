"""Country pages in site search: a country is found by its name (in French
or in the visitor's language, accents folded) or its profile's capital, in
the database, as there are at most a few hundred of them."""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy

from maillage_core.search.sources import SearchHit, SearchSource, SourceResults

from . import names, views


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
        profiles = {str(profile.country.code): profile for profile in CountryProfile.objects.all()}
        base = page.get_url(request=request) or ""
        found = []
        for code in sorted(views.available_codes(request), key=lambda code: views.fold(names.name_of(code))):
            profile = profiles.get(code)
            text = views.fold(" ".join([names.name_of(code), names.slug_for(code).replace("-", " "),
                                        profile.capital if profile else ""]))
            if all(word in text for word in words):
                summary = Truncator(strip_tags(profile.intro)).words(30) if profile else ""
                found.append(SearchHit(title=names.name_of(code), url=f"{base}{names.slug_for(code)}/",
                                       summary=summary, meta=str(gettext_lazy("Country page"))))
        return SourceResults(hits=found[offset : offset + limit], total=len(found))
