from django.conf import settings
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Without a CSRF token: a forged request could only switch a visitor's
    # interface language, and a token in every page's header would set a
    # cookie on every response, so that no page could be kept for the next
    # visitor (maillage_core.page_cache).
    path("langue/", csrf_exempt(set_language), name="set_language"),
    path("recherche/", search_views.search, name="search"),
    path("recherche/suggestions/", search_views.suggestions, name="search_suggestions"),
    # Working groups: accounts, join requests, signed links from emails.
    path("compte/", include("maillage_groups.urls")),
    # Subscriptions by email (La Lettre, alerts): signed links from emails.
    path("abonnements/", include("maillage_core.subscriptions.urls")),
    # The network's identity: its theme stylesheet and /favicon.ico.
    path("", include("maillage_core.identity.urls")),
    path("", include("home.urls")),
]

if settings.DEBUG:
    from django.urls import re_path

    from maillage_core.media import serve_media

    # Uploaded images and the like, but not documents: those go through
    # Wagtail's /documents/ view, which checks who may download them
    # (members-only documents of working groups). serve_media refuses every
    # path that lands in the documents folders, however it is spelled. A
    # production web server serving MEDIA_ROOT must refuse them likewise
    # (README, "Production").
    media = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(rf"^{media}(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
    ]

# Plugins' public URLs go above this line; Wagtail serves every other path.
urlpatterns += [path("", include(wagtail_urls))]
