"""Whether the ``pdf`` extra (WeasyPrint) is here, and loading it safely."""

import logging
from functools import cache
from importlib.util import find_spec

from PIL import ImageFile

logger = logging.getLogger(__name__)


@cache
def installed():
    """The ``pdf`` extra is installed: the page links to the PDF. Found
    without importing WeasyPrint, whose half second of loading the first
    visitor of an edition's page does not pay."""
    return find_spec("weasyprint") is not None


@cache
def available():
    """WeasyPrint and its system libraries (Pango, HarfBuzz) load here."""
    if not installed():
        return False
    # WeasyPrint turns Pillow's LOAD_TRUNCATED_IMAGES on for the whole
    # process when it loads: core's picture checks (uploads of logos and
    # photos) need it off to refuse a truncated file, so it is put back.
    truncated = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # Pango or HarfBuzz missing from the system
        logger.exception("WeasyPrint is installed but does not load: no PDF of the barometer's editions")
        return False
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = truncated
    return True
