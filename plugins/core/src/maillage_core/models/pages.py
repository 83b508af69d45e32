"""What every Maillage page carries for search engines and social sharing.

A mixin, not a ``Page`` subclass: Wagtail 8's base page model is swappable,
so plugins define their pages as ``(Mixin, Page)`` and sites with a custom
base page can combine the mixin with their own (see Wagtail's "reusable app
base page" guidance).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string

from ..search.visibility import page_visibility


class MaillagePageMixin(models.Model):
    social_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("social sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks (1200×630 px works best)."),
    )
    hide_from_sitemap = models.BooleanField(
        _("hide from search engines"),
        default=False,
        help_text=_("Leaves the page out of the sitemap and asks search engines not to index it."),
    )

    seo_panels = [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("hide_from_sitemap")],
            heading=_("Sharing and search engines"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def robots(self):
        return "noindex, follow" if self.hide_from_sitemap else "index, follow"

    def get_meta_description(self):
        return self.search_description

    def get_sitemap_urls(self, request=None):
        if self.hide_from_sitemap:
            return []
        return super().get_sitemap_urls(request=request)

    def get_search_visibility(self):
        return page_visibility(self)
