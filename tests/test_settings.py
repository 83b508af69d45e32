"""Settings come from the environment, with safe development defaults."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

MANAGE = Path(__file__).resolve().parent.parent / "manage.py"


def environment(**env):
    """This process's environment without any deployment variable, plus ``env``."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "SEARCH_", "MAILLAGE_"))},
        **env,
    }


def load_settings(module, show=("DATABASES['default']['ENGINE']", "DEBUG"), **env):
    """Import a settings module in a fresh interpreter; return (exit code, output),
    the output being the values of the ``show`` expressions, one a line."""
    code = f"import maillage_site.settings.{module} as s; " + "; ".join(f"print(s.{value})" for value in show)
    result = subprocess.run([sys.executable, "-c", code], env=environment(**env), capture_output=True, text=True)
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


def production_environment(**env):
    """The production environment the README shows."""
    return {
        "DJANGO_SETTINGS_MODULE": "maillage_site.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "reseau.example.org",
        "DATABASE_URL": "postgres://maillage:pw@db.example.org:5432/maillage",
        "SEARCH_URL": "http://127.0.0.1:9200",
        "MAILLAGE_OFFICER_EMAIL": "communication@reseau.example.org",
        "MAILLAGE_TRUSTED_PROXY_HOPS": "1",
        **env,
    }


def test_production_passes_django_deployment_checks():
    result = subprocess.run(
        [sys.executable, str(MANAGE), "check", "--deploy", "--fail-level", "WARNING"],
        env=environment(**production_environment()), capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


HTTPS = ("SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_SSL_REDIRECT")


@pytest.mark.parametrize("env, expected", [
    ({}, ["31536000", "True", "False", "True"]),
    ({"DJANGO_HSTS_SECONDS": "3600", "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "0", "DJANGO_HSTS_PRELOAD": "1",
      "DJANGO_SECURE_SSL_REDIRECT": "0"}, ["3600", "False", "True", "False"]),
])
def test_production_https_settings_come_from_the_environment(env, expected):
    code, output = load_settings("production", show=HTTPS, **production_environment(**env))
    assert code == 0, output
    assert output.split() == expected


def test_extra_frame_and_image_sources_come_from_the_environment():
    code, output = load_settings(
        "production",
        show=("CONTENT_SECURITY_POLICY['DIRECTIVES']['frame-src']", "CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']"),
        **production_environment(MAILLAGE_CSP_FRAME_SRC="https://video.exemple.org, https://tube.exemple.org",
                                 MAILLAGE_CSP_IMG_SRC="https://media.exemple.org"),
    )
    assert code == 0, output
    frames, images = output.splitlines()
    assert "'https://www.youtube.com'" in frames and frames.endswith("'https://video.exemple.org', 'https://tube.exemple.org']")
    assert images == "[\"'self'\", 'data:', 'https://media.exemple.org']"
