"""Debian's chromium under Playwright, and the screenshots every browser test leaves in build/screenshots/."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, expect

ROOT = Path(__file__).resolve().parent.parent.parent
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")  # Debian's, installed by .ci/run; never a downloaded browser
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
ADMIN_TOKEN = "tok-admin-0123456789abcdef0123456789abc"  # the admin of conftest's ``server``
PHONE = {"width": 390, "height": 844}


def photograph(page: Page, name: str) -> None:
    """A full-page screenshot at desktop and at phone width; on the phone nothing may overflow sideways."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=SCREENSHOTS / f"{name}-1280.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")  # laid out
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    page.screenshot(path=SCREENSHOTS / f"{name}-390.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    assert overflow <= 0, f"{name} is {overflow} px wider than a phone"


def signed_in(browser: Browser, server, token: str = ADMIN_TOKEN, **options) -> tuple[BrowserContext, Page]:
    """A new browser (``options`` of its context: a locale, bypass_csp) signed in with ``token``, at the
    Instances page the sign-in leads to."""
    context = browser.new_context(viewport=DESKTOP, **options)
    page = context.new_page()
    page.goto(server.url + "/login")
    page.fill("#token", token)
    page.click("#login-form button[type=submit]")
    page.wait_for_url("**/instances")
    return context, page


def said_by(page: Page, error: dict) -> str:
    """How the page words a refusal the API gave (its reason in the language chosen, else its message)."""
    return page.evaluate("error => Kanta.form.said(error)", error)


def open_page(page: Page, server, path: str, token: str) -> None:
    """Open ``path``; when the browser is not signed in yet, sign in on the way (the page sends us there,
    once it has asked the API who is signed in)."""
    page.goto(server.url + path)
    # the login page too must be ready (its form taken over by its script) before a token is typed into it
    page.wait_for_function("() => document.querySelector('#main')?.dataset.ready")
    if "/login" in page.url:
        page.fill("#token", token)
        page.click("#login-form button[type=submit]")
        # the login page is ready too before it sends the tab on: wait until the tab is where it was sent
        page.wait_for_url(server.url + path)
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
