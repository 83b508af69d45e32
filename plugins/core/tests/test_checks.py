from maillage_core.checks import check_search_backend, check_settings


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
