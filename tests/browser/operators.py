"""What the operators' browser tests share: axe-core run on the page as it stands (forms opened), at
desktop and at phone width."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.chromium import DESKTOP, PHONE, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page: Page) -> dict[int, list[str]]:
    """axe-core's serious and critical violations at 1280 and 390 px. The script is evaluated through the
    browser's debugging protocol, which the app's Content-Security-Policy does not govern."""
    assert AXE.exists(), f"{AXE} is missing: npm ci installs axe-core"
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text() + "\n;true")
    found = {}
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        found[size["width"]] = page.evaluate(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
            ".filter(v => ['serious', 'critical'].includes(v.impact))"
            ".map(v => `${v.id} (${v.impact}): ${v.help} — `"
            "+ v.nodes.map(n => n.target.join(' ')).join(', ')))"
        )
    page.set_viewport_size(DESKTOP)
    return found
