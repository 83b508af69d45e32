"""The site's editorial models. Page classes are ``(mixin, Page)`` pairs;
``pages`` is imported first so the plain content page is the first page
model using core's mixin (core's own test suite picks that one)."""

from .pages import ContentPage, EditorialPageMixin, HomePage, SiteMapPage  # isort: skip
from .accessibility import AccessibilityStatementPage, ConformanceStatus
from .contact import ContactFormField, ContactPage
from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag
from .newsletter import NewsletterIndexPage, NewsletterIssuePage
from .resources import ResourceDocument, ResourceIndexPage, ResourceKind, ResourcePage
from .settings import NetworkSettings

__all__ = [
    "AccessibilityStatementPage",
    "ConformanceStatus",
    "ContactFormField",
    "ContactPage",
    "ContentPage",
    "EditorialPageMixin",
    "HomePage",
    "NetworkSettings",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "NewsletterIndexPage",
    "NewsletterIssuePage",
    "ResourceDocument",
    "ResourceIndexPage",
    "ResourceKind",
    "ResourcePage",
    "SiteMapPage",
]
