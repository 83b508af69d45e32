"""pytest fixtures: the real search engine, Chromium, the vocabulary and a page tree."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses to run there unless told it is safe (it is: nothing is async).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path():
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is needed for browser tests: apt-get install chromium (or set CHROMIUM_PATH).")
    return path


@pytest.fixture(scope="session")
def playwright(playwright):
    """Playwright's sync API keeps an event loop running in the test thread,
    and while it runs Django keeps that thread's database connections in
    its async (per-context) storage, apart from the thread's own: close
    them before the loop stops, or one stays open and PostgreSQL cannot
    drop the test database."""
    yield playwright
    from django.db import connections

    connections.close_all()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium, never a browser downloaded by the test tool.
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_ARGS}


def restore_migrated_rows(**kwargs):
    """Put back, after a transactional test's flush, the rows that migrations
    made and that tests take for granted: the shared vocabulary, Wagtail's
    root collection, its default locale and the page tree's root (without
    it the admin's dashboard cannot link its pages). A flush emits ``post_migrate``
    (Django recreates content types and permissions the same way), so the
    database a test finds does not depend on whether a transactional test
    ran before it on the same worker."""
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page

    from maillage_core.data.seed import ensure_vocabulary

    ensure_vocabulary()
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
    # Wagtail keeps the form pages' content types for the process: the flush
    # gave them new ids, and the submissions screens would refuse everyone.
    from django.apps import apps

    if apps.is_installed("wagtail.contrib.forms"):
        from wagtail.contrib.forms.utils import get_form_types

        get_form_types.cache_clear()


@pytest.fixture(scope="session", autouse=True)
def _flush_restores_migrated_rows():
    from django.apps import apps
    from django.db.models.signals import post_migrate

    post_migrate.connect(
        restore_migrated_rows, sender=apps.get_app_config("maillage_core"), dispatch_uid="maillage-test-flush"
    )
    yield
    post_migrate.disconnect(sender=apps.get_app_config("maillage_core"), dispatch_uid="maillage-test-flush")


@pytest.fixture(autouse=True)
def _content_security_policy(request):
    """Every browser page is held to the site's Content-Security-Policy:
    what it refused fails the test (see maillage_core.testing.csp)."""
    # Only Playwright's page: a test may name a parameter "page" (a page number).
    if "page" not in request.fixturenames or "page" in getattr(getattr(request.node, "callspec", None), "params", {}):
        yield
        return
    from . import csp

    page = request.getfixturevalue("page")
    site_url = request.getfixturevalue("live_server").url if "live_server" in request.fixturenames else None
    watch = csp.watch(page, site_url)
    yield
    csp.unwatch(page)
    problems = watch.take()
    assert not problems, "The Content-Security-Policy refused:\n" + "\n".join(problems)


@pytest.fixture(autouse=True)
def _site_language(settings):
    """Each test starts in the site's language: a request in English leaves
    English active in the thread, and code called outside a request (a
    booking, a command) would answer in it."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _closed_circuit():
    """Each test starts with the engine circuit closed."""
    from maillage_core.search import circuit

    circuit.reset()
    yield
    circuit.reset()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits, cached menus and listings never leak between tests
    (each test's database is rolled back; the cache is not)."""
    from django.core.cache import cache

    from maillage_core.page_cache import forget_seen_version

    cache.clear()
    forget_seen_version()
    yield
    cache.clear()
    forget_seen_version()


@pytest.fixture
def page_cache(settings):
    """The site's page cache on, keeping pages as soon as they are drawn
    (tests refresh the engine themselves). Only where the host site runs
    ``maillage_core.page_cache.middleware.PageCacheMiddleware``."""
    settings.MAILLAGE_PAGE_CACHE_SECONDS = 300
    settings.MAILLAGE_PAGE_CACHE_SETTLE_SECONDS = 0
    # Another process's change (a test's subprocess) seen on the next request.
    settings.MAILLAGE_PAGE_CACHE_VERSION_SECONDS = 0
    return "maillage_core.page_cache.middleware.PageCacheMiddleware" in settings.MIDDLEWARE


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture
def vocabulary(db):
    """The shared vocabulary (sectors, actor types, SDGs, departments)."""
    from maillage_core.data.seed import ensure_vocabulary

    ensure_vocabulary()


@pytest.fixture
def root_page(db):
    """The default site's home page, under which a test builds its pages."""
    from .tree import ensure_site_tree

    return ensure_site_tree()


def engine_backend():
    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    if getattr(backend, "supports_visibility", False):
        return backend
    message = "needs the search engine: set SEARCH_URL (make test starts one)"
    if os.environ.get("MAILLAGE_REQUIRE_ENGINE") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def _engine_schema():
    from maillage_core.search.testing import Engine

    backend = engine_backend()
    engine = Engine(backend)
    engine.build_schema()
    yield engine
    engine.drop()


@pytest.fixture
def search_engine(_engine_schema):
    """The real engine, empty, with the project's index settings."""
    _engine_schema.clear()
    return _engine_schema


def pytest_terminal_summary(terminalreporter):
    """Say how much the public-form fuzz covered (see ``maillage_core.testing.fuzz``)."""
    from .fuzz import COVERAGE

    if COVERAGE.requests:
        terminalreporter.write_sep("-", COVERAGE.summary())


def pytest_sessionfinish(session):
    # An xdist worker hands its share of the fuzz coverage to the controller.
    if hasattr(session.config, "workeroutput"):
        from .fuzz import COVERAGE

        session.config.workeroutput["maillage_fuzz"] = COVERAGE.as_dict()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    from .fuzz import COVERAGE

    COVERAGE.add(getattr(node, "workeroutput", {}).get("maillage_fuzz"))


def pytest_report_header(config):
    """Say which database and engine the run uses: CI runs the suite twice."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    search = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    return [
        f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''}".rstrip(),
        f"search: {search.get('BACKEND', '?')} {' '.join(search.get('URLS', []))}".rstrip(),
    ]



_current_test = {"id": "session"}


def _name_the_connection(sender, connection, **kwargs):
    """Each PostgreSQL connection says which test and thread opened it, so
    one left open names its culprit in pg_stat_activity."""
    if connection.vendor == "postgresql":
        import threading

        label = f"{_current_test['id'][-50:]} in {threading.current_thread().name}"[-63:]
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('application_name', %s, false)", [label])


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    if fixturedef.scope != "function":
        _current_test["id"] = f"{fixturedef.argname} ({fixturedef.scope}) for {request.node.nodeid}"
    return (yield)


# The first test of each process (each xdist worker) builds the test
# database: its migrations took 80-126 s in CI and more than pytest-timeout's
# 300 s on a loaded machine, which errored every test of the session. That
# test alone gets this long; the others keep the configured timeout.
DATABASE_SETUP_TIMEOUT = 900
_database_built = {"done": False}


def _configured_timeout(config):
    """pytest-timeout's limit for this run in seconds; 0 when it is off or
    not installed (a host site's test run need not have it)."""
    if not config.pluginmanager.hasplugin("timeout"):
        return 0
    try:
        return float(config.getoption("timeout", None) or config.getini("timeout") or 0)
    except (TypeError, ValueError):
        return 0


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    if not _database_built["done"]:
        _database_built["done"] = True
        configured = _configured_timeout(item.config)
        # Timeouts switched off stay off; a test's own marker is its own.
        if configured > 0 and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(max(configured, DATABASE_SETUP_TIMEOUT)))
    return (yield)


@pytest.fixture(autouse=True)
def _test_id(request):
    _current_test["id"] = request.node.nodeid
    yield
    _current_test["id"] = "between tests"


@pytest.fixture(scope="session", autouse=True)
def _no_session_left_open(django_db_setup, django_db_blocker):
    """On PostgreSQL, a connection other than the suite's own still open on
    the test database when the suite ends fails the run, named after the
    test and thread that opened it: Django cannot drop the database behind it."""
    from django.db.backends.signals import connection_created

    connection_created.connect(_name_the_connection, dispatch_uid="maillage-test-connection-name")
    yield
    connection_created.disconnect(dispatch_uid="maillage-test-connection-name")
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT application_name, state, backend_start, left(query, 200) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        others = cursor.fetchall()
    assert not others, f"connections left open on the test database at the end of the suite: {others}"
