"""Media served by Django's static view, refusing paths that begin with
documents/: //documents/… or ./documents/… still reach them."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from ..urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?!documents/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
