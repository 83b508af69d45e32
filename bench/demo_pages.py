"""The demo's public pages, one of each kind, as paths for the benchmarks.

Run inside the site's settings (``manage.py shell -c``): prints one line,
``PAGES {json}``. A kind whose plugin or demo content is missing is left out.
"""

import json

from django.utils import timezone


def first_page(model_path, suffix=""):
    from django.apps import apps

    page = apps.get_model(model_path).objects.live().public().order_by("path").first()
    return page.url + suffix if page else None


def first_object_url(model_path, **filters):
    from django.apps import apps

    found = apps.get_model(model_path).objects.filter(live=True, **filters).order_by("pk").first()
    return found.get_url() if found else None


def open_meeting():
    """A meeting anyone may see (a members-only one sends visitors to sign in)."""
    from maillage_groups.models import MeetingPage

    page = MeetingPage.objects.live().public().filter(members_only=False).order_by("path").first()
    return page.url if page else None


def upcoming_session():
    from maillage_training.models import TrainingSession

    session = (TrainingSession.objects.filter(start__gt=timezone.now(), training__live=True)
               .select_related("training").order_by("start").first())
    return f"{session.training.url}sessions/{session.pk}/" if session else None


KINDS = {
    "home": lambda: "/",
    "content page": lambda: first_page("home.ContentPage"),
    "news index": lambda: first_page("home.NewsIndexPage"),
    "news item": lambda: first_page("home.NewsPage"),
    "La Lettre": lambda: first_page("home.NewsletterIndexPage"),
    "directory": lambda: first_page("maillage_directory.DirectoryPage"),
    "directory ?q=eau&facet": lambda: first_page("maillage_directory.DirectoryPage", "?q=eau&pays=SN"),
    "actor": lambda: first_object_url("maillage_directory.Actor"),
    "training programme": lambda: first_page("maillage_training.TrainingIndexPage"),
    "training calendar": lambda: first_page("maillage_training.TrainingIndexPage", "calendrier/"),
    "training": lambda: first_page("maillage_training.TrainingPage"),
    "training session": upcoming_session,
    "groups index": lambda: first_page("maillage_groups.GroupIndexPage"),
    "group": lambda: first_page("maillage_groups.GroupPage"),
    "meeting": open_meeting,
    "youth landing": lambda: first_page("maillage_youth.YouthSpacePage"),
    "offers board": lambda: first_page("maillage_youth.OfferBoardPage"),
    "offer": lambda: first_object_url("maillage_youth.Offer"),
    "schemes": lambda: first_page("maillage_youth.SchemeIndexPage"),
    "schemes finder": lambda: first_page("maillage_youth.SchemeIndexPage", "?age=20"),
    "funding search": lambda: first_page("maillage_funding.FundingSearchPage"),
    "country": lambda: first_page("maillage_countries.CountryIndexPage", "senegal/"),
    "training feed (RSS)": lambda: first_page("maillage_training.TrainingIndexPage", "rss/"),
    "offers feed (RSS)": lambda: first_page("maillage_youth.OfferBoardPage", "rss/"),
}


def main():
    from django.apps import apps

    pages = {}
    for name, find in KINDS.items():
        try:
            path = find()
        except (LookupError, apps.get_model("wagtailcore.Page").DoesNotExist):
            path = None
        if path:
            pages[name] = path
    print("PAGES " + json.dumps(pages))


if __name__ == "__main__":
    main()
