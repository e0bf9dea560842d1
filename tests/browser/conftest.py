"""One headless chromium per browser test module, and a page on the module's ``server`` that fails the test
on any script error or any request that leaves the app (no CDN).

A module that needs no tokens of its own gets ``server``, the real service with the admin token
``ADMIN_TOKEN`` (and the module's ``SERVICE`` options for ``RunningServer``: another catalogue, a clock), and
``instance``, an onboarding of the module's ``STARTED`` process the admin started; a module with tokens of its
own defines its own ``server``."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from harness.server import RunningServer
from tests.browser.chromium import ADMIN_TOKEN, CHROMIUM, CHROMIUM_ARGS, DESKTOP

# Small, busy machines: give a page time to settle before a check gives up (a met check passes at once).
expect.set_options(timeout=20_000)


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: .ci/run installs Debian's chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server(request, tmp_path_factory):
    options = getattr(request.module, "SERVICE", {})
    data = tmp_path_factory.mktemp(request.module.__name__.rpartition(".")[2])
    with RunningServer(data, tokens=f"admin:coordinator:{ADMIN_TOKEN}", **options) as running:
        yield running


@pytest.fixture(scope="module")
def instance(request, server: RunningServer) -> dict:
    started = {"process_key": request.module.STARTED, "business_key": "0737546-2"}
    status, _, answer = server.call("POST", "/api/v1/process-instances", token=ADMIN_TOKEN, json_body=started)
    assert status == 201, answer
    return answer


@pytest.fixture
def page(browser: Browser, server: RunningServer):
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(30_000)
    opened = context.new_page()
    errors: list[str] = []
    elsewhere: list[str] = []

    def console(message) -> None:
        # A refused Content-Security-Policy or a failing script shows here; a 4xx answer the page expects
        # (the API refusing a form) is logged by chromium as "Failed to load resource" and is no error.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(message.text)

    def request(sent) -> None:
        if not sent.url.startswith((server.url, "data:")):
            elsewhere.append(sent.url)

    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", console)
    opened.on("request", request)
    yield opened
    context.close()
    assert errors == [], errors  # no script on any page failed
    assert elsewhere == [], elsewhere  # everything comes from the app itself: no CDN
