"""``{% kept_picture %}`` draws what Wagtail's ``{% picture %}`` draws, and
keeps it only while the image is unchanged."""

from io import BytesIO

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

ARGUMENTS = 'format-{webp,jpeg} fill-{300x200,600x400} sizes="300px" alt="" class="card__image" loading="lazy"'


def render(tag, image):
    source = f"{{% load maillage_images wagtailimages_tags %}}{{% {tag} image {ARGUMENTS} %}}"
    return engines["django"].from_string(source).render({"image": image})


@pytest.fixture
def image():
    cache.clear()  # renditions are cached by image id, which the next test's database reuses
    buffer = BytesIO()
    PILImage.new("RGB", (800, 600), (20, 80, 160)).save(buffer, "PNG")
    return get_image_model().objects.create(title="carte.png", file=ImageFile(buffer, name="carte.png"))


def test_a_kept_picture_is_wagtails_picture_and_asks_nothing_the_second_time(image):
    kept = render("kept_picture", image)
    assert kept == render("picture", image)
    assert "<picture>" in kept and 'loading="lazy"' in kept
    with CaptureQueriesContext(connection) as queries:
        assert render("kept_picture", image) == kept
    assert not queries.captured_queries


def test_an_image_saved_again_is_drawn_again(image):
    render("kept_picture", image)
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 700, 500, 100, 100
    image.save()  # renews the content version
    assert render("kept_picture", image) == render("picture", image)
    with CaptureQueriesContext(connection) as queries:
        render("kept_picture", image)
    assert not queries.captured_queries


def test_no_image_draws_nothing():
    assert render("kept_picture", None) == ""
