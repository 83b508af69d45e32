"""What a test module needs from the host site it runs in.

A plugin's suite runs in its own test project, inside the Maillage site,
and in a bare ``wagtail start`` site set up by its README's Install lines
alone (tests/bare_site.py). A feature a host adds only if it wants it (the
sign-in policy's django-axes, the editorial blocks' typed tables) cannot
be tested in a site without it: the module says so at its top, and is
reported skipped there, with the reason; the other two sites run it.
"""

import pytest


def skip_unless_installed(*app_names):
    from django.apps import apps

    missing = [name for name in app_names if not apps.is_installed(name)]
    if missing:
        pytest.skip(
            f"an optional feature this host site has not installed: {', '.join(missing)}", allow_module_level=True
        )


def needs_apps(*app_names):
    """The same, for one test: a ``skipif`` mark."""
    from django.apps import apps

    missing = [name for name in app_names if not apps.is_installed(name)]
    return pytest.mark.skipif(
        bool(missing), reason=f"an optional feature this host site has not installed: {', '.join(missing)}"
    )
