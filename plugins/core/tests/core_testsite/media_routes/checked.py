"""Media served by maillage_core.media.serve_media: documents refused."""

from django.conf import settings
from django.urls import re_path

from maillage_core.media import serve_media

from ..urls import urlpatterns as site_urlpatterns

urlpatterns = [re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}), *site_urlpatterns]
