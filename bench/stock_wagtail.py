"""A stock ``wagtail start`` site, the second baseline: what a network would
get from Wagtail alone. Made once under bench/var/stock/, in a virtualenv of
its own holding the site's pinned Wagtail, Django and gunicorn and nothing
else (the site's own `home` and `search` packages would shadow the stock
project's), served by gunicorn like the site; its home page is the welcome
page Wagtail starts with."""

import os
import re
import secrets
import subprocess
import sys

from bench.harness import BENCH_DIR, ROOT, say

STOCK_DIR = BENCH_DIR / "var" / "stock"
STOCK_VENV = BENCH_DIR / "var" / "stock-venv"
BIN = STOCK_VENV / "bin"
SETTINGS = """from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = {key!r}
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
STORAGES = {{
    "default": {{"BACKEND": "django.core.files.storage.FileSystemStorage"}},
    "staticfiles": {{"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
}}
"""


def environment():
    return {"DJANGO_SETTINGS_MODULE": "stock.settings.bench", "DATABASE_URL": ""}


def pins():
    """The site's exact pins of what the stock site runs on."""
    text = (ROOT / "pyproject.toml").read_text()
    return [found.group(1) for name in ("wagtail", "Django", "gunicorn")
            if (found := re.search(rf'"({name}==[^"]+)"', text))]


def prepare():
    """The stock site, made and migrated once."""
    if not (BIN / "gunicorn").exists():
        say("==> A virtualenv with Wagtail alone for the stock site (bench/var/stock-venv/)")
        subprocess.run([sys.executable, "-m", "venv", str(STOCK_VENV)], check=True)
        subprocess.run([str(BIN / "pip"), "install", "--quiet", "--disable-pip-version-check", *pins()], check=True)
    if not (STOCK_DIR / "manage.py").exists():
        say("==> Making a stock `wagtail start` site (bench/var/stock/)")
        STOCK_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(BIN / "wagtail"), "start", "stock", str(STOCK_DIR)], check=True)
        (STOCK_DIR / "stock" / "settings" / "bench.py").write_text(SETTINGS.format(key=secrets.token_urlsafe(50)))
    subprocess.run([str(BIN / "python"), "manage.py", "migrate", "--noinput", "-v0"], cwd=STOCK_DIR,
                   env={**os.environ, **environment()}, check=True)
