import pytest

from maillage_core.checks import check_document_serving, check_login_throttling, check_search_backend, check_settings
from maillage_core.testing.host import needs_apps

FILE_SYSTEM = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
PUBLIC_BUCKET = {"default": {"BACKEND": "core_testsite.storages.PublicBucketStorage"}}


def test_stock_engine_backend_is_reported(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.opensearch2"}}
    assert [error.id for error in check_search_backend(None)] == ["maillage_core.W001"]


def test_maillage_and_database_backends_pass(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "maillage_core.search.backends.opensearch2"}}
    assert check_search_backend(None) == []
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    assert check_search_backend(None) == []


def test_bad_settings_are_errors_with_hints(settings):
    settings.MAILLAGE_SEARCH_CIRCUIT_COOLDOWN = "soon"
    settings.MAILLAGE_FORM_RATE_LIMIT = -1
    errors = check_settings(None)
    assert [error.id for error in errors] == ["maillage_core.E001", "maillage_core.E002"]
    assert all(error.hint for error in errors)


@pytest.mark.parametrize("hops", [-1, "1", 1.5, True])
def test_trusted_proxy_hops_must_be_a_whole_number(settings, hops):
    settings.MAILLAGE_TRUSTED_PROXY_HOPS = hops
    errors = check_settings(None)
    assert [error.id for error in errors] == ["maillage_core.E003"] and errors[0].hint


@needs_apps("axes")
def test_the_shipped_login_policy_passes_its_checks():
    assert check_login_throttling(None) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"MAILLAGE_TRUST_X_FORWARDED_FOR": True}, ["maillage_core.W003"]),  # the old, spoofable setting
        (  # no throttling at all
            {"AUTHENTICATION_BACKENDS": ["django.contrib.auth.backends.ModelBackend"]},
            ["maillage_core.W002"],
        ),
        ({"AXES_CLIENT_IP_CALLABLE": None}, ["maillage_core.W004"]),  # axes's own idea of the client
    ],
)
@needs_apps("axes")
def test_login_throttling_misconfigurations_are_reported(settings, change, expected):
    for name, value in change.items():
        setattr(settings, name, value)
    warnings = check_login_throttling(None)
    assert [warning.id for warning in warnings] == expected and all(warning.hint for warning in warnings)


@pytest.mark.parametrize(
    ("serve_method", "storages", "urlconf", "expected"),
    [
        # Wagtail's view serves every download: nothing to say.
        (None, FILE_SYSTEM, "core_testsite.urls", []),
        ("serve_view", PUBLIC_BUCKET, "core_testsite.urls", []),
        (None, FILE_SYSTEM, "core_testsite.media_routes.checked", []),
        # Downloads from the storage's own address.
        ("direct", FILE_SYSTEM, "core_testsite.urls", ["maillage_core.W005"]),
        ("redirect", FILE_SYSTEM, "core_testsite.urls", ["maillage_core.W005"]),
        (None, PUBLIC_BUCKET, "core_testsite.urls", ["maillage_core.W005"]),
        # MEDIA_URL served with Django's static view, documents folder included.
        (None, FILE_SYSTEM, "core_testsite.media_routes.static", ["maillage_core.W006"]),
        (None, FILE_SYSTEM, "core_testsite.media_routes.prefix_refused", ["maillage_core.W006"]),
        ("direct", FILE_SYSTEM, "core_testsite.media_routes.static", ["maillage_core.W005", "maillage_core.W006"]),
    ],
)
def test_documents_served_outside_wagtails_checked_view_are_reported(settings, serve_method, storages, urlconf,
                                                                     expected):
    if serve_method is None:
        del settings.WAGTAILDOCS_SERVE_METHOD
    else:
        settings.WAGTAILDOCS_SERVE_METHOD = serve_method
    settings.STORAGES = {**settings.STORAGES, **storages}
    settings.MEDIA_URL, settings.ROOT_URLCONF = "/media/", urlconf
    warnings = check_document_serving(None)
    assert [warning.id for warning in warnings] == expected
    assert all(warning.hint for warning in warnings)


def test_a_plugin_needing_an_app_the_site_lacks_gets_an_error_naming_it():
    from maillage_core.checks import check_required_apps, missing_apps

    errors = missing_apps("maillage_things", ["wagtail.admin", "wagtail.contrib.routable_pages"], "maillage_things.E001")
    assert [(error.id, error.msg) for error in errors] == [
        ("maillage_things.E001", "maillage_things needs 'wagtail.contrib.routable_pages' in INSTALLED_APPS.")
    ]
    assert "README" in errors[0].hint
    assert check_required_apps(None) == []


@pytest.mark.parametrize(
    "installed, late",
    [
        (["maillage_core", "maillage_training", "wagtail.admin", "wagtail"], []),
        (["wagtail.admin", "wagtail", "maillage_training", "maillage_core"], ["maillage_training", "maillage_core"]),
        (["maillage_core", "wagtail", "maillage_youth"], ["maillage_youth"]),
    ],
)
def test_maillage_apps_listed_after_wagtails_are_reported(installed, late):
    from maillage_core.checks import listed_after_wagtail

    assert listed_after_wagtail(installed) == late


def test_the_test_projects_order_passes():
    from maillage_core.checks import check_plugins_come_first

    assert check_plugins_come_first(None) == []
