"""Test helpers shared by the site and every plugin's own suite.

Load the fixtures with ``pytest_plugins = ["maillage_core.testing.fixtures"]``
in a ``conftest.py``. Needs the ``testing`` extra (pytest, pytest-django,
pytest-playwright, axe-playwright-python).
"""
