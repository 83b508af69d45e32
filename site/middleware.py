import copy

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class SiteLanguageMiddleware:
    """French unless the visitor chose English with the language switcher.

    Unlike Django's LocaleMiddleware this ignores the browser's
    Accept-Language: the content is French, and an English interface around
    it should be a choice, not a surprise.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


class CachedSiteMiddleware:
    """Find the request's Wagtail site in the process rather than the database.

    Wagtail looks the site up by host name on every request; sites change
    only when an administrator edits them, which renews the content version
    the lookup is kept under (``maillage_core.content_memo``). Each request
    gets its own copy of the site.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from maillage_core.content_memo import remembered
        from maillage_core.page_cache.middleware import host_of

        # A validated host only (a 400 otherwise): made-up Host headers are not kept.
        site = remembered(("site", host_of(request), request.get_port()), lambda: find_site(request))
        request._wagtail_site = copy.copy(site) if site is not None else None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from maillage_core.page_routes import serve_kept_route

        serve_kept_route(request, view_func, view_args, view_kwargs)  # the page without walking the tree again


def find_site(request):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is not None:
        site.root_page  # noqa: B018  (kept with the site: routing starts from it)
    return site
