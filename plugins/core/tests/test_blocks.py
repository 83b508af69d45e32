"""The shared editorial blocks hold accessibility rules the officer cannot
forget, and say which app a site is missing."""

import re
from io import BytesIO

import pytest

from maillage_core.testing.host import skip_unless_installed

# The editorial blocks are optional for a host (README: What it gives, blocks).
skip_unless_installed("wagtail.embeds", "wagtail.contrib.typed_table_block")

from django.core.exceptions import ImproperlyConfigured, ValidationError  # noqa: E402 (after the skip)
from django.core.files.images import ImageFile  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from wagtail.blocks.struct_block import StructBlockValidationError  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402

from maillage_core import blocks  # noqa: E402
from maillage_core.templatetags.maillage_blocks import titled_embed  # noqa: E402


def test_a_site_without_the_embeds_app_is_told_which_app_to_add(monkeypatch):
    from django.apps import apps

    installed = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name != "wagtail.embeds" and installed(name))
    with pytest.raises(ImproperlyConfigured, match="need wagtail.embeds in INSTALLED_APPS"):
        blocks.require_apps()


@pytest.fixture
def image(db):
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), (10, 80, 150)).save(buffer, "PNG")
    return get_image_model().objects.create(title="photo.png", file=ImageFile(buffer, name="photo.png"))


def figure_value(image, **fields):
    block = blocks.FigureBlock()
    return block, block.to_python({"image": {"image": image.pk, **fields}, "caption": "", "credit": ""})


def test_image_without_alt_text_or_decorative_choice_is_refused(image):
    block, value = figure_value(image, alt_text="", decorative=False)
    with pytest.raises(ValidationError):
        block.clean(value)


def test_image_with_alt_text_renders_it_and_decorative_image_renders_empty_alt(image):
    block, value = figure_value(image, alt_text="Des élus signent la convention", decorative=False)
    assert 'alt="Des élus signent la convention"' in block.render(block.clean(value))
    block, value = figure_value(image, alt_text="", decorative=True)
    assert 'alt=""' in block.render(block.clean(value))


def table_value(block, caption="Permanences", heading="Lieu"):
    return block.to_python(
        {"caption": caption, "columns": [{"type": "text", "heading": heading}], "rows": [{"values": ["Lyon"]}]}
    )


def test_table_needs_a_caption_and_column_headings():
    block = blocks.table_block()
    with pytest.raises(ValidationError, match="caption|légende"):
        block.clean(table_value(block, caption=""))
    with pytest.raises(ValidationError):
        block.clean(table_value(block, heading=" "))
    html = block.render(block.clean(table_value(block)))
    assert "<caption>Permanences</caption>" in html and '<th scope="col">Lieu</th>' in html
    assert "style=" not in html and 'class="' in html


def test_link_needs_a_page_or_an_address_not_both(make_page):
    page = make_page("Rapport d'activité")
    block = blocks.LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Lire", "page": None, "url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Lire", "page": page.pk, "url": "https://example.org"}))
    value = block.clean(block.to_python({"text": "Lire", "page": page.pk, "url": ""}))
    assert value.href == page.url


@pytest.mark.parametrize("width, height, shape", [(800, 450, "16x9"), (640, 480, "4x3"), (360, 640, "9x16"),
                                                  (800, 166, None)])
def test_media_embed_has_no_style_attribute_and_keeps_its_shape(db, settings, width, height, shape):
    # The site's Content-Security-Policy refuses style attributes, such as
    # the one Wagtail's responsive wrapper sizes the frame with.
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    settings.WAGTAILEMBEDS_RESPONSIVE_HTML = True
    url = "https://www.youtube.com/watch?v=rencontre"
    Embed.objects.create(url=url, max_width=800, hash=get_embed_hash(url, 800, None), type="video",
                         width=width, height=height,
                         html=f'<iframe width="{width}" height="{height}" style="border: none" '
                              'src="https://www.youtube.com/embed/rencontre"></iframe>')
    block = blocks.MediaEmbedBlock()
    html = block.render(block.to_python({"embed": url, "title": "Vidéo : rencontre", "transcript": ""}))
    assert "style=" not in html
    assert 'src="https://www.youtube.com/embed/rencontre"' in html
    assert re.findall(r"responsive-object--(\w+)", html) == ([shape] if shape else [])


def test_media_embed_needs_a_title_and_gives_it_to_the_frame(db):  # the embed block looks up its cache
    block = blocks.MediaEmbedBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"embed": "https://video.example/v/1", "title": "", "transcript": ""}))
    html = str(
        titled_embed('<div><iframe src="https://video.example/embed/1"></iframe></div>', "Vidéo : rencontre régionale")
    )
    assert re.search(r'<iframe[^>]*title="Vidéo : rencontre régionale"', html)
    assert 'loading="lazy"' in html
