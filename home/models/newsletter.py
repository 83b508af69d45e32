"""La Lettre, the network's quarterly newsletter: an index of issues, and
each issue with its PDF, its web version, or both."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from maillage_core.subscriptions.pages import SendableByEmailMixin

from ..blocks import SHORT_TEXT_FEATURES, NewsletterBodyBlock
from .listing import ListedPageQuerySet, listing_manager
from .pages import EditorialPageMixin

#: The subscription topic of La Lettre (see home.wagtail_hooks).
LETTER_TOPIC = "lettre"


class NewsletterIssueQuerySet(ListedPageQuerySet):
    listing_order = ("-issue_date", "-number")
    card_image = "cover_image"

    def listed_in(self, ancestor):
        return super().listed_in(ancestor).select_related("pdf")


class NewsletterIndexPage(EditorialPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    subscription = RichTextField(
        _("how to subscribe"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("e.g. a link to the subscription form of your mailing tool."),
    )
    per_page = 12

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("subscription")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["home.NewsletterIssuePage"]
    site_map_children = False

    class Meta:
        verbose_name = _("newsletter index")

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from ..kept_cards import page_of_cards

        page, cards = page_of_cards(
            request,
            ("issues", self.pk),
            NewsletterIssuePage.objects.listed_in(self),
            self.per_page,
            "home/includes/issue_cards.html",
        )
        context.update(page_obj=page.page, issue_cards=cards, notices=[page.message] if page.message else [])
        return context


class NewsletterIssueForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("pdf") and not cleaned.get("body"):
            raise forms.ValidationError(_("Attach the PDF, write the web version, or both."))
        number, parent = cleaned.get("number"), getattr(self, "parent_page", None)
        if number and parent is not None:
            taken = NewsletterIssuePage.objects.child_of(parent).filter(number=number).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("number", _("Issue no. %(number)s already exists.") % {"number": number})
        return cleaned


class NewsletterIssuePage(SendableByEmailMixin, EditorialPageMixin, Page):
    number = models.PositiveIntegerField(_("issue number"))
    issue_date = models.DateField(_("date of the issue"))
    summary = models.TextField(_("summary"), max_length=600, help_text=_("What this issue is about, in a few lines."))
    cover_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pdf = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("PDF version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Prefer a tagged (accessible) PDF; the web version below reaches everyone."),
    )
    body = StreamField(NewsletterBodyBlock(), blank=True, verbose_name=_("web version"))

    objects = listing_manager(NewsletterIssueQuerySet)
    base_form_class = NewsletterIssueForm

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("number"), FieldPanel("issue_date")], _("Issue")),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("pdf"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["home.NewsletterIndexPage"]
    subpage_types = []
    og_type = "article"
    # Sent to La Lettre's subscribers from the admin ("Send by email").
    email_topic = LETTER_TOPIC
    email_template = "home/emails/newsletter_issue.html"

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_social_image(self):
        return self.social_image or self.cover_image

    def get_email_subject(self):
        return _("%(title)s (La Lettre no. %(number)s)") % {"title": self.title, "number": self.number}
