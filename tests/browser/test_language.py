"""The cockpit speaks Finnish, Swedish and English: the browser's language first (Finnish when it asks for
none of them), then the one chosen with the control in the top bar, remembered in the browser. Its pages show
the catalogue's rules, not the references to the source documents they come from."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from harness.server import RunningServer
from tests.browser.chromium import DESKTOP, ROOT, photograph

ADMIN_TOKEN = "tok-admin-0123456789abcdef0123456789abc"
TOKENS = f"admin:coordinator:{ADMIN_TOKEN}"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(
        tmp_path_factory.mktemp("language"), tokens=TOKENS, processes=ROOT / "processes"
    ) as running:
        yield running


@pytest.fixture(scope="module")
def instance(server) -> dict:
    status, _, started = server.call(
        "POST",
        "/api/v1/process-instances",
        token=ADMIN_TOKEN,
        json_body={"process_key": "patient_data_repository_onboarding", "business_key": "0737546-2"},
    )
    assert status == 201, started
    return started


def signed_in(browser: Browser, server: RunningServer, locale: str):
    context = browser.new_context(viewport=DESKTOP, locale=locale)
    page = context.new_page()
    page.goto(server.url + "/login")
    page.fill("#token", ADMIN_TOKEN)
    page.click("#login-form button[type=submit]")
    page.wait_for_url("**/instances")
    return context, page


def test_a_finnish_browser_gets_finnish_and_the_choice_of_swedish_is_remembered(browser, server, instance):
    context, page = signed_in(browser, server, "fi-FI")
    page.goto(f"{server.url}/instances/{instance['id']}")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    assert page.evaluate("document.documentElement.lang") == "fi"
    expect(page.locator(".mainnav a")).to_have_text(["Prosessit", "Liittymiset", "Tehtävät"])
    expect(page.locator(".skip-link")).to_have_text("Siirry sisältöön")
    expect(page.locator("#glance-title")).to_have_text("Odottaa")
    expect(page.locator("#waiting .wait-task .task-link")).to_have_text("Avaa tehtävä")
    expect(page.locator("#waiting .wait-task .wait-when")).to_contain_text("valmiina")
    photograph(page, "instance-fi")

    page.select_option("#language", "sv")
    page.wait_for_load_state()
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator(".mainnav a")).to_have_text(["Processer", "Anslutningar", "Uppgifter"])
    expect(page.locator("#glance-title")).to_have_text("Väntar på")

    other = context.new_page()  # another tab of the same browser remembers the choice (it signs in anew)
    other.goto(f"{server.url}/processes/patient_data_repository_onboarding/oversight")
    expect(other.locator("#language")).to_have_value("sv")
    expect(other.locator(".skip-link")).to_have_text("Hoppa till innehållet")
    assert other.evaluate("document.documentElement.lang") == "sv"
    context.close()


def test_a_browser_asking_for_none_of_the_three_gets_finnish(browser, server):
    context, page = signed_in(browser, server, "de-DE")
    expect(page.locator(".mainnav a").first).to_have_text("Prosessit")
    expect(page.locator("#language")).to_have_value("fi")
    page.goto(f"{server.url}/processes/patient_data_repository_onboarding")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator(".diagram-section h2")).to_have_text("Kaavio")
    expect(page.locator("#facts dt").first).to_have_text("Prosessin avain")
    expect(page.locator("#versions th").first).to_have_text("Versio")
    photograph(page, "process-fi")
    context.close()


def test_no_reference_to_the_source_documents_is_shown(browser, server):
    context, page = signed_in(browser, server, "en-US")
    page.goto(f"{server.url}/processes/patient_data_repository_onboarding")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#summary")).to_contain_text("Contact the system vendor")
    page.locator('.djs-element[data-element-id="Task_contact_vendor"]').click()
    expect(page.locator("#element-doc")).to_contain_text("contacts its system vendor")
    shown = page.locator("#main").inner_text()
    assert not re.search(r"\bseeds?\b|Source:", shown, re.IGNORECASE), shown
    context.close()
