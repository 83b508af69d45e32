"""System checks that tell a host site what is misconfigured, with a hint."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

ENGINE_MARKERS = ("opensearch", "elasticsearch")


@register(Tags.compatibility)
def check_search_backend(app_configs, **kwargs):
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}) or {}
    backend = (backends.get("default") or {}).get("BACKEND", "")
    if any(marker in backend for marker in ENGINE_MARKERS) and not backend.startswith("maillage_core."):
        return [
            Warning(
                f"The default search backend {backend!r} lacks Maillage's French analysis, "
                "visibility field and outage handling.",
                hint="Use maillage_core.search.backends.opensearch2 or .elasticsearch8, "
                "or build the setting with maillage_core.search.config.search_backends(SEARCH_URL).",
                id="maillage_core.W001",
            )
        ]
    return []


@register()
def check_settings(app_configs, **kwargs):
    errors = []
    cooldown = getattr(settings, "MAILLAGE_SEARCH_CIRCUIT_COOLDOWN", 30)
    if not isinstance(cooldown, (int, float)) or cooldown < 0:
        errors.append(
            Error(
                "MAILLAGE_SEARCH_CIRCUIT_COOLDOWN must be a number of seconds, 0 or more.",
                hint="Remove it to keep the default of 30 seconds.",
                id="maillage_core.E001",
            )
        )
    limit = getattr(settings, "MAILLAGE_FORM_RATE_LIMIT", 10)
    if not isinstance(limit, int) or limit < 0:
        errors.append(
            Error(
                "MAILLAGE_FORM_RATE_LIMIT must be a whole number of submissions per hour (0 disables it).",
                hint="Remove it to keep the default of 10.",
                id="maillage_core.E002",
            )
        )
    hops = getattr(settings, "MAILLAGE_TRUSTED_PROXY_HOPS", 0)
    if isinstance(hops, bool) or not isinstance(hops, int) or hops < 0:
        errors.append(
            Error(
                "MAILLAGE_TRUSTED_PROXY_HOPS must be a whole number: the reverse proxies in front of the site "
                "that add to X-Forwarded-For (0: none).",
                hint="Count the proxies (one nginx: 1); remove the setting when visitors reach the site directly.",
                id="maillage_core.E003",
            )
        )
    return errors


CLIENT_ADDRESS = "maillage_core.antispam.client_address"


@register(Tags.security)
def check_login_throttling(app_configs, **kwargs):
    """Every sign-in form is throttled by one policy (maillage_core.logins)."""
    warnings = []
    if hasattr(settings, "MAILLAGE_TRUST_X_FORWARDED_FOR"):
        warnings.append(
            Warning(
                "MAILLAGE_TRUST_X_FORWARDED_FOR is no longer read: it trusted an address any visitor can write.",
                hint="Set MAILLAGE_TRUSTED_PROXY_HOPS to the number of reverse proxies in front of the site.",
                id="maillage_core.W003",
            )
        )
    throttled = "axes" in settings.INSTALLED_APPS and any(
        backend.startswith("axes.backends.") for backend in settings.AUTHENTICATION_BACKENDS
    )
    if not throttled:
        warnings.append(
            Warning(
                "Sign-in forms are not throttled: django-axes is not installed, or not among the "
                "authentication backends.",
                hint="Add the login throttling settings listed in maillage-core's README (INSTALLED_APPS, "
                "MIDDLEWARE, AUTHENTICATION_BACKENDS, AXES_*).",
                id="maillage_core.W002",
            )
        )
    elif getattr(settings, "AXES_CLIENT_IP_CALLABLE", None) != CLIENT_ADDRESS:
        warnings.append(
            Warning(
                "The sign-in lockout and the form rate limits see different client addresses.",
                hint=f'Set AXES_CLIENT_IP_CALLABLE = "{CLIENT_ADDRESS}".',
                id="maillage_core.W004",
            )
        )
    return warnings
PROBE = "maillage-check.pdf"


@register(Tags.security, Tags.urls)
def check_document_serving(app_configs, **kwargs):
    """Private documents (a collection's privacy, a group's members-only
    documents) stay private only if every download goes through Wagtail's
    document view, which asks who is downloading. Two things bypass it and
    can be seen from here:

    - Wagtail linking or redirecting to the storage's own address: the
      setting WAGTAILDOCS_SERVE_METHOD = "direct" or "redirect", or no
      setting with a storage that has URLs but no local files (Wagtail then
      redirects, as for most cloud storages);
    - a route of this site that serves MEDIA_URL with Django's static file
      view (``django.conf.urls.static.static``), which serves the documents
      folder too.

    A production web server serving MEDIA_ROOT cannot be seen from here;
    the README shows how it refuses the documents folder."""
    warnings = []
    method, storage_url_only = document_serve_method()
    if method in ("direct", "redirect"):
        cause = (
            f"WAGTAILDOCS_SERVE_METHOD = {method!r}"
            if not storage_url_only
            else "The documents' storage has no local files, so Wagtail redirects each download to the storage"
        )
        warnings.append(
            Warning(
                f"{cause}: documents are downloaded from the storage's own address, outside Wagtail's document "
                "view; a private collection or a members-only document is open to anyone who has that address.",
                hint="Set WAGTAILDOCS_SERVE_METHOD = 'serve_view'. If the storage's addresses are signed and "
                "expire, add 'maillage_core.W005' to SILENCED_SYSTEM_CHECKS.",
                id="maillage_core.W005",
            )
        )
    route = media_route_serving_documents()
    if route:
        warnings.append(
            Warning(
                f"{route} is served by django.views.static.serve: documents, private ones included, can be "
                "downloaded below MEDIA_URL without Wagtail's check.",
                hint="Serve media with maillage_core.media.serve_media (it refuses the documents folders) "
                "instead of django.conf.urls.static.static().",
                id="maillage_core.W006",
            )
        )
    return warnings


def document_serve_method():
    """(Wagtail's serve method for documents, whether it comes from a storage
    without local files), as wagtail.documents.views.serve decides it."""
    method = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None)
    if method is not None:
        return method, False
    from wagtail.documents import get_document_model

    storage = get_document_model()._meta.get_field("file").storage
    try:
        storage.path(PROBE)
    except NotImplementedError:
        try:
            storage.url(PROBE)
        except NotImplementedError:
            return "serve_view", False
        return "redirect", True
    return "serve_view", False


# Spellings of a document's media address that reach the same file: a
# route that refuses only the first one still serves the others.
PROBE_SPELLINGS = ("{media}/{folder}/{probe}", "{media}//{folder}/{probe}", "{media}/./{folder}/{probe}")


def media_route_serving_documents():
    """An address of a document file below MEDIA_URL that this site's URLs
    hand to Django's static file view, else None."""
    from django.urls import Resolver404, resolve
    from django.views.static import serve

    from .media import document_folders

    media_url = str(getattr(settings, "MEDIA_URL", "") or "")
    if not media_url.startswith("/") or media_url.startswith("//"):
        return None  # another host serves media: not this site's routes
    for folder in document_folders():
        for spelling in PROBE_SPELLINGS:
            address = spelling.format(media=media_url.rstrip("/"), folder=folder, probe=PROBE)
            try:
                match = resolve(address)
            except Resolver404:
                continue
            if match.func is serve:
                return address
    return None


