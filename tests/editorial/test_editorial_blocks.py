"""The site's streams offer core's editorial blocks (tested in
maillage_core's own suite) and nothing that accepts raw HTML."""

from home.blocks import ContentBodyBlock


def test_rich_text_offers_no_raw_html_or_images():
    body = ContentBodyBlock()
    assert "raw_html" not in body.child_blocks and "html" not in body.child_blocks
    features = body.child_blocks["paragraph"].features
    assert "image" not in features and "embed" not in features and "h2" not in features
