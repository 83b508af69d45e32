"""Image renditions are cached in each process, keyed under the content
version: a change on another worker (an image's file replaced) is never
answered from this process's former renditions."""

from django.core.cache import caches

from maillage_core.page_cache import content_changed


def test_a_change_to_the_content_leaves_every_kept_rendition_behind():
    renditions = caches["renditions"]
    renditions.set("image-1-fill-100x100", "rendition")
    assert renditions.get("image-1-fill-100x100") == "rendition"
    content_changed()
    assert renditions.get("image-1-fill-100x100") is None
