"""Accessibility checks with axe-core in a real browser.

The axe-core script comes from the axe-playwright-python wheel (no npm
install, no network at test time); the rules are the WCAG 2.0 and 2.1 A and
AA sets. The page's Content-Security-Policy is checked with them: what it
refused is reported among the violations (``maillage_core.testing.csp``).
"""

from pathlib import Path

from . import csp

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    page.evaluate(axe_script())
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return results["violations"] + csp.as_axe_violations(csp.policy_problems(page))


def describe(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = node.get("failureSummary", "").splitlines()[-1:]
            lines.append(f"    {' '.join(node['target'])}" + (f": {summary}" if summary else ""))
    return "\n".join(lines)


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, f"WCAG 2.1 A/AA or policy violations on {page.url}:\n{describe(violations)}"
