"""Images and documents of the demo, generated on the spot (Pillow for
images, ``pdf.tagged_pdf`` for documents) and found again by title, so a
second run creates nothing."""

import hashlib
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from .pdf import tagged_pdf

COLLECTION = "Contenus de démonstration"
PALETTE = [(11, 79, 156), (179, 89, 0), (31, 110, 67), (120, 40, 110), (20, 100, 120), (150, 40, 40)]


def font(size):
    return ImageFont.load_default(size=size)


def draw_picture(width, height, colour, text="", seed=0):
    picture = PILImage.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(picture)
    light = tuple(min(255, c + 70) for c in colour)
    for step in range(6):  # a few overlapping discs: a quiet, abstract illustration
        radius = height // (3 + (step + seed) % 3)
        x = (width * ((step * 37 + seed * 53) % 100)) // 100
        y = (height * ((step * 61 + seed * 29) % 100)) // 100
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=light, width=max(4, height // 60))
    if text:
        size = max(18, height // 8)
        lines = text.split("\n")
        top = (height - size * 1.3 * len(lines)) // 2
        for number, line in enumerate(lines):
            box = draw.textbbox((0, 0), line, font=font(size))
            draw.text(((width - box[2]) // 2, top + number * size * 1.3), line, fill="white", font=font(size))
    buffer = BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


class Library:
    """Finds or makes the demo's images and documents, with one query to list those already made."""

    def __init__(self):
        self.collection = demo_collection()
        self.images = {image.title: image for image in get_image_model().objects.filter(collection=self.collection)}
        self.documents = {doc.title: doc for doc in get_document_model().objects.filter(collection=self.collection)}
        self.created = 0

    def image(self, title, description, width, height, colour_index=0, text=""):
        if title not in self.images:
            data = draw_picture(width, height, PALETTE[colour_index % len(PALETTE)], text, seed=colour_index)
            image = get_image_model()(
                title=title, description=description, file_size=len(data), collection=self.collection
            )
            image.file.save(slug_name(title) + ".png", ContentFile(data), save=False)
            image.width, image.height = width, height
            image.file_hash = hashlib.sha1(data).hexdigest()
            image.save()
            self.images[title] = image
            self.created += 1
        return self.images[title]

    def svg(self, title, description, path, width, height):
        """An SVG image from a file committed beside the loader (the demo's logo)."""
        if title not in self.images:
            data = path.read_bytes()
            image = get_image_model()(
                title=title, description=description, file_size=len(data), collection=self.collection
            )
            image.file.save(path.name, ContentFile(data), save=False)
            image.width, image.height = width, height
            image.file_hash = hashlib.sha1(data).hexdigest()
            image.save()
            self.images[title] = image
            self.created += 1
        return self.images[title]

    def pdf(self, title, blocks, filename):
        if title not in self.documents:
            data = tagged_pdf(title, blocks, author="Maillage")
            document = get_document_model()(title=title, file_size=len(data), collection=self.collection)
            document.file.save(filename, ContentFile(data), save=False)
            document.file_hash = hashlib.sha1(data).hexdigest()
            document.save()
            self.documents[title] = document
            self.created += 1
        return self.documents[title]


def demo_collection():
    # The root collection comes from Wagtail's migrations; a flushed test database has none.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    found = root.get_children().filter(name=COLLECTION).first()
    return found or root.add_child(name=COLLECTION)


def slug_name(title):
    from django.utils.text import slugify

    return slugify(title)[:60] or "image"
