"""Media served the way Django's documentation shows for development:
documents included, which the documents check reports."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from ..urls import urlpatterns as site_urlpatterns

urlpatterns = [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}), *site_urlpatterns]
