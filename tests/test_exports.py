"""Every spreadsheet export holding text typed by the public writes what a
spreadsheet would run as a formula as text (a leading apostrophe, by
maillage_core.spreadsheets), in CSV and in XLSX.

The exports: the contact page's messages (Wagtail's form submissions), the
directory's actors (admin export, and the thesaurus CSV) which visitors
propose, training registrations, working-group memberships (names people
give when they sign up). The Espace Jeunes exports nothing.
"""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

PAYLOAD = '=HYPERLINK("http://evil.example","clic")'
OTHERS = ["+33 4 72 00 00 00", "@SUM(A1:A2)", "-2+3+cmd|' /C calc'!A0"]


def contact_messages(client, home_page):
    from home.models import ContactFormField, ContactPage

    page = home_page.add_child(instance=ContactPage(title="Contact", slug="contact"))
    for label, kind in (("Nom", "singleline"), ("Téléphone", "singleline"), ("Message", "multiline")):
        ContactFormField.objects.create(page=page, label=label, field_type=kind, required=False)
    page.save_revision().publish()
    response = client.post(page.url, {"nom": PAYLOAD, "telephone": OTHERS[0], "message": "\n".join(OTHERS[1:])})
    assert response.status_code == 200 and page.get_submissions().count() == 1
    response = client.post(page.url, {"nom": OTHERS[1], "telephone": OTHERS[2], "message": "Bonjour"})
    return reverse("wagtailforms:list_submissions", args=[page.pk])


def directory_actors(client, home_page):
    from maillage_core.data.seed import ensure_vocabulary
    from maillage_directory.testing import make_actor

    ensure_vocabulary()
    make_actor(PAYLOAD, acronym=OTHERS[1], phone=OTHERS[0], phone_public=True, city=OTHERS[2], countries=["SN"])
    return reverse("wagtailsnippets_maillage_directory_actor:list")


def directory_thesaurus(client, home_page):
    directory_actors(client, home_page)
    return reverse("maillage_directory_import:export")


def training_registrations(client, home_page):
    from maillage_core.data.seed import ensure_vocabulary
    from maillage_training import booking
    from maillage_training.models import TrainingIndexPage, TrainingPage, TrainingSession

    ensure_vocabulary()
    programme = home_page.add_child(instance=TrainingIndexPage(title="Formations", slug="formations"))
    training = programme.add_child(instance=TrainingPage(title="Financements", summary="Panorama."))
    training.save_revision().publish()
    start = timezone.now() + timedelta(days=6)
    session = TrainingSession.objects.create(training=training, start=start, end=start + timedelta(hours=3),
                                             capacity=12, city="Lyon")
    booking.register(session.pk, name=PAYLOAD, email="a@example.org", organisation=OTHERS[0],
                     role=OTHERS[1], accessibility_needs=OTHERS[2])
    return reverse("maillage_training_registrations:index")


def group_members(client, home_page):
    from maillage_groups.models import GroupIndexPage
    from maillage_groups.testing import join, make_group, make_person

    index = home_page.add_child(instance=GroupIndexPage(title="Groupes", slug="groupes"))
    group = make_group(index, "Groupe pays Sénégal")
    join(make_person("awa@example.org", first_name=PAYLOAD, last_name=OTHERS[2]), group)
    join(make_person("moussa@example.org", first_name=OTHERS[1], last_name=OTHERS[0]), group)
    return reverse("maillage_groups_members:index")


EXPORTS = [
    (contact_messages, "csv"), (contact_messages, "xlsx"),
    (directory_actors, "csv"), (directory_actors, "xlsx"),
    (directory_thesaurus, None),
    (training_registrations, "csv"), (training_registrations, "xlsx"),
    (group_members, "csv"), (group_members, "xlsx"),
]


def cells_of(response, kind):
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if kind == "xlsx":
        sheet = load_workbook(io.BytesIO(data)).worksheets[0]
        assert not [cell.coordinate for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
        return [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]


@pytest.mark.parametrize(("export", "kind"), EXPORTS, ids=[f"{e.__name__}-{k or 'csv'}" for e, k in EXPORTS])
def test_text_typed_by_the_public_is_neutralised_in_every_export(admin_client, client, home_page, export, kind):
    url = export(client, home_page)
    response = admin_client.get(url, {"export": kind} if kind else {})
    assert response.status_code == 200
    cells = cells_of(response, kind or "csv")
    typed = [cell for cell in cells if any(text in cell for text in (PAYLOAD, *OTHERS))]
    assert any(PAYLOAD in cell for cell in typed), cells
    assert typed and all(cell.startswith("'") for cell in typed), typed
