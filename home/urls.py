"""Site-level discovery files: robots.txt and the XML sitemap."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from maillage_core.sitemaps import SITEMAPS

from . import views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Wagtail's pages and every plugin's object pages (core's hook).
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
