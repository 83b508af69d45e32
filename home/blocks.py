"""The streams of the site's editorial pages.

The blocks themselves live in ``maillage_core.blocks``, shared with the
plugins' content pages (a youth guide offers the same editor as a content
page). Each page family here gets its own stream offering the blocks that
make sense there, grouped in the editor's menu. Migrations record blocks by
their Wagtail base classes, so moving them to core changed no migration but
the table's template path.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from maillage_core.blocks import (  # noqa: F401 (the app's models import some from here)
    CELL_TEXT_FEATURES,
    HIGHLIGHT,
    LISTS,
    MEDIA,
    RICH_TEXT_FEATURES,
    SHORT_TEXT_FEATURES,
    TEXT,
    AccordionBlock,
    CallToActionBlock,
    CaptionedTableBlock,
    DocumentListBlock,
    FigureBlock,
    HeadingBlock,
    KeyFigureBlock,
    KeyFiguresBlock,
    LinkBlock,
    LinkValue,
    MediaEmbedBlock,
    PartnerBlock,
    PartnerLogosBlock,
    PeopleBlock,
    PersonBlock,
    QuestionBlock,
    QuoteBlock,
    paragraph_block,
    table_block,
)

# One stream per page family -------------------------------------------------


class ContentBodyBlock(blocks.StreamBlock):
    """Content pages, legal pages, presentation of the network."""

    heading = HeadingBlock(label=_("Heading"), group=TEXT)
    paragraph = paragraph_block(group=TEXT)
    quote = QuoteBlock(group=TEXT)
    image = FigureBlock(group=MEDIA)
    embed = MediaEmbedBlock(group=MEDIA)
    call_to_action = CallToActionBlock(group=HIGHLIGHT)
    key_figures = KeyFiguresBlock(group=HIGHLIGHT)
    documents = DocumentListBlock(group=LISTS)
    accordion = AccordionBlock(group=LISTS)
    table = table_block()
    people = PeopleBlock(group=LISTS)
    partners = PartnerLogosBlock(group=LISTS)


class HomeBodyBlock(blocks.StreamBlock):
    """Home page sections written by the officer (plugins add their own)."""

    heading = HeadingBlock(label=_("Heading"), group=TEXT)
    paragraph = paragraph_block(group=TEXT)
    call_to_action = CallToActionBlock(group=HIGHLIGHT)
    key_figures = KeyFiguresBlock(group=HIGHLIGHT)
    image = FigureBlock(group=MEDIA)
    embed = MediaEmbedBlock(group=MEDIA)
    partners = PartnerLogosBlock(group=LISTS)


class NewsBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"), group=TEXT)
    paragraph = paragraph_block(group=TEXT)
    quote = QuoteBlock(group=TEXT)
    image = FigureBlock(group=MEDIA)
    embed = MediaEmbedBlock(group=MEDIA)
    call_to_action = CallToActionBlock(group=HIGHLIGHT)
    documents = DocumentListBlock(group=LISTS)
    table = table_block()


class NewsletterBodyBlock(blocks.StreamBlock):
    """The web version of an issue of La Lettre."""

    heading = HeadingBlock(label=_("Heading"), group=TEXT)
    paragraph = paragraph_block(group=TEXT)
    quote = QuoteBlock(group=TEXT)
    image = FigureBlock(group=MEDIA)
    call_to_action = CallToActionBlock(group=HIGHLIGHT)
    documents = DocumentListBlock(group=LISTS)


class ResourceBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"), group=TEXT)
    paragraph = paragraph_block(group=TEXT)
    image = FigureBlock(group=MEDIA)
    embed = MediaEmbedBlock(group=MEDIA)
    documents = DocumentListBlock(group=LISTS)
    accordion = AccordionBlock(group=LISTS)
    table = table_block()


class ContactBodyBlock(blocks.StreamBlock):
    """Text above the contact form: frequently asked questions first."""

    heading = HeadingBlock(label=_("Heading"), group=TEXT)
    paragraph = paragraph_block(group=TEXT)
    accordion = AccordionBlock(group=LISTS)
    documents = DocumentListBlock(group=LISTS)
