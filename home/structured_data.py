"""JSON-LD objects (schema.org) for the network and its news.

Read by search engines to show the network's name, logo and address, and
news items as articles. Built from the officer's site settings, so they stay
right without a developer.
"""

from django.utils import timezone
from wagtail.models import Site

from maillage_core.models import IdentitySettings
from maillage_core.seo import SOCIAL_IMAGE_SPEC, absolute_url, plain_description

from . import chrome
from .models.settings import NetworkSettings

LOGO_SPEC = "max-600x600"


def network_settings(request):
    if request is None:
        return None
    try:
        return NetworkSettings.for_request(request)
    except NetworkSettings.DoesNotExist:  # no site matches this request
        return None


def image_url(image, spec, request):
    if image is None:
        return ""
    try:
        return absolute_url(image.get_rendition(spec).url, request)
    except Exception:  # missing file: leave the image out rather than fail
        return ""


def organization(request):
    """The network as a schema.org Organization; in every page's head, so
    kept with the page chrome (the same settings change renews both)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return build_organization(request)
    return dict(chrome.cached(f"organization:{request.get_host()}", site, lambda: build_organization(request)))


def build_organization(request):
    settings = network_settings(request)
    data = {"@context": "https://schema.org", "@type": "Organization"}
    if settings is None:
        return data
    data["url"] = settings.site.root_url + "/"
    data["name"] = settings.display_name
    if settings.acronym:
        data["alternateName"] = settings.acronym
    if settings.description:
        data["description"] = settings.description
    logo = image_url(IdentitySettings.for_site(settings.site).logo, LOGO_SPEC, request)
    if logo:
        data["logo"] = logo
    if settings.email:
        data["email"] = settings.email
    if settings.phone:
        data["telephone"] = settings.phone
    if settings.street_address or settings.city:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": settings.street_address,
            "postalCode": settings.postal_code,
            "addressLocality": settings.city,
            "addressCountry": "FR",
        }
    same_as = [block.value["url"] for block in settings.social_links]
    if same_as:
        data["sameAs"] = same_as
    return data


def website(page, request):
    name = organization(request).get("name") if request is not None else None
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": name or page.title,
        "url": page.get_full_url(request=request) or "",
        "inLanguage": "fr",
    }


def publisher(request):
    data = organization(request)
    return {key: data[key] for key in ("@type", "name", "url", "logo") if key in data}


def news_article(page, request):
    network = publisher(request)
    published = page.published_at
    modified = page.last_published_at or published
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "datePublished": published.isoformat(),
        "dateModified": timezone.localtime(modified).isoformat() if modified else published.isoformat(),
        "mainEntityOfPage": page.get_canonical_url(request),
        "inLanguage": "fr",
        "author": network,
        "publisher": network,
    }
    description = plain_description(page.get_meta_description())
    if description:
        data["description"] = description
    image = image_url(page.get_social_image(), SOCIAL_IMAGE_SPEC, request)
    if image:
        data["image"] = [image]
    return data
