"""Editorial StreamField blocks shared by the site and the plugins.

The site's editorial pages and the plugins' content pages (a youth guide, for
instance) offer the same blocks, so an officer meets one editor everywhere and
a block is fixed in one place. Each app still composes its own streams
(``StreamBlock`` subclasses) from these: a change here makes a migration in
every app that uses the block, which is the price of one definition.

Accessibility is built into the blocks rather than left to the editor's
memory: images need a text alternative or an explicit "decorative" choice,
tables a caption and column headings, embedded media a title (and room for a
transcript), links a text that says where they go. No block accepts raw
HTML, and rich text offers a short list of features.

A site using them needs ``wagtail.images``, ``wagtail.documents``,
``wagtail.embeds`` and ``wagtail.contrib.typed_table_block`` installed
(``REQUIRED_APPS``: importing this module says which one is missing); the
``maillage_core`` stylesheet styles them.
"""

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

REQUIRED_APPS = (
    "wagtail.images",
    "wagtail.documents",
    "wagtail.embeds",
    "wagtail.contrib.typed_table_block",
)


def require_apps():
    """Say which app is missing, rather than let Django fail on a model of
    an app it does not know while this module imports the embed block."""
    from django.apps import apps

    missing = [name for name in REQUIRED_APPS if not apps.is_installed(name)]
    if missing:
        raise ImproperlyConfigured(
            f"The editorial blocks of maillage_core need {', '.join(missing)} in INSTALLED_APPS."
        )


require_apps()

from wagtail.contrib.typed_table_block.blocks import TypedTableBlock  # noqa: E402 (after the check)
from wagtail.documents.blocks import DocumentChooserBlock  # noqa: E402
from wagtail.embeds.blocks import EmbedBlock  # noqa: E402
from wagtail.images.blocks import ImageBlock, ImageChooserBlock  # noqa: E402

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
        template = "maillage_core/blocks/heading.html"


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
        template = "maillage_core/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quotation"))
    author = blocks.CharBlock(label=_("author"), required=False, max_length=150)
    role = blocks.CharBlock(label=_("role or organisation"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "maillage_core/blocks/quote.html"


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
        template = "maillage_core/blocks/call_to_action.html"


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
        template = "maillage_core/blocks/document_list.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("answer"), features=SHORT_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=150)
    items = blocks.ListBlock(QuestionBlock(label=_("question and answer")), label=_("questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers (accordion)")
        template = "maillage_core/blocks/accordion.html"


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
        template = "maillage_core/blocks/media_embed.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), max_length=20, help_text=_("e.g. “2 000” or “25 %”"))
    label = blocks.CharBlock(label=_("what it counts"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=150)
    figures = blocks.ListBlock(KeyFigureBlock(label=_("figure")), label=_("figures"), min_num=1, max_num=8)

    class Meta:
        icon = "order"
        label = _("Key figures")
        template = "maillage_core/blocks/key_figures.html"


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
        template = "maillage_core/blocks/people.html"


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
        template = "maillage_core/blocks/partners.html"


def table_block():
    return CaptionedTableBlock(
        label=_("Table"),
        group=LISTS,
        help_text=_("Tables are for data, not layout. The caption and column headings are required."),
        template="maillage_core/blocks/table.html",
    )
