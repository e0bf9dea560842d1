"""In a real browser under the app's Content-Security-Policy: Swagger UI at /docs works, and the login page
sends the person on only to a path of this site (the page fixture fails on any CSP violation or script
error, and on any request leaving the app)."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from harness.server import RunningServer

ADMIN_TOKEN = "tok-browser-admin-0123456789abcdef0123456789"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(
        tmp_path_factory.mktemp("browser-security"), tokens=f"admin:root:{ADMIN_TOKEN}"
    ) as running:
        yield running


def test_swagger_ui_lists_the_operations_and_tries_one_out_under_the_policy(page, server):
    page.goto(server.url + "/docs")

    expect(page.locator(".opblock-summary-path", has_text="/api/v1/process-instances").first).to_be_visible()
    page.locator(".auth-wrapper button.authorize").click()
    page.locator(".dialog-ux .auth-container input").fill(ADMIN_TOKEN)
    page.locator(".dialog-ux .auth-btn-wrapper button.authorize").click()
    page.locator(".dialog-ux button.btn-done").click()
    me = page.locator("#operations-me-get_api_v1_me")
    me.locator(".opblock-summary").click()
    me.get_by_role("button", name="Try it out").click()
    me.get_by_role("button", name="Execute").click()
    expect(me.locator(".live-responses-table tbody .response-col_status").first).to_have_text("200")


@pytest.mark.parametrize(
    "next_address",
    [
        "/\\evil.example/",  # a browser reads the backslash as a slash: //evil.example/
        "//evil.example/",
        "/\t/evil.example/",  # a browser drops the tab
        "https://evil.example/",
        "javascript:alert(1)",
    ],
)
def test_the_login_page_never_sends_the_person_to_another_site(page, server, next_address):
    # Nothing is fetched from the other site (the page fixture also fails the test on any request to it).
    page.route(lambda url: urlsplit(url).hostname == "evil.example", lambda route: route.abort())
    page.goto(server.url + "/login?next=" + _quoted(next_address))
    page.fill("#token", ADMIN_TOKEN)
    page.click("#login-form button[type=submit]")

    page.wait_for_url(server.url + "/instances")  # home: / redirects to the instances
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")


def test_the_login_page_sends_the_person_back_to_the_page_of_this_site_they_came_from(page, server):
    page.goto(server.url + "/login?next=" + _quoted("/tasks?business_key=0737546-2#list"))
    page.fill("#token", ADMIN_TOKEN)
    page.click("#login-form button[type=submit]")

    page.wait_for_url(server.url + "/tasks?business_key=0737546-2#list")


def _quoted(text: str) -> str:
    return quote(text, safe="")
