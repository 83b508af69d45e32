"""The stream of a departure guide: the site's editorial blocks, plus lists
of useful links.

The blocks come from ``maillage_core.blocks``, shared with the host site's
content pages, so the officer writes a guide with the editor they already
know (headings, paragraphs, images, videos with a transcript, documents,
questions and answers, tables). Only the useful-links list is the guide's
own: a link there may carry a short note ("official site", "in English").
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from maillage_core import blocks as editorial


class LinkBlock(editorial.LinkBlock):
    text = blocks.CharBlock(label=_("link text"), max_length=150, help_text=_("Says where the link goes."))
    note = blocks.CharBlock(label=_("note"), max_length=200, required=False)


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=150, required=False)
    links = blocks.ListBlock(LinkBlock(label=_("link")), label=_("links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Useful links")
        template = "maillage_youth/blocks/link_list.html"


class GuideBodyBlock(blocks.StreamBlock):
    heading = editorial.HeadingBlock(label=_("Heading"), group=editorial.TEXT)
    paragraph = editorial.paragraph_block(group=editorial.TEXT)
    quote = editorial.QuoteBlock(group=editorial.TEXT)
    image = editorial.FigureBlock(group=editorial.MEDIA)
    embed = editorial.MediaEmbedBlock(group=editorial.MEDIA)
    call_to_action = editorial.CallToActionBlock(group=editorial.HIGHLIGHT)
    key_figures = editorial.KeyFiguresBlock(group=editorial.HIGHLIGHT)
    links = LinkListBlock(group=editorial.LISTS)
    accordion = editorial.AccordionBlock(group=editorial.LISTS)
    documents = editorial.DocumentListBlock(group=editorial.LISTS)
    table = editorial.table_block()
