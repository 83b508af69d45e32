"""A site that forgot the plugin's URL include (for the system check test)."""

from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("", include(wagtail_urls))]
