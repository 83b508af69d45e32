"""StreamField blocks of the site's editorial pages.

Defined once here and used by this app's pages only: plugins keep their own
blocks, so that changing a block never creates migrations across apps.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]


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
        template = "home/blocks/heading.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Link text must say where the link goes; avoid “click here”."),
    )
