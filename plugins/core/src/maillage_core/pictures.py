"""Pictures sent through public forms, decoded in full before they are kept.

Django's ``ImageField`` only reads a file's header and ``verify()``s it,
which lets a truncated JPEG through: the damage shows later, as a server
error when the picture is saved or resized. Here a picture is refused,
with the reason in ``PictureRefused.code``, unless its format is one the
caller accepts, its sides fit the limit (checked from the header, before
decoding, so a huge picture is never decoded), and every pixel decodes.
"""

from dataclasses import dataclass

from PIL import Image, ImageFile


@dataclass(frozen=True)
class Picture:
    format: str
    width: int
    height: int


class PictureRefused(ValueError):
    """``code`` is one of: unreadable, format, too_large, damaged."""

    def __init__(self, code, picture=None):
        super().__init__(code)
        self.code = code
        self.picture = picture


def decoded_picture(upload, *, formats, max_pixels) -> Picture:
    """What the picture is, once it decoded in full; ``PictureRefused`` otherwise.

    ``upload`` is any file object; it is rewound before and after.
    """
    picture = read_header(upload)
    if picture.format not in formats:
        raise PictureRefused("format", picture)
    if max(picture.width, picture.height) > max_pixels:
        raise PictureRefused("too_large", picture)
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        # Decoding would pad a truncated file with grey instead of failing.
        raise RuntimeError("PIL.ImageFile.LOAD_TRUNCATED_IMAGES must stay False for pictures to be checked")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()  # structure and checksums; the image is unusable afterwards
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()  # every pixel: a truncated or corrupt stream fails here
    # Pillow's decoders report damage with many exception types (OSError,
    # SyntaxError, struct.error, EOFError, IndexError…); any of them means
    # the same thing to the person sending the file.
    except Exception as error:
        raise PictureRefused("damaged", picture) from error
    finally:
        upload.seek(0)
    return picture


def read_header(upload) -> Picture:
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            return Picture((image.format or "").upper(), image.width, image.height)
    except Exception as error:  # not a picture Pillow knows, or a decompression bomb
        raise PictureRefused("unreadable") from error
    finally:
        upload.seek(0)
