"""Check a bare site and fetch a plugin's main pages in it (run by
tests/bare_site.py, in the site's folder, with the site's settings;
argument: the plugin).

The pages: the first live page of each of the plugin's page types (a public
one where the type has a members-only flag), and the links each holds
below the plugin's topmost page, sub-views included: each must answer 200,
or send a members-only page to the sign-in page. The plugin's topmost page
must also show the host's own page around the plugin's: the host's
stylesheet, core's and the plugin's, and core's SEO meta.
"""

import html
import re
import sys

import django

django.setup()

from django.apps import apps  # noqa: E402 (after setup)
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.shortcuts import resolve_url  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

LINK = re.compile(r'href="([^"#]+)"')
MOST = 40  # fetches per plugin, links included


def main(plugin):
    call_command("check", fail_level="ERROR")  # prints the warnings a host would see
    client = Client()
    problems = []
    home = client.get("/")
    if home.status_code != 200:
        problems.append(f"/ answered {home.status_code}")
    models = [
        model for model in apps.get_app_config(f"maillage_{plugin}").get_models()
        if issubclass(model, Page) and not model._meta.abstract
    ]
    seeds = []
    for model in models:
        pages = model.objects.live()
        if any(field.name == "members_only" for field in model._meta.get_fields()):
            pages = pages.filter(members_only=False)
        page = pages.order_by("path").first()
        if page is None:
            problems.append(f"the demo made no live {model.__name__}")
        else:
            seeds.append(page)
    if not seeds:
        report(plugin, 1, problems)
        return
    top = min(seeds, key=lambda page: page.depth)
    prefix = top.url
    login = resolve_url(settings.LOGIN_URL)
    fetched, waiting = {}, [page.url for page in seeds]
    while waiting and len(fetched) < MOST:
        url = waiting.pop(0)
        if url in fetched:
            continue
        response = client.get(url)
        fetched[url] = response.status_code
        if response.status_code == 302 and response["Location"].startswith(login):
            continue  # members only: to the sign-in page
        if response.status_code != 200:
            problems.append(f"{url} answered {response.status_code}")
            continue
        if url == prefix:
            problems.extend(missing_parts(plugin, response.content.decode()))
        if url in [page.url for page in seeds] and response["Content-Type"].startswith("text/html"):
            for link in LINK.findall(response.content.decode()):
                link = html.unescape(link)
                if link.startswith(prefix) and link not in fetched:
                    waiting.append(link)
    report(plugin, len(fetched), problems)


def missing_parts(plugin, page_html):
    parts = {
        "the host's stylesheet": "/static/css/",
        "core's stylesheet": "/static/maillage_core/maillage.css",
        "the plugin's stylesheet": f"/static/maillage_{plugin}/",
        "core's SEO meta": 'property="og:title"',
    }
    return [f"the plugin's top page lacks {what} ({text})" for what, text in parts.items() if text not in page_html]


def report(plugin, count, problems):
    if problems:
        sys.exit(f"maillage-{plugin} in a bare site:\n  " + "\n  ".join(problems))
    print(f"  maillage-{plugin}: {count} pages answered")


main(sys.argv[1])
