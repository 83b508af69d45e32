"""Meetings and minutes: Paris time, calendars, attendance replies, the
documents an editor may attach, when minutes may be written, emails to
members, and search documents that stay in step."""

from datetime import datetime, timedelta

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from groups_helpers import english
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from maillage_groups.models import AttendanceReply, MemberNotification, MinutesPage, members_key
from maillage_groups.testing import join, make_document, make_group, make_meeting, make_minutes, make_person

pytestmark = pytest.mark.django_db


def paris(*args):
    from maillage_groups import conf

    return datetime(*args, tzinfo=conf.time_zone())


@pytest.fixture
def group(groups_index):
    return make_group(groups_index, "Groupe pays Madagascar")


@pytest.fixture
def member(group):
    person = make_person("hery@exemple.org", first_name="Hery", last_name="Rakoto")
    join(person, group)
    return person


def test_a_meeting_shows_and_exports_its_paris_time_on_both_sides_of_a_clock_change(client, group):
    summer = make_meeting(group, "Réunion d'été", start=paris(2031, 6, 12, 14, 0), end=paris(2031, 6, 12, 16, 30))
    winter = make_meeting(group, "Réunion d'hiver", start=paris(2031, 12, 4, 14, 0))
    assert "14:00" in client.get(summer.url).content.decode()
    assert "16:30" in client.get(summer.url).content.decode()
    for meeting in (summer, winter):
        response = client.get(meeting.url + "ical/")
        assert response["Content-Type"].startswith("text/calendar")
        event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
        start = event.decoded("dtstart")
        assert (start.hour, str(start.tzinfo)) == (14, "Europe/Paris")
        # The zone's definition travels with the file and covers the meeting's year.
        [zone] = icalendar.Calendar.from_ical(response.content).walk("VTIMEZONE")
        assert str(zone["tzid"]) == "Europe/Paris"
        assert {part.name for part in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
        assert "2031" in zone.to_ical().decode()
    feed = icalendar.Calendar.from_ical(client.get(group.url + "calendrier/").content)
    assert sorted(str(event["summary"]) for event in feed.walk("VEVENT")) == [
        "Groupe pays Madagascar — Réunion d'hiver",
        "Groupe pays Madagascar — Réunion d'été",
    ]


def test_members_reply_until_the_meeting_starts_and_coordinators_see_the_counts(client, group, member):
    meeting = make_meeting(group, "Réunion de rentrée")
    url = reverse("maillage_groups:attendance", args=[meeting.pk])
    client.force_login(member)
    client.post(url, {"attending": "yes"})
    client.post(url, {"attending": "no"})  # changes their mind
    assert list(AttendanceReply.objects.values_list("user_id", "attending")) == [(member.pk, False)]
    with english(client):
        junk = client.post(url, {"attending": "<script>"}, follow=True)
    assert "Choose" in junk.content.decode() and AttendanceReply.objects.get().attending is False
    assert "Hery Rakoto" not in client.get(meeting.url).content.decode()  # members do not see who replied

    coordinator = make_person("coord@exemple.org")
    join(coordinator, group, coordinator=True)
    client.force_login(coordinator)
    with english(client):
        html = client.get(meeting.url).content.decode()
    assert "0 will attend, 1 won't." in html and "Hery Rakoto" in html

    outsider = make_person("outsider@exemple.org")
    client.force_login(outsider)
    client.post(url, {"attending": "yes"})
    started = make_meeting(group, "Réunion commencée", days=-1)
    client.force_login(member)
    client.post(reverse("maillage_groups:attendance", args=[started.pk]), {"attending": "yes"})
    assert AttendanceReply.objects.count() == 1


def edit_form_data(page, *, members_only, documents):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "start": timezone.localtime(page.start).strftime("%Y-%m-%d %H:%M"),
            "agenda": rich_text(""),
            "members_only": "on" if members_only else "",
            "documents": inline_formset([{"document": str(document.pk), "label": ""} for document in documents]),
            "action-publish": "publish",
        }
    )


@pytest.mark.parametrize("members_only, private_document, accepted", [
    (True, True, True),
    (True, False, False),   # a public file on a members-only page: anyone with its link downloads it
    (False, True, False),   # a members-only file on a public page: a link that refuses its readers
    (False, False, True),
])
def test_editors_attach_only_documents_as_private_as_the_page(admin_client, group, members_only, private_document,
                                                              accepted):
    meeting = make_meeting(group, "Réunion à documenter")
    document = make_document(group, "Relevé de décisions", members_only=private_document)
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[meeting.pk]),
        edit_form_data(meeting, members_only=members_only, documents=[document]),
    )
    meeting.refresh_from_db()
    assert (response.status_code == 302) == accepted
    assert (meeting.documents.count() == 1) == accepted


def test_a_members_only_document_of_another_group_is_refused_too(admin_client, groups_index, group):
    other = make_group(groups_index, "Groupe pays Haïti")
    meeting = make_meeting(group, "Réunion réservée", members_only=True)
    document = make_document(other, "Contacts d'Haïti", members_only=True)
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[meeting.pk]),
        edit_form_data(meeting, members_only=True, documents=[document]),
    )
    assert response.status_code == 200 and meeting.documents.count() == 0


