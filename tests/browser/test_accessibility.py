"""Every page of the cockpit checked by axe-core (npm, node_modules/axe-core) at 1280 px and at a phone's 390
px: no serious or critical violation. And every step of a diagram is reached with the Tab key, named for a
screen reader, and read with Enter."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.chromium import DESKTOP, PHONE, ROOT, signed_in

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SERVICE = {"clock": "adjustable@2026-01-05T09:00:00+02:00"}  # the clock bar shows on every page
STARTED = "kela_application"


@pytest.fixture
def axe_page(browser: Browser, server):
    """A tab signed in, where axe-core may be injected (the app's CSP refuses any script not its own)."""
    assert AXE.exists(), f"{AXE} is missing: npm ci installs axe-core"
    context, page = signed_in(browser, server, bypass_csp=True)
    yield page
    context.close()


def serious_violations(page: Page) -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=Path(AXE).read_text())
    found = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`))"
    )
    return found


PAGES = [
    "/login",
    "/processes",
    "/processes/kela_application",
    "/processes/kela_application/oversight",
    "/instances",
    "/instances/start",
    "/instances/{instance_id}",
    "/tasks",
    "/tasks/{task_id}",
]


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_or_critical_violation_at_desktop_and_phone_width(
    server, axe_page, instance, path
):
    address = path.format(instance_id=instance["id"], task_id=instance["ready_tasks"][0]["id"])
    axe_page.goto(server.url + address)
    if path != "/login":
        expect(axe_page.locator("#main")).to_have_attribute("data-ready", "true")
    found = {}
    for size in (DESKTOP, PHONE):
        axe_page.set_viewport_size(size)
        axe_page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        found[size["width"]] = serious_violations(axe_page)
    assert found == {1280: [], 390: []}, found


def test_every_step_of_a_diagram_is_reached_with_tab_named_and_read_with_enter(server, axe_page, instance):
    axe_page.goto(f"{server.url}/instances/{instance['id']}")
    expect(axe_page.locator("#main")).to_have_attribute("data-ready", "true")
    steps = axe_page.locator("#diagram .djs-element[tabindex='0']")
    drawn = axe_page.evaluate(
        "[...document.querySelectorAll('#diagram .djs-shape')].map(g => g.dataset.elementId)"
        ".filter(id => !/^(Participant|Lane)|_label$/.test(id))"
    )
    assert sorted(axe_page.evaluate("[...document.querySelectorAll(\"#diagram .djs-element[tabindex='0']\")]"
                                    ".map(g => g.dataset.elementId)")) == sorted(drawn)  # fmt: skip
    expect(steps).not_to_have_count(0)

    # From the top of the page, the Tab key reaches the diagram's steps
    axe_page.locator("body").focus()
    for _ in range(80):
        axe_page.keyboard.press("Tab")
        if axe_page.evaluate("document.activeElement.classList.contains('djs-element')"):
            break
    focused = axe_page.evaluate("document.activeElement.dataset.elementId")
    assert focused, "Tab never reached a step of the diagram"
    label = axe_page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label and ":" in label  # its kind and its name
    axe_page.keyboard.press("Enter")
    expect(axe_page.locator("#element-doc")).to_have_attribute("data-element", focused)

    waiting = axe_page.locator('#diagram .djs-element[data-element-id="Task_send_application"]')
    waiting.focus()
    expect(waiting).to_have_attribute("aria-label", "User task: Send the application: waiting now")
