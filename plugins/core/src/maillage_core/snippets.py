"""Snippets the public sends and a moderator publishes, each shown at a
route of a listing page: an actor below the directory, an offer below the
offers board, a testimony below the testimonies. The page serves them, so
their address and their preview in the admin come from the live page of the
visitor's site."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.module_loading import import_string
from django.utils.text import slugify
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin, WorkflowMixin

from .site_pages import live_page


class ModeratedSnippet(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, models.Model):
    """Drafts, revisions, locks, previews and moderation workflows for a
    snippet, with the relations Wagtail asks such a model to declare."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(app_label)s_%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(app_label)s_%(class)s",
        for_concrete_model=False,
    )

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions


class RoutedSnippetMixin:
    """Gives a snippet model ``get_url`` and Wagtail's preview methods.

    A model sets ``listing_page_mixin``, the dotted path of the page mixin
    that lists it (a path: page modules import the snippets' models), the
    template of its own page, and its name in that template's context. A
    snippet addressed by its slug names the page's own routes, which its
    slug must not take, and gives ``slug_text()`` for ``unique_slug()``.
    """

    listing_page_mixin = ""
    preview_template = ""
    preview_name = ""
    reserved_slugs = frozenset()
    #: The slug when the text gives none, and the suffix of a reserved one.
    slug_default = ""

    def listing_page(self, request=None):
        return live_page(import_string(self.listing_page_mixin), request)

    def slug_text(self):
        raise NotImplementedError

    def unique_slug(self):
        """A slug from ``slug_text()`` that no other snippet of the model
        has and that no route of the page takes."""
        base = slugify(self.slug_text())[:100].strip("-") or self.slug_default
        if base in self.reserved_slugs:
            base = f"{base}-{self.slug_default}"
        slug, number = base, 1
        others = type(self).objects.exclude(pk=self.pk)
        while others.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    def route_part(self):
        """The snippet's part of its address below the page: its slug."""
        return self.slug

    def url_on(self, page, request=None):
        """The snippet's address below ``page`` (None if the page has none)."""
        base = page.get_url(request=request) if page is not None else None
        return f"{base}{self.route_part()}/" if base else None

    def get_url(self, request=None):
        return self.url_on(self.listing_page(request), request)

    def get_preview_template(self, request, mode_name):
        return self.preview_template

    def get_preview_context(self, request, mode_name):
        page = self.listing_page(request)
        return {self.preview_name: self, "page": page, "self": page, **self.extra_preview_context(page, request)}

    def extra_preview_context(self, page, request):
        """What else the snippet's template reads from its view's context."""
        return {}
