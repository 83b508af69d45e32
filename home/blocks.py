"""StreamField blocks of the site's editorial pages.

Defined once here and used by this app's pages only: plugins keep their own
blocks, so that changing a block never creates migrations across apps. Each
page family gets its own stream (``ContentBodyBlock``, ``NewsBodyBlock``…)
offering the blocks that make sense there, grouped in the editor's menu.

Accessibility is built into the blocks rather than left to the editor's
memory: images need a text alternative or an explicit "decorative" choice,
tables a caption and column headings, embedded media a title (and room for a
transcript), links a text that says where they go. No block accepts raw
HTML, and rich text offers a short list of features.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]
SHORT_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
CELL_TEXT_FEATURES = ["bold", "italic", "link"]

TEXT = _("Text")
MEDIA = _("Media")
HIGHLIGHT = _("Highlights")
LISTS = _("Lists and tables")


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


def paragraph_block(**kwargs):
    return blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Link text must say where the link goes; avoid “click here”."),
        **kwargs,
    )


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("image"),
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Tick “decorative” only when the image adds nothing to the text."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quotation"))
    author = blocks.CharBlock(label=_("author"), required=False, max_length=150)
    role = blocks.CharBlock(label=_("role or organisation"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote.html"


class LinkValue(blocks.StructValue):
    @property
    def href(self):
        page = self.get("page")
        if page is not None:
            # An unpublished target would be a dead link: the block hides it.
            return (page.url or "") if page.live else ""
        return self.get("url") or ""


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to another site, never both."""

    text = blocks.CharBlock(
        label=_("link text"),
        max_length=120,
        help_text=_("Says where the link goes, e.g. “Read the 2025 activity report”."),
    )
    page = blocks.PageChooserBlock(label=_("page of the site"), required=False)
    url = blocks.URLBlock(label=_("or address on another site"), required=False)

    class Meta:
        icon = "link"
        value_class = LinkValue
        form_classname = "link-block"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = ValidationError(_("Choose a page of the site or give an address, not both."))
            raise StructBlockValidationError(block_errors={"url": message})
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=150)
    text = blocks.TextBlock(label=_("text"), required=False)
    link = LinkBlock(label=_("button"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action.html"


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=150)
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("document")),
        label=_("documents"),
        min_num=1,
        help_text=_("Each link shows the document's format and size, so visitors know what they download."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Documents to download")
        template = "home/blocks/document_list.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("answer"), features=SHORT_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=150)
    items = blocks.ListBlock(QuestionBlock(label=_("question and answer")), label=_("questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers (accordion)")
        template = "home/blocks/accordion.html"


class CaptionedTableBlock(TypedTableBlock):
    """Typed cells (no cell attributes, no HTML), a required caption, column headings."""

    def __init__(self, local_blocks=None, **kwargs):
        local_blocks = local_blocks or [
            ("text", blocks.CharBlock(label=_("text"))),
            ("number", blocks.DecimalBlock(label=_("number"))),
            ("rich_text", blocks.RichTextBlock(label=_("text with links"), features=CELL_TEXT_FEATURES)),
        ]
        super().__init__(local_blocks, **kwargs)

    def clean(self, value):
        if not (value.caption or "").strip():
            raise ValidationError(_("Give the table a caption: it tells screen reader users what the table holds."))
        if not value.columns:
            raise ValidationError(_("Add at least one column."))
        if any(not (column["heading"] or "").strip() for column in value.columns):
            raise ValidationError(_("Give every column a heading."))
        return super().clean(value)


class MediaEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(
        label=_("address of the video or audio"),
        max_width=800,
        help_text=_("A YouTube, Vimeo, PeerTube or SoundCloud address."),
    )
    title = blocks.CharBlock(
        label=_("title"),
        max_length=150,
        help_text=_("Read out by screen readers, e.g. “Video: the network's 2025 regional meeting (3 min)”."),
    )
    transcript = blocks.RichTextBlock(
        label=_("transcript"),
        required=False,
        features=SHORT_TEXT_FEATURES,
        help_text=_("What is said and shown, for people who cannot hear or see the media."),
    )

    class Meta:
        icon = "media"
        label = _("Video or audio")
        template = "home/blocks/media_embed.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), max_length=20, help_text=_("e.g. “2 000” or “25 %”"))
    label = blocks.CharBlock(label=_("what it counts"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=150)
    figures = blocks.ListBlock(KeyFigureBlock(label=_("figure")), label=_("figures"), min_num=1, max_num=8)

    class Meta:
        icon = "order"
        label = _("Key figures")
        template = "home/blocks/key_figures.html"


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=150)
    role = blocks.CharBlock(label=_("role"), max_length=200)
    photo = ImageChooserBlock(
        label=_("photo"),
        required=False,
        help_text=_("Shown next to the name, so it needs no description of its own."),
    )
    email = blocks.EmailBlock(label=_("email"), required=False)
    phone = blocks.CharBlock(label=_("telephone"), required=False, max_length=30)


class PeopleBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=150)
    people = blocks.ListBlock(PersonBlock(label=_("person")), label=_("people"), min_num=1)

    class Meta:
        icon = "group"
        label = _("Team or people")
        template = "home/blocks/people.html"


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=150, help_text=_("Used as the logo's text alternative."))
    logo = ImageChooserBlock(label=_("logo"), required=False)
    url = blocks.URLBlock(label=_("website"), required=False)


class PartnerLogosBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=150)
    partners = blocks.ListBlock(PartnerBlock(label=_("partner")), label=_("partners"), min_num=1)

    class Meta:
        icon = "site"
        label = _("Partner logos")
        template = "home/blocks/partners.html"


def table_block():
    return CaptionedTableBlock(
        label=_("Table"),
        group=LISTS,
        help_text=_("Tables are for data, not layout. The caption and column headings are required."),
        template="home/blocks/table.html",
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
