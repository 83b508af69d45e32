"""Content-Security-Policy in a real browser: what a page's policy refused.

The test fixtures watch every ``page`` (``maillage_core.testing.fixtures``):
each document reports its ``securitypolicyviolation`` events as they happen,
and each page the site serves must carry the policy its settings define.
``axe_violations`` reports what was found with axe-core's findings, so every
page a suite checks for accessibility is checked against the policy too, at
no extra page load; whatever is left is reported when the test ends.
"""

from urllib.parse import urlsplit

HEADER = "content-security-policy"

# Runs in every document before its own scripts. The event's fields say what
# was refused and where; the sample is the start of an inline script or style.
LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.maillageCspViolation({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}` : "",
    sample: event.sample,
  });
});
"""


def configured_policy():
    """The enforced policy of the site under test (django-csp's setting), or None."""
    from django.conf import settings

    return getattr(settings, "CONTENT_SECURITY_POLICY", None)


class PolicyWatch:
    def __init__(self, page, site_url=None):
        self.page = page
        self.problems = []
        self.site_url = site_url
        self.policy = configured_policy() if site_url else None
        page.expose_binding("maillageCspViolation", self.violation)
        page.add_init_script(LISTENER)
        page.on("response", self.response)

    def violation(self, source, detail):
        detail = {key: value for key, value in detail.items() if value}
        self.problems.append(f"{source['frame'].url}: refused by {detail.pop('directive', '?')} {detail}")

    def response(self, response):
        """A page of the site that should carry the policy and does not."""
        request = response.request
        if not (self.policy and request.is_navigation_request() and response.frame == self.page.main_frame):
            return
        if not response.url.startswith(self.site_url):
            return
        if not response.headers.get("content-type", "").startswith("text/html"):
            return
        path = urlsplit(response.url).path
        if path.startswith(tuple(self.policy.get("EXCLUDE_URL_PREFIXES", ()))):
            return
        if HEADER not in response.headers:
            self.problems.append(f"{response.url}: served without a Content-Security-Policy header")

    def take(self):
        """The problems found since the last call (events already sent by the page included)."""
        try:  # a round trip to the page: the events it sent before are in
            self.page.evaluate("() => new Promise((resolve) => setTimeout(resolve))")
        except Exception:  # noqa: BLE001  (closed, or navigating: nothing more to wait for)
            pass
        problems, self.problems = self.problems, []
        return problems


_watches = {}


def watch(page, site_url=None):
    """Watch ``page``; its documents from ``site_url`` (the live server) must carry the site's policy."""
    _watches[id(page)] = PolicyWatch(page, site_url)
    return _watches[id(page)]


def unwatch(page):
    return _watches.pop(id(page), None)


def policy_problems(page):
    """What the watched ``page``'s policy refused since last asked ([] when not watched)."""
    found = _watches.get(id(page))
    return found.take() if found else []


def as_axe_violations(problems):
    """The problems in axe-core's shape, for ``describe`` and the reports built on it."""
    if not problems:
        return []
    return [{
        "id": "content-security-policy",
        "impact": "serious",
        "help": "The page keeps to the site's Content-Security-Policy",
        "nodes": [{"target": [problem], "failureSummary": ""} for problem in problems],
    }]
