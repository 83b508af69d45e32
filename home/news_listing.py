"""The news index's listing: filters read from the query string with
``maillage_core.params`` (an unknown value is dropped with a message, never
an error), then one page of items.

Queries do not grow with the number of news items: the filter choices are
three queries, the count of items one, the page of cards one plus its
categories'. All are the same for every visitor until the content changes:
each process keeps them under the content version (a news item, category,
tag or image saved renews it), the cards drawn, by site and language.
"""

from django.utils.translation import gettext as _
from taggit.models import Tag

from maillage_core.content_memo import remembered
from maillage_core.params import one_of

from .kept_cards import page_of_cards
from .models.news import NewsCategory


def filter_choices(news):
    ids = news.values("pk")
    categories = list(NewsCategory.objects.filter(news_pages__in=ids).distinct().order_by("name"))
    tags = list(Tag.objects.filter(home_newspagetag_items__content_object__in=ids).distinct().order_by("name"))
    years = [day.year for day in news.order_by().dates("date", "year", order="DESC")]
    return categories, tags, years


def read_filters(request, categories, tags, years):
    notices = []
    category, unknown = one_of(request, "category", {c.slug for c in categories}, "")
    if unknown:
        notices.append(_("There is no news in the category “%(value)s”; showing every category.") % {"value": unknown})
    tag, unknown = one_of(request, "tag", {t.slug for t in tags}, "")
    if unknown:
        notices.append(_("There is no news with the tag “%(value)s”; showing every tag.") % {"value": unknown})
    year, unknown = one_of(request, "year", {str(y) for y in years}, "")
    if unknown:
        notices.append(_("There is no news in “%(value)s”; showing every year.") % {"value": unknown})
    return {"category": category, "tag": tag, "year": int(year) if year else None}, notices


def apply_filters(news, chosen):
    if chosen["category"]:
        news = news.filter(categories__slug=chosen["category"])
    if chosen["tag"]:
        news = news.filter(tagged_items__tag__slug=chosen["tag"])
    if chosen["year"]:
        news = news.filter(date__year=chosen["year"])
    return news


def news_listing(request, index):
    news = index.news()
    # The same for every visitor: kept under the content version (a news
    # item, category or tag saved renews it).
    categories, tags, years = remembered(("news_filter_choices", index.pk), lambda: filter_choices(news))
    chosen, notices = read_filters(request, categories, tags, years)
    filters = (chosen["category"], chosen["tag"], chosen["year"])
    page, cards = page_of_cards(
        request,
        ("news", index.pk, *filters),
        apply_filters(news, chosen),
        index.per_page,
        "home/includes/news_cards.html",
    )
    if page.message:
        notices.append(page.message)
    return {
        "categories": categories,
        "tags": tags,
        "years": years,
        "chosen": chosen,
        "filtered": any(chosen.values()),
        "chosen_category": next((c for c in categories if c.slug == chosen["category"]), None),
        "chosen_tag": next((t for t in tags if t.slug == chosen["tag"]), None),
        "page_obj": page.page,
        "news_cards": cards,
        "notices": notices,
    }
