"""The development media route (DEBUG, maillage_site.urls) serves uploaded
images and the like, but never a document: documents go through Wagtail's
/documents/ view, which checks who may download them. Every spelling of a
path that lands in the documents folder is refused."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from maillage_core.checks import check_document_serving

pytestmark = pytest.mark.django_db

NAME = "contacts-reserves.txt"

DOCUMENT_SPELLINGS = [
    "documents/{name}",
    "/documents/{name}",  # /media//documents/…
    "./documents/{name}",
    "x/../documents/{name}",
    "images/../documents/{name}",
    "documents/./{name}",
    "documents//{name}",
    "%2e/documents/{name}",
    "%2E/documents/{name}",
    "images/%2e%2e/documents/{name}",
    "documents%2f{name}",
    "%64ocuments/{name}",
    "../{root}/documents/{name}",
    "documents\\{name}",
    "documents%5c{name}",
    ".\\documents\\{name}",
    "documents./{name}",
    "documents/{name}.",
    "DOCUMENTS/{name}",
    "Documents/{name}",
    "documents",
    "documents/",
    "alias/{name}",  # a symbolic link to the documents folder
    "uploaded_documents/{name}",  # Wagtail's multiple upload keeps files there before they are documents
    "images/%00",
]

IMAGE_SPELLINGS = [
    "images/logo.txt",
    "./images/logo.txt",
    "images//logo.txt",
    "x/../images/logo.txt",
    "%69mages/logo.txt",
]


@pytest.fixture
def media(settings, tmp_path, debug_urls):
    """A private document (signed-in people only) and an image, in MEDIA_ROOT."""
    root = Collection.get_first_root_node()
    private = root.add_child(name="Réservé")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    restriction.groups.set(Group.objects.none())
    document = get_document_model()(title="Contacts réservés", collection=private)
    document.file.save(NAME, ContentFile(b"secret"), save=False)
    document.save()
    assert document.file.name == f"documents/{NAME}"
    (tmp_path / "uploaded_documents").mkdir()
    (tmp_path / "uploaded_documents" / NAME).write_bytes(b"secret")
    (tmp_path / "alias").symlink_to(tmp_path / "documents")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.txt").write_text("logo")
    return document


@pytest.mark.parametrize("spelling", DOCUMENT_SPELLINGS)
def test_no_spelling_of_a_documents_path_serves_it_as_media(client, settings, tmp_path, media, spelling):
    url = settings.MEDIA_URL + spelling.format(name=NAME, root=tmp_path.name)
    response = client.get(url)
    assert response.status_code == 404, url
    assert client.get(media.url).status_code == 302  # Wagtail's view asks to sign in


@pytest.mark.parametrize("spelling", IMAGE_SPELLINGS)
def test_other_media_are_served_in_development(client, settings, media, spelling):
    response = client.get(settings.MEDIA_URL + spelling)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"logo"


def test_the_documents_check_finds_the_development_route_safe(media):
    assert check_document_serving(None) == []
