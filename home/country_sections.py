"""The site's news and resources about a country, for its country page
(``maillage_country_sections``): two queries whatever their number."""

from django.utils.translation import gettext as _

from maillage_core.hooks import Section
from maillage_core.site_pages import public, under_site

from .models import NewsPage, ResourcePage

LATEST = 5


def country_sections(request, code):
    news = list(under_site(public(NewsPage.objects.live()), request)
                .filter(countries__contains=code).order_by("-date", "-pk")[:LATEST])
    resources = list(under_site(public(ResourcePage.objects.live()), request)
                     .filter(countries__contains=code).order_by("-date", "-pk")[:LATEST])
    if not news and not resources:
        return []
    return [Section(key="news", title=_("News and resources about this country"),
                    template="home/includes/country_section.html",
                    context={"news": news, "resources": resources}, order=80)]
