"""The site as gunicorn serves it, with the directory's listing cache off:
``bench/directory_search.py --http`` measures what a query string's first
visitor waits for (the listing cache's setting is not read from the
environment, so it is switched off here, before the first request)."""

from django.conf import settings

from maillage_site.wsgi import application  # noqa: F401  (sets Django up)

settings.MAILLAGE_DIRECTORY_LISTING_CACHE_SECONDS = 0
