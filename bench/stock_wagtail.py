"""A stock ``wagtail start`` site, the second baseline: what a network would
get from Wagtail alone. Made once under bench/var/stock/, served by gunicorn
like the site, its home page the welcome page Wagtail starts with."""

import os
import secrets
import subprocess

from bench.harness import BENCH_DIR, VENV_BIN, say

STOCK_DIR = BENCH_DIR / "var" / "stock"
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


def prepare():
    """The stock site, made and migrated once."""
    if not (STOCK_DIR / "manage.py").exists():
        say("==> Making a stock `wagtail start` site (bench/var/stock/)")
        STOCK_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(VENV_BIN / "wagtail"), "start", "stock", str(STOCK_DIR)], check=True)
        (STOCK_DIR / "stock" / "settings" / "bench.py").write_text(SETTINGS.format(key=secrets.token_urlsafe(50)))
    subprocess.run([str(VENV_BIN / "python"), "manage.py", "migrate", "--noinput", "-v0"], cwd=STOCK_DIR,
                   env={**os.environ, **environment()}, check=True)
