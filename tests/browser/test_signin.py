"""Signing in once per browser: every tab of the browser is signed in by an HttpOnly cookie no script reads;
signing out in one tab signs every tab out. Against the real server in Debian's chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from harness.server import RunningServer
from tests.browser.chromium import DESKTOP, open_page, photograph

TOKEN = "tok-vendor-0123456789abcdef0123456789"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(
        tmp_path_factory.mktemp("signin"), tokens=f"integrator:vendor-ajas:{TOKEN}"
    ) as running:
        yield running


def test_one_sign_in_serves_every_tab_and_no_script_sees_the_token(browser: Browser, server, page):
    open_page(page, server, "/instances", TOKEN)  # signs in on the way
    expect(page.locator("#who")).to_have_text("vendor-ajas · integrator")
    assert TOKEN not in page.evaluate("document.cookie")  # HttpOnly
    assert TOKEN not in page.evaluate("JSON.stringify({...sessionStorage, ...localStorage})")
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "kanta_session"]
    assert (cookie["httpOnly"], cookie["sameSite"]) == (True, "Strict")

    other_tab = page.context.new_page()
    other_tab.goto(server.url + "/tasks")
    expect(other_tab.locator("#main")).to_have_attribute("data-ready", "true")  # no sign-in asked
    assert "/login" not in other_tab.url
    expect(other_tab.locator("#who")).to_have_text("vendor-ajas · integrator")

    other_tab.click("#logout")
    other_tab.wait_for_url("**/login")
    page.goto(server.url + "/tasks")
    page.wait_for_url("**/login?next=%2Ftasks")  # signed out in every tab
    photograph(page, "sign-in")


def test_another_browser_is_not_signed_in(browser: Browser, server, page):
    open_page(page, server, "/instances", TOKEN)
    stranger = browser.new_context(viewport=DESKTOP)
    try:
        tab = stranger.new_page()
        tab.goto(server.url + "/instances")
        tab.wait_for_url("**/login?next=%2Finstances")
    finally:
        stranger.close()


def test_an_unknown_token_signs_nothing_in(server, page):
    page.goto(server.url + "/login")
    page.fill("#token", "x" * 40)
    page.click("#login-form button[type=submit]")
    expect(page.locator("#token-error")).to_have_text("This token is not known.")
    assert [c for c in page.context.cookies() if c["name"] == "kanta_session"] == []


def test_a_token_submitted_before_the_page_script_runs_never_enters_an_address(browser: Browser, server):
    """Without the page's script (not yet run, or switched off), the browser submits the form itself: by POST,
    so the token is in no address, history entry or access-log line, and nothing is signed in."""
    bare = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        tab = bare.new_page()
        tab.goto(server.url + "/login")
        tab.fill("#token", TOKEN)
        with tab.expect_navigation():
            tab.click("#login-form button[type=submit]")
        assert TOKEN not in tab.url
        assert [c for c in bare.cookies() if c["name"] == "kanta_session"] == []
    finally:
        bare.close()
