"""The shared editorial blocks hold accessibility rules the officer cannot
forget, and say which app a site is missing."""

import re
from io import BytesIO

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model

from maillage_core import blocks
from maillage_core.templatetags.maillage_blocks import titled_embed


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


def test_media_embed_needs_a_title_and_gives_it_to_the_frame(db):  # the embed block looks up its cache
    block = blocks.MediaEmbedBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"embed": "https://video.example/v/1", "title": "", "transcript": ""}))
    html = str(
        titled_embed('<div><iframe src="https://video.example/embed/1"></iframe></div>', "Vidéo : rencontre régionale")
    )
    assert re.search(r'<iframe[^>]*title="Vidéo : rencontre régionale"', html)
    assert 'loading="lazy"' in html
