"""Settings come from the environment, with safe development defaults."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from maillage_core.search.config import parse_search_url, search_backends


def load_settings(module, **env):
    """Import a settings module in a fresh interpreter; return (exit code, output)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "SEARCH_"))}
    environment.update(env)
    code = f"import maillage_site.settings.{module} as s; print(s.DATABASES['default']['ENGINE']); print(s.DEBUG)"
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    code, output = load_settings("production", DJANGO_ALLOWED_HOSTS="example.org")
    assert code != 0
    assert "DJANGO_SECRET_KEY" in output


def test_production_refuses_the_development_key():
    code, output = load_settings(
        "production",
        DJANGO_SECRET_KEY="dev-only-insecure-key-do-not-use-in-production",
        DJANGO_ALLOWED_HOSTS="example.org",
    )
    assert code != 0 and "DJANGO_SECRET_KEY" in output


def test_production_starts_with_a_real_key_and_postgresql():
    code, output = load_settings(
        "production",
        DJANGO_SECRET_KEY="k" * 50,
        DJANGO_ALLOWED_HOSTS="example.org",
        DATABASE_URL="postgres://maillage:pw@db.example.org:5432/maillage",
    )
    assert code == 0, output
    assert output.split() == ["django.db.backends.postgresql", "False"]


def test_development_defaults_to_sqlite_with_debug():
    code, output = load_settings("dev")
    assert code == 0, output
    assert output.split() == ["django.db.backends.sqlite3", "True"]


@pytest.mark.parametrize(
    "url, backend, http_url",
    [
        ("http://127.0.0.1:9250", "maillage_core.search.backends.opensearch2", "http://127.0.0.1:9250"),
        ("opensearch+https://u:p@search.example.org", "maillage_core.search.backends.opensearch2", "https://u:p@search.example.org"),
        ("elasticsearch9+https://es.example.org:9243", "maillage_core.search.backends.elasticsearch9", "https://es.example.org:9243"),
        ("elasticsearch8://es:9200", "maillage_core.search.backends.elasticsearch8", "http://es:9200"),
    ],
)
def test_search_url_selects_the_backend(url, backend, http_url):
    assert parse_search_url(url) == (backend, http_url)


@pytest.mark.parametrize("url", ["solr://x", "opensearch+ftp://x", "http://", "elasticsearch7://x:9200"])
def test_unknown_search_url_is_refused_with_a_hint(url):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_URL"):
        parse_search_url(url)


def test_no_search_url_falls_back_to_the_database_backend():
    assert search_backends("") == {"default": {"BACKEND": "wagtail.search.backends.database"}}
