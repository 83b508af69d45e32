"""The browser fixtures see what a page's Content-Security-Policy refuses
(maillage_core.testing.csp): pages served by Playwright itself, no server."""

import pytest

from maillage_core.testing.axe import axe_violations
from maillage_core.testing.csp import policy_problems

pytestmark = pytest.mark.browser

URL = "http://maillage.test/page/"
POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"


def serve(page, body, policy=POLICY):
    headers = {"Content-Security-Policy": policy} if policy else {}
    page.route(URL, lambda route: route.fulfill(status=200, content_type="text/html", headers=headers,
                                                body=f'<!DOCTYPE html><html lang="fr"><title>Essai</title>{body}'))
    page.goto(URL)


def test_inline_scripts_handlers_and_style_attributes_are_reported(page):
    serve(page, '<main><h1 style="color: red">Essai</h1><button onclick="document.title = \'clic\'">Ok</button>'
                "<script>document.title = 'exécuté'</script></main>")
    page.get_by_role("button").click()
    problems = policy_problems(page)
    assert page.title() == "Essai"  # nothing inline ran
    assert len(problems) == 3, problems
    assert sum("refused by script-src-elem" in problem for problem in problems) == 1
    assert sum("refused by script-src-attr" in problem for problem in problems) == 1
    assert sum("refused by style-src-attr" in problem for problem in problems) == 1
    assert policy_problems(page) == []  # each problem is reported once


def test_axe_checks_report_them_too(page):
    serve(page, '<main><h1 style="color: red">Essai</h1></main>')
    assert [violation["id"] for violation in axe_violations(page)] == ["content-security-policy"]


def test_a_json_ld_data_block_needs_no_nonce(page):
    # A data block is never executed, so script-src does not apply to it: the
    # structured data of the site's pages stays without a nonce.
    serve(page, '<script type="application/ld+json">{"@type": "Organization", "name": "Réseau"}</script>'
                "<main><h1>Essai</h1></main>")
    assert policy_problems(page) == []


def test_a_page_without_a_policy_reports_nothing(page):
    serve(page, '<main><h1 style="color: red">Essai</h1></main>', policy=None)
    assert policy_problems(page) == []