def missing_apps(plugin, required, error_id):
    """Errors naming each app of ``required`` that INSTALLED_APPS lacks: a
    plugin's system check calls this with its own list, since a missing
    contrib app shows only later, as a server error on some pages."""
    from django.apps import apps

    return [
        Error(
            f"{plugin} needs {app!r} in INSTALLED_APPS.",
            hint=f"Add {app!r} to INSTALLED_APPS: {plugin}'s README lists every line a host site adds.",
            id=error_id,
        )
        for app in required
        if not apps.is_installed(app)
    ]


def unknown_task_backend(setting, alias, error_id):
    """The error of a setting naming a TASKS alias that does not exist
    (background work would fail only when first queued), else none."""
    if alias in (getattr(settings, "TASKS", None) or {"default": {}}):
        return []
    return [Error(
        f"{setting} names {alias!r}, which TASKS does not define.",
        hint="Name one of the TASKS aliases, e.g. a django_tasks_db.DatabaseBackend run by "
        "`manage.py db_worker --backend <alias>`.", id=error_id,
    )]


REQUIRED_APPS = ("wagtail.admin", "wagtail.snippets", "wagtail.images", "django.contrib.messages")


@register()
def check_required_apps(app_configs, **kwargs):
    return missing_apps("maillage_core", REQUIRED_APPS, "maillage_core.E004")


# What plugin pages lose when the base template they extend renders no
# block of that name (see maillage_core/base.html, the host contract).
PLUGIN_BLOCKS = {
    "maillage_content": "their content",
    "meta": "their SEO meta and JSON-LD",
    "extra_head": "their stylesheets",
    "breadcrumbs": "their breadcrumbs",
}
BASE_TEMPLATE = "maillage_core/base.html"
BRIDGE_HINT = (
    "maillage_core/base.html extends your base.html and fills the blocks a `wagtail start` base.html declares "
    "(title, extra_css, body_class, content, extra_js). Keep those blocks in your base.html, or override "
    "maillage_core/base.html in your templates as maillage-core's README shows."
)


