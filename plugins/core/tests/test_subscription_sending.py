"""An issue sent to a topic's subscribers in the background: batches, every
copy once, a text part and one-click unsubscribe in each, and a send
stopped by a crash that resumes without sending anyone a second copy."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from subscription_helpers import CrashingEmailBackend, Items, topics_of
from wagtail import hooks

from maillage_core.hooks import SUBSCRIPTION_TOPICS
from maillage_core.subscriptions import sending, tasks
from maillage_core.subscriptions.models import Delivery, Mailing, Subscriber, TopicSubscription

HTML = (
    '<html><body><h1>Le Bulletin</h1><p>Des nouvelles.</p>'
    f'<p><a href="http://testserver/abonnements/preferences/{sending.LINK_TOKEN}/">Préférences</a></p></body></html>'
)


@pytest.fixture(autouse=True)
def _sent_in_the_tests_thread(settings):
    """Issues go out in the test's own thread, every batch at once, whatever
    the host's set-up (a site following the README sends them through the
    database worker); a test that needs the worker says so."""
    immediate = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    settings.TASKS = {"default": immediate, "mail": immediate}
    settings.MAILLAGE_SUBSCRIPTIONS_TASK_BACKEND = "mail"
    settings.MAILLAGE_SUBSCRIPTIONS_BATCH_INTERVAL = 0


@pytest.fixture(autouse=True)
def topics(db):
    with hooks.register_temporarily(SUBSCRIPTION_TOPICS, lambda: topics_of(Items())):
        yield


def make_subscriber(email, topic="bulletin", **state):
    state.setdefault("confirmed_at", timezone.now())
    subscriber = Subscriber.objects.create(email=email, language="fr", **state)
    TopicSubscription.objects.create(subscriber=subscriber, topic=topic)
    return subscriber


def readers(count):
    return [make_subscriber(f"lecteur{number}@example.org") for number in range(count)]


def make_mailing():
    return Mailing.objects.create(topic="bulletin", subject="Le Bulletin no 3", html=HTML,
                                  text=sending.personal(HTML, sending.LINK_TOKEN), base_url="http://testserver")


def addresses():
    return sorted(message.to[0] for message in mail.outbox)


@pytest.mark.django_db
def test_an_issue_reaches_each_confirmed_subscriber_of_its_topic_once_in_batches(settings):
    settings.MAILLAGE_SUBSCRIPTIONS_BATCH_SIZE = 2
    settings.MAILLAGE_SENDER_NAME, settings.MAILLAGE_SENDER_EMAIL = "Réseau Test", "lettre@reseau.example"
    wanted = readers(5)
    make_subscriber("pas-confirme@example.org", confirmed_at=None)
    make_subscriber("parti@example.org", unsubscribed_at=timezone.now())
    make_subscriber("suspendu@example.org", suspended_at=timezone.now())
    make_subscriber("autre@example.org", topic="nouvelles")
    mailing = make_mailing()
    tasks.enqueue(mailing.pk)
    tasks.enqueue(mailing.pk)  # a second click, a retried task: nothing more
    assert addresses() == sorted(subscriber.email for subscriber in wanted)
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DONE
    assert sending.progress(mailing) == sending.Progress(sent=5, failed=0, interrupted=0, remaining=0)
    message = mail.outbox[0]
    assert message.from_email == "Réseau Test <lettre@reseau.example>"
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://testserver/abonnements/desinscription/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    [(html, kind)] = message.alternatives
    assert kind == "text/html" and sending.LINK_TOKEN not in html and "Des nouvelles." in message.body
    assert unsubscribe.strip("<>").split("/")[-2] in html  # each reader's own link


def run_worker():
    call_command("db_worker", "--batch", "--backend", "mail", "--no-reload", "--no-startup-delay", "--interval", "0",
                 verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_send_stopped_by_a_crash_resumes_and_nobody_gets_two_copies(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
                      "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MAILLAGE_SUBSCRIPTIONS_TASK_BACKEND = "mail"
    settings.MAILLAGE_SUBSCRIPTIONS_BATCH_SIZE = 3
    settings.EMAIL_BACKEND = "subscription_helpers.CrashingEmailBackend"
    CrashingEmailBackend.handed, CrashingEmailBackend.crash_after = 0, 5  # in the second batch
    wanted = readers(8)
    mailing = make_mailing()
    tasks.enqueue(mailing.pk)
    assert mail.outbox == []  # queued for the worker, not sent in the request
    run_worker()
    assert len(mail.outbox) == 5
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENDING
    assert sending.progress(mailing) == sending.Progress(sent=4, failed=0, interrupted=1, remaining=3)

    tasks.enqueue(mailing.pk)  # the progress screen's "Resume sending"
    run_worker()
    assert addresses() == sorted(subscriber.email for subscriber in wanted)  # each once
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DONE
    assert sending.progress(mailing) == sending.Progress(sent=7, failed=0, interrupted=1, remaining=0)
    assert Delivery.objects.filter(mailing=mailing).count() == 8


@pytest.mark.django_db
def test_an_address_the_mail_server_refuses_is_counted_and_suspended_at_the_limit(settings):
    settings.EMAIL_BACKEND = "subscription_helpers.RefusingEmailBackend"
    settings.MAILLAGE_SUBSCRIPTIONS_HARD_FAILURE_LIMIT = 1
    make_subscriber("lectrice@example.org")
    unknown = make_subscriber("inconnu@example.org")
    mailing = make_mailing()
    tasks.enqueue(mailing.pk)
    assert addresses() == ["lectrice@example.org"]
    assert sending.progress(mailing) == sending.Progress(sent=1, failed=1, interrupted=0, remaining=0)
    unknown.refresh_from_db()
    assert unknown.hard_failures == 1 and unknown.suspended_at is not None


def test_an_email_of_long_rich_text_keeps_short_lines_and_goes_out_8bit():
    from maillage_core.subscriptions import emails

    # Rich text renders on one line; the inliner keeps it so.
    html = emails.email_html("<html><body>" + "<p>Des nouvelles du réseau.</p><br>" * 200 + "</body></html>",
                             "http://testserver")
    assert max(len(line) for line in html.splitlines()) <= 998  # RFC 5322
    message = emails.bulk_message(to="a@example.org", subject="Le Bulletin", text="Des nouvelles.", html=html,
                                  unsubscribe_url="http://testserver/desinscription/")
    raw = message.message().as_bytes()
    assert b"quoted-printable" not in raw and "Des nouvelles du réseau.".encode() in raw
    preformatted = "<pre>" + "x" * 2000 + "</pre>"
    assert preformatted in emails.short_lines(preformatted)  # preformatted text keeps its lines