def minutes_form_data(members_only):
    return nested_form_data({
        "title": "Compte rendu",
        "slug": "compte-rendu",
        "body": rich_text("<p>Décisions prises.</p>"),
        "members_only": "on" if members_only else "",
        "documents": inline_formset([]),
        "action-publish": "publish",
    })


def test_minutes_are_written_after_the_meeting_and_as_private_as_it(admin_client, group):
    ahead = make_meeting(group, "Réunion à venir")
    held = make_meeting(group, "Réunion réservée tenue", days=-3, members_only=True)
    add = "wagtailadmin_pages:add"
    early = admin_client.post(reverse(add, args=["maillage_groups", "minutespage", ahead.pk]), minutes_form_data(True))
    public = admin_client.post(reverse(add, args=["maillage_groups", "minutespage", held.pk]), minutes_form_data(False))
    assert early.status_code == 200 and public.status_code == 200
    assert not MinutesPage.objects.exists()
    done = admin_client.post(reverse(add, args=["maillage_groups", "minutespage", held.pk]), minutes_form_data(True))
    assert done.status_code == 302
    minutes = MinutesPage.objects.get()
    assert (minutes.group_id, minutes.meeting_id, minutes.held_on) == (group.pk, held.pk, held.start)


def test_minutes_follow_their_meetings_privacy_in_search(group, search_engine):
    meeting = make_meeting(group, "Réunion", days=-10)
    minutes = make_minutes(meeting, "Compte rendu Antsirabe")
    meeting.members_only = True
    meeting.save_revision().publish()
    document = search_engine.client.get(index=search_engine.backend.get_index_for_model(MinutesPage).name,
                                        id=str(minutes.pk))
    assert document["_source"]["maillage_visibility"] == members_key(group.pk)


def test_a_group_is_found_by_its_sectors(groups_index, search_engine):
    from maillage_core.search import visible_search
    from maillage_groups.models import GroupPage

    make_group(groups_index, "Groupe thématique", sectors=["eau-assainissement"])
    search_engine.refresh()
    assert [page.title for page in visible_search(GroupPage.objects.live(), "assainissement")] == ["Groupe thématique"]


def test_members_hear_of_new_meetings_and_minutes_once_with_an_unsubscribe_link(
    client, group, member, django_capture_on_commit_callbacks, settings
):
    settings.MAILLAGE_SENDER_NAME, settings.MAILLAGE_SENDER_EMAIL = "Réseau", "groupes@reseau.example"
    quiet = make_person("quiet@exemple.org")
    join(quiet, group).__class__.objects.filter(user=quiet).update(notify_meetings=False)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = make_meeting(group, "Réunion de printemps", members_only=True)
    [email] = mail.outbox
    assert email.to == [member.email] and "Réunion de printemps" in email.subject
    assert email.from_email == "Réseau <groupes@reseau.example>"  # the site's sender of bulk emails
    unsubscribe = email.extra_headers["List-Unsubscribe"].strip("<>")
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click" and unsubscribe in email.body

    with django_capture_on_commit_callbacks(execute=True):
        meeting.save_revision().publish()  # published again: no second email
    assert len(mail.outbox) == 1

    # One click from the mail client (RFC 8058: a POST without any cookie or CSRF token).
    response = client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    with english(client):
        replay = client.post(unsubscribe)
    assert replay.status_code == 409 and "already unsubscribed" in replay.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        make_meeting(group, "Réunion d'automne")
    assert len(mail.outbox) == 1


def test_an_old_unsubscribe_link_cannot_undo_a_later_choice(client, group, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_meeting(group, "Réunion")
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    client.post(link)
    client.force_login(member)
    membership = member.maillage_group_memberships.get()
    client.post(reverse("maillage_groups:notifications", args=[group.pk]),
                {f"m{membership.pk}-meetings": "on", f"m{membership.pk}-minutes": "on"})
    client.logout()
    with english(client):
        response = client.post(link)
    assert response.status_code == 409 and "out of date" in response.content.decode()
    membership.refresh_from_db()
    assert membership.notify_meetings is True
    assert client.post(link[:-5] + "xxxx/").status_code == 400


def test_notifications_missed_by_a_mail_server_outage_are_sent_later(group, member, settings,
                                                                      django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "groups_testsite.failing_mail.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        meeting = make_meeting(group, "Réunion maintenue")
    notification = MemberNotification.objects.get(page_id=meeting.pk)
    assert notification.sent_at is None and notification.attempts == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("groups_send_notifications", verbosity=0)
    assert [email.to for email in mail.outbox] == [[member.email]]
    assert MemberNotification.objects.get(pk=notification.pk).sent_at is not None


def test_a_past_meeting_published_late_emails_nobody(group, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_meeting(group, "Réunion d'hier", start=timezone.now() - timedelta(days=1))
    assert mail.outbox == []