@register(Tags.templates)
def check_base_template(app_configs, **kwargs):
    """Plugin pages extend maillage_core/base.html, which extends the host's
    base.html: name what they would lose if that chain does not hold."""
    from django.core.exceptions import ImproperlyConfigured
    from django.template import Engine, TemplateDoesNotExist, TemplateSyntaxError

    try:
        engine = Engine.get_default()
    except ImproperlyConfigured:  # no Django template engine: nothing to tell from here
        return []
    try:
        blocks = rendered_blocks(engine, BASE_TEMPLATE)
    except (TemplateDoesNotExist, TemplateSyntaxError) as error:
        return [
            Error(
                f"Plugin pages cannot be rendered: {BASE_TEMPLATE} needs a template that is missing or broken "
                f"({error}).",
                hint=BRIDGE_HINT,
                id="maillage_core.E005",
            )
        ]
    if blocks is None:
        return []  # a template extends a variable: only rendering can tell
    lost = [what for block, what in PLUGIN_BLOCKS.items() if block not in blocks]
    if not lost:
        return []
    names = ", ".join(block for block in PLUGIN_BLOCKS if block not in blocks)
    return [
        Error(
            f"Plugin pages lose {', '.join(lost)}: the templates {BASE_TEMPLATE} extends render no block {names}.",
            hint=BRIDGE_HINT,
            id="maillage_core.E006",
        )
    ]


def rendered_blocks(engine, name):
    """The names of the blocks that rendering ``name`` reaches through its
    chain of ``{% extends %}``, or None when a parent's name is a variable."""
    from django.template.loader_tags import BlockNode, ExtendsNode

    template, origin = engine.find_template(name)
    chain, history = [template], [origin]
    while extends := template.nodelist.get_nodes_by_type(ExtendsNode):
        parent = extends[0].parent_name
        if not isinstance(parent.var, str) or parent.filters:
            return None
        template, origin = engine.find_template(parent.var, skip=history)
        chain.append(template)
        history.append(origin)
    definitions = {}
    for each in chain:
        for block in each.nodelist.get_nodes_by_type(BlockNode):
            definitions.setdefault(block.name, []).append(block)
    reached, waiting = set(), list(outer_blocks(chain[-1].nodelist, BlockNode))
    while waiting:
        block = waiting.pop()
        if block.name in reached:
            continue
        reached.add(block.name)
        for definition in definitions[block.name]:  # every definition: any may be reached through block.super
            waiting.extend(outer_blocks(definition.nodelist, BlockNode))
    return reached


def outer_blocks(nodelist, block_class):
    """The blocks of ``nodelist`` not nested in another block."""
    for node in nodelist:
        if isinstance(node, block_class):
            yield node
            continue
        for attribute in node.child_nodelists:
            yield from outer_blocks(getattr(node, attribute, None) or [], block_class)


@register()
def check_plugins_come_first(app_configs, **kwargs):
    """Django looks up a translation in the installed apps in their order:
    a Maillage app listed after Wagtail's gets Wagtail's French for every
    word they share ("Email" becomes "E-mail", "Cancelled" "Annulé"), and
    its template overrides lose too."""
    from django.conf import settings

    return [
        Warning(
            f"{name} comes after Wagtail's apps in INSTALLED_APPS: Wagtail's translations and templates win over its own.",
            hint="List the Maillage apps first: INSTALLED_APPS = [\"maillage_...\", \"maillage_core\", *INSTALLED_APPS]",
            id="maillage_core.W007",
        )
        for name in listed_after_wagtail(settings.INSTALLED_APPS)
    ]


def listed_after_wagtail(installed):
    names = list(installed)
    wagtail = [index for index, name in enumerate(names) if name == "wagtail" or name.startswith("wagtail.")]
    if not wagtail:
        return []
    return [name for index, name in enumerate(names) if name.startswith("maillage_") and index > min(wagtail)]


@register()
def check_identity_can_be_edited(app_configs, **kwargs):
    """The identity (logo, colours, font) is edited in Settings › Identity,
    a page of Wagtail's settings app."""
    from django.conf import settings

    if "wagtail.contrib.settings" in settings.INSTALLED_APPS:
        return []
    return [
        Warning(
            "The network's identity (logo, colours, font) cannot be edited: wagtail.contrib.settings is not installed.",
            hint='Add "wagtail.contrib.settings" to INSTALLED_APPS for Settings › Identity in the admin.',
            id="maillage_core.W008",
        )
    ]
