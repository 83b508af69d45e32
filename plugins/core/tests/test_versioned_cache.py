"""One cache primitive for what is built from rarely changing data (the
site's menu, directory listings, the vocabulary): built once, stale for
everyone as soon as the data changes."""

import time

from django.core.cache import cache

from maillage_core import versioned_cache
from maillage_core.versioned_cache import VersionedCache

MENU = VersionedCache("maillage_test:menu")


class Builder:
    def __init__(self, *values):
        self.values, self.calls = list(values), 0

    def __call__(self):
        self.calls += 1
        return self.values.pop(0)


def test_a_value_is_built_once_then_again_after_a_change():
    build = Builder("menu 1", "menu 2")
    assert MENU.get_or_build(("menu", 1, "fr"), build, 60) == "menu 1"
    assert MENU.get_or_build(("menu", 1, "fr"), build, 60) == "menu 1"
    MENU.changed()
    assert MENU.get_or_build(("menu", 1, "fr"), build, 60) == "menu 2"
    assert build.calls == 2


def test_each_set_of_parts_has_its_own_value():
    assert MENU.get_or_build(("menu", 1, "fr"), lambda: "Accueil", 60) == "Accueil"
    assert MENU.get_or_build(("menu", 1, "en"), lambda: "Home", 60) == "Home"
    assert MENU.get(("menu", 1, "fr")) == "Accueil" and MENU.get(("menu", 2, "fr")) is None


def test_a_value_built_while_the_data_changed_is_not_passed_for_fresh():
    def build_during_a_change():
        MENU.changed()  # an officer publishes while the menu is being built
        return "menu from before"

    MENU.get_or_build(("menu",), build_during_a_change, 60)
    assert MENU.get(("menu",)) is None


def test_nothing_is_kept_for_none_and_a_lost_version_never_comes_back():
    build = Builder(None, "menu")
    assert MENU.get_or_build(("menu",), build, 60) is None
    assert MENU.get_or_build(("menu",), build, 60) == "menu" and build.calls == 2
    before = MENU.version()
    cache.delete(MENU.version_key)  # evicted
    assert MENU.version() > before and MENU.get(("menu",)) is None


def test_a_clock_that_stands_still_or_steps_back_never_brings_an_old_version_back(monkeypatch):
    """The browser tests stop the clock; a server's clock may step back."""
    first = MENU.version()
    for stopped_at in (time.time_ns(), time.time_ns() - 10**12):
        monkeypatch.setattr(versioned_cache.time, "time_ns", lambda at=stopped_at: at)
        MENU.changed()
        changed = MENU.version()
        cache.clear()  # between two tests, or evicted
        assert len({first, changed, MENU.version()}) == 3
        first = MENU.version()
