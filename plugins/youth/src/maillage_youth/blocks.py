"""The blocks of a departure guide, defined here for the guide pages alone.

A plugin never borrows a site's blocks (each change would then make
migrations in both): a guide needs headings, paragraphs, lists of useful
links and questions with their answers, and nothing that accepts raw HTML.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
        help_text=_("Keep levels in order: a subsection heading follows a section heading."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "maillage_youth/blocks/heading.html"


class LinkValue(blocks.StructValue):
    @property
    def href(self):
        page = self.get("page")
        if page is not None:
            # An unpublished target would be a dead link: the block hides it.
            return (page.url or "") if page.live else ""
        return self.get("url") or ""


class LinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("link text"), max_length=150, help_text=_("Says where the link goes."))
    page = blocks.PageChooserBlock(label=_("page of the site"), required=False)
    url = blocks.URLBlock(label=_("or address on another site"), required=False)
    note = blocks.CharBlock(label=_("note"), max_length=200, required=False)

    class Meta:
        icon = "link"
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            error = ValidationError(_("Choose a page of the site or give an address, not both."))
            raise StructBlockValidationError(block_errors={"url": error})
        return value


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=150, required=False)
    links = blocks.ListBlock(LinkBlock(label=_("link")), label=_("links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Useful links")
        template = "maillage_youth/blocks/link_list.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("answer"), features=TEXT_FEATURES)


class FaqBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=150, required=False)
    questions = blocks.ListBlock(QuestionBlock(label=_("question")), label=_("questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "maillage_youth/blocks/faq.html"


class GuideBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=TEXT_FEATURES)
    links = LinkListBlock()
    faq = FaqBlock()
