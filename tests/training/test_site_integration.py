"""The training plugin inside the site: its pages in the site's layout,
its contributions to the home page and site search, its demo content."""


import pytest

from maillage_training import booking

pytestmark = pytest.mark.django_db


def test_programme_pages_render_in_the_site_layout(client, programme, training_session):
    for route in ("", "calendrier/", "liste/", "archives/"):
        response = client.get(programme.url + route)
        assert response.status_code == 200, route
        html = response.content.decode()
        assert 'class="skip-link"' in html and "site.css" in html  # the site's own base template
        assert "training.css" in html


def test_home_page_lists_upcoming_trainings_and_counts_them(client, home_page, training_session):
    html = client.get(home_page.url).content.decode()
    assert 'id="section-trainings"' in html and "Prochaines formations" in html
    # "Prochains rendez-vous" lists what no section shows already: not this session again.
    assert html.count(">Rechercher des financements</a>") == 1 and "Prochains rendez-vous" not in html
    assert "Rechercher des financements" in html
    assert "sessions de formation à venir" in html


def test_session_page_registers_in_the_site(client, training_session, django_capture_on_commit_callbacks):
    from django.core import mail

    path = training_session.training.specific.url + f"sessions/{training_session.pk}/"
    data = {"name": "Camille Martin", "email": "camille@example.org", "consent": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, data)
    assert response.status_code == 302
    assert training_session.registrations.get().status == "confirmed"
    assert mail.outbox[0].subject == "Inscription confirmée : Rechercher des financements"
    assert "http://localhost/formations/rechercher-des-financements/annulation/?jeton=" in mail.outbox[0].body


def test_upcoming_events_reach_other_apps_through_core(rf, home_page, training_session):
    from maillage_core.hooks import upcoming_events

    [event] = upcoming_events(rf.get("/"), limit=3)
    assert (event.title, event.kind) == ("Rechercher des financements", "training")
    assert upcoming_events(rf.get("/"), limit=3, leave_out=["training"]) == []  # a section lists them


@pytest.mark.engine
def test_site_search_has_a_trainings_section(client, search_engine, training_session):
    search_engine.index_all()
    html = client.get("/recherche/?q=financeurs").content.decode()
    assert "Formations" in html and "Rechercher des financements" in html
    html = client.get("/recherche/?q=financeurs&type=trainings").content.decode()
    assert "Prochaine session" in html


def test_cancelling_a_full_session_seat_promotes_in_the_site(training_session):
    training_session.capacity = 1
    training_session.save()
    first = booking.register(training_session.pk, name="A", email="a@example.org")
    second = booking.register(training_session.pk, name="B", email="b@example.org")
    booking.cancel_registration(first.pk)
    second.refresh_from_db()
    assert second.status == "confirmed"
