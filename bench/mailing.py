"""An issue of La Lettre sent to N confirmed subscribers (10,000 by
default), batch after batch as the worker sends it (claims, one message
per subscriber with their own links, statuses), to a local SMTP server
that accepts and discards every message, in a child process. The baseline,
in the same run: the same N messages built and sent over the same kind of
connection with no database at all. Memory is the process's resident size
sampled after every batch: flat means the last batch needs no more than
the first ones.

    .venv/bin/python bench/mailing.py [--subscribers 10000] [--batch 500] [--rounds 1]

Uses its own SQLite database under bench/var/ (the site's settings,
DEBUG off, the database in write-ahead-log mode). Target: 10,000 subscribers in at most 60 s, flat memory.
"""

import argparse
import asyncore
import multiprocessing
import os
import smtpd
import statistics
import sys
import time
import warnings
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
VAR = BENCH_DIR / "var"

warnings.filterwarnings("ignore", category=DeprecationWarning)


# The local mail server ------------------------------------------------------


class Sink(smtpd.SMTPServer):
    """Accepts every message and keeps nothing but a count."""

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        return None


def serve(port, ready):
    Sink(("127.0.0.1", port), None, decode_data=False)
    ready.set()
    asyncore.loop(timeout=0.5)


def start_sink():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    ready = multiprocessing.Event()
    process = multiprocessing.Process(target=serve, args=(port, ready), daemon=True)
    process.start()
    ready.wait(10)
    return process, port


# Django -------------------------------------------------------------------------


def configure(port):
    VAR.mkdir(exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{VAR / 'mailing.sqlite3'}"
    os.environ["SEARCH_URL"] = ""
    os.environ["DJANGO_SETTINGS_MODULE"] = "maillage_site.settings.dev"
    os.environ["DJANGO_DEBUG"] = "0"  # DEBUG keeps every query: memory would grow with the send
    os.environ["MAILLAGE_LOG_LEVEL"] = "WARNING"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    # Write-ahead log, synced at checkpoints: a commit no longer waits for the
    # disk (a process that dies loses nothing; a power cut may lose the last
    # commits). PostgreSQL, as deployed, commits in well under a millisecond.
    settings.DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.MAILLAGE_SUBSCRIPTIONS_BATCH_INTERVAL = 0


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def issue_html():
    """An issue the size of La Lettre's (about 20 KB), as mail clients get it."""
    from maillage_core.subscriptions import emails, sending

    preferences, unsubscribe = emails.link_urls("http://localhost", sending.LINK_TOKEN)
    paragraphs = "".join(
        f"<h2>Article {n}</h2><p>Les acteurs de la région se mobilisent pour la solidarité internationale : "
        f"<a href='/actualites/{n}/'>lire la suite</a>.</p><img src='/media/images/photo{n}.jpg' alt='Photo {n}'>"
        for n in range(40)
    )
    html = (f"<html><head><style>h2 {{ color: #0b57a4 }} p {{ margin: 0 0 14px }}</style></head><body>"
            f"<h1>La Lettre no 12</h1>{paragraphs}<p><a href='{preferences}'>Préférences</a> · "
            f"<a href='{unsubscribe}'>Se désabonner</a></p></body></html>")
    html = emails.email_html(html, "http://localhost")
    return html, emails.html_to_text(html)


def fill(count):
    from django.utils import timezone

    from maillage_core.subscriptions.models import Mailing, Subscriber, TopicSubscription

    Mailing.objects.all().delete()
    Subscriber.objects.all().delete()
    now = timezone.now()
    for start in range(0, count, 2000):
        subscribers = Subscriber.objects.bulk_create([
            Subscriber(email=f"lecteur{n}@example.org", language="fr", confirmed_at=now)
            for n in range(start, min(count, start + 2000))
        ])
        TopicSubscription.objects.bulk_create([TopicSubscription(subscriber=s, topic="lettre") for s in subscribers])


def send_issue(html, text):
    """Seconds to send the issue to every subscriber, and RSS after each batch."""
    from maillage_core.subscriptions import sending
    from maillage_core.subscriptions.models import Mailing

    mailing = Mailing.objects.create(topic="lettre", subject="La Lettre no 12", html=html, text=text,
                                     base_url="http://localhost")
    samples = []
    started = time.perf_counter()
    while sending.send_batch(mailing.pk):
        samples.append(rss_mb())
    seconds = time.perf_counter() - started
    mailing.refresh_from_db()
    progress = sending.progress(mailing)
    assert progress.sent == progress.total and progress.remaining == 0, progress
    return seconds, progress.sent, samples


def send_baseline(html, text, count, batch):
    """The same messages, built and sent with no database."""
    from django.core.mail import get_connection

    from maillage_core.subscriptions import emails

    unsubscribe = "http://localhost/abonnements/desinscription/jeton/"
    started = time.perf_counter()
    for start in range(0, count, batch):
        with get_connection() as connection:
            for n in range(start, min(count, start + batch)):
                emails.bulk_message(to=f"lecteur{n}@example.org", subject="La Lettre no 12", text=text, html=html,
                                    unsubscribe_url=unsubscribe, connection=connection).send()
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=500, help="MAILLAGE_SUBSCRIPTIONS_BATCH_SIZE")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()

    sink, port = start_sink()
    configure(port)
    from django.conf import settings
    from django.core.management import call_command

    settings.MAILLAGE_SUBSCRIPTIONS_BATCH_SIZE = args.batch
    call_command("migrate", verbosity=0, interactive=False)
    html, text = issue_html()
    print(f"==> {args.subscribers} subscribers, batches of {args.batch}, an issue of {len(html) // 1024} KB "
          f"HTML + {len(text) // 1024} KB text, to a local SMTP server", flush=True)

    sends, baselines, growths, peaks = [], [], [], []
    for round_number in range(1, args.rounds + 1):
        fill(args.subscribers)
        baseline = send_baseline(html, text, args.subscribers, args.batch)
        seconds, sent, samples = send_issue(html, text)
        # Flat: what the last batches hold beyond the first ones (the first batches warm caches up).
        settled = samples[min(2, len(samples) - 1)]
        growth, peak = max(samples) - settled, max(samples)
        sends.append(seconds)
        baselines.append(baseline)
        growths.append(growth)
        peaks.append(peak)
        print(f"  round {round_number}: sent {sent} in {seconds:.1f} s ({sent / seconds:.0f}/s); "
              f"baseline {baseline:.1f} s; RSS {samples[0]:.0f} MB after the first batch, peak {peak:.0f} MB, "
              f"+{growth:.1f} MB after batch 3", flush=True)

    seconds, baseline = statistics.median(sends), statistics.median(baselines)
    print()
    print("| subscribers | send s | msgs/s | baseline s | ratio | peak RSS MB | growth after batch 3 MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"| {args.subscribers} | {seconds:.1f} | {args.subscribers / seconds:.0f} | {baseline:.1f} | "
          f"{seconds / baseline:.2f} | {statistics.median(peaks):.0f} | {statistics.median(growths):.1f} |")
    met = seconds <= 60 * args.subscribers / 10000 and statistics.median(growths) < 20
    print(f"\nTarget (10,000 in ≤ 60 s, flat memory): {'met' if met else 'NOT met'}.")
    sink.terminate()


if __name__ == "__main__":
    main()
