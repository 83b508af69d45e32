"""Settings come from the environment, with safe development defaults."""

import os
import subprocess
import sys

import pytest


def load_settings(module, show=("DATABASES['default']['ENGINE']", "DEBUG"), **env):
    """Import a settings module in a fresh interpreter; return (exit code, output),
    the output being the values of the ``show`` expressions, one a line."""
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "SEARCH_", "MAILLAGE_"))
    }
    environment.update(env)
    code = f"import maillage_site.settings.{module} as s; " + "; ".join(f"print(s.{value})" for value in show)
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


PRODUCTION = {"DJANGO_SECRET_KEY": "k" * 50, "DJANGO_ALLOWED_HOSTS": "example.org"}
BEHIND_PROXIES = ("MAILLAGE_TRUSTED_PROXY_HOPS", "AXES_FAILURE_LIMIT", "AXES_COOLOFF_TIME.total_seconds()")


@pytest.mark.parametrize(
    "env, expected",
    [
        ({}, ["0", "5", "900.0"]),  # reached directly; 5 failures, then 15 minutes' pause
        (
            {"MAILLAGE_TRUSTED_PROXY_HOPS": "1", "MAILLAGE_LOGIN_FAILURE_LIMIT": "8", "MAILLAGE_LOGIN_COOLOFF_MINUTES": "30"},
            ["1", "8", "1800.0"],
        ),
    ],
)
def test_proxies_and_the_sign_in_pause_come_from_the_environment(env, expected):
    code, output = load_settings("production", show=BEHIND_PROXIES, **PRODUCTION, **env)
    assert code == 0, output
    assert output.split() == expected
