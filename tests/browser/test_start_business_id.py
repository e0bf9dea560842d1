"""Starting the social-care onboarding from the cockpit asks the provider's Y-tunnus once: its start form's
business_id is the onboarding's business key as well, so the page asks no business key beside it. A provider
starts its own onboarding with it, and one under another provider's Y-tunnus is refused. Against the real
server with the real catalogue in Debian's chromium; photographed into build/screenshots/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harness.server import RunningServer
from tests.browser.chromium import open_page, photograph
from tests.integration.catalogue import CATALOGUE

PROVIDER, OTHER_PROVIDER = "0737546-2", "2345678-0"
PROVIDER_TOKEN = "tok-aurinko-0123456789abcdef0123456789"
VIEWER_TOKEN = "tok-viewer-0123456789abcdef0123456789"
TOKENS = f"integrator:aurinko:{PROVIDER_TOKEN}:{PROVIDER},viewer:monitor:{VIEWER_TOKEN}"
SOCIAL_CARE = "social_welfare_repository_onboarding"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("start_business_id")
    with RunningServer(data, tokens=TOKENS, processes=CATALOGUE) as running:
        yield running


def onboardings(server: RunningServer) -> list[dict]:
    status, _, page = server.call(
        "GET", f"/api/v1/process-instances?process_key={SOCIAL_CARE}", token=VIEWER_TOKEN
    )
    assert status == 200, page
    return page["items"]


def test_the_social_care_start_asks_the_y_tunnus_once_and_it_becomes_the_business_key(server, page):
    open_page(page, server, f"/instances/start?process_key={SOCIAL_CARE}", PROVIDER_TOKEN)
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#f-process")).to_have_value(SOCIAL_CARE)
    # one Y-tunnus field, required, that says it is the business key too; no business key field beside it
    expect(page.locator("#field-business_id")).to_have_attribute("aria-required", "true")
    expect(page.locator("#field-business_key")).to_have_count(0)
    expect(page.locator("#field-business_id, #field-business_key")).to_have_count(1)
    expect(page.locator("label[for=field-business_id]")).to_contain_text("Business ID (Y-tunnus)")
    expect(page.locator("#hint-business_id")).to_contain_text("business key as well")
    photograph(page, "start-business-id")

    # Another provider's Y-tunnus: the provider may not start its onboarding, and nothing starts.
    page.fill("#field-business_id", OTHER_PROVIDER)
    page.fill("#field-organisation_name", "Toinen Oy")
    page.click("#start-button")
    expect(page.locator("#error-business_id")).to_have_text(
        f"You act for the organisation {PROVIDER}: you start only its own onboardings, "
        f"under its Y-tunnus {PROVIDER}."
    )
    expect(page.locator("#field-business_id")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#form-error")).to_be_hidden()
    assert onboardings(server) == []

    # the Y-tunnus alone is refused at the name: with it the identity is given and never asked again
    page.fill("#field-business_id", PROVIDER)
    page.fill("#field-organisation_name", "")
    page.click("#start-button")
    expect(page.locator("#error-organisation_name")).to_be_visible()
    expect(page.locator("#field-organisation_name")).to_have_attribute("aria-invalid", "true")
    assert onboardings(server) == []

    page.fill("#field-organisation_name", "Hoivakoti Aurinko Oy")
    page.click("#start-button")
    page.wait_for_url("**/instances/*-*")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#notice")).to_have_text("The onboarding of Hoivakoti Aurinko Oy started.")
    (started,) = onboardings(server)
    assert page.url.endswith(f"/instances/{started['id']}")
    assert started["business_key"] == PROVIDER
    status, _, instance = server.call("GET", f"/api/v1/process-instances/{started['id']}", token=VIEWER_TOKEN)
    assert status == 200, instance
    assert (instance["variables"]["business_id"], instance["parties"]["Palvelunantaja"]) == (
        PROVIDER,
        PROVIDER,
    )

    # Asked again for the same Y-tunnus, the page names the onboarding already running by that one answer.
    open_page(page, server, f"/instances/start?process_key={SOCIAL_CARE}", PROVIDER_TOKEN)
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    page.fill("#field-business_id", PROVIDER)
    page.fill("#field-organisation_name", "Hoivakoti Aurinko Oy")
    page.click("#start-button")
    expect(page.locator("#already-running")).to_contain_text(f"Hoivakoti Aurinko Oy ({PROVIDER}) already has")
    expect(page.locator("#already-running a.running-instance")).to_have_attribute(
        "href", f"/instances/{started['id']}"
    )
    assert len(onboardings(server)) == 1


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "fi",
            f"Toimit organisaation {PROVIDER} puolesta: aloitat vain sen omia liittymisiä, sen Y-tunnuksella",
        ),
        ("sv", f"Du agerar för organisationen {PROVIDER}: du startar endast dess egna anslutningar"),
    ],
)
def test_a_start_under_another_providers_y_tunnus_is_refused_at_the_field_in_the_language_chosen(
    server, page, language, said
):
    open_page(page, server, f"/instances/start?process_key={SOCIAL_CARE}", PROVIDER_TOKEN)
    page.select_option("#language", language)
    page.wait_for_load_state()
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#f-process")).to_have_value(SOCIAL_CARE)
    page.fill("#field-business_id", OTHER_PROVIDER)
    page.fill("#field-organisation_name", "Toinen Oy")
    page.click("#start-button")
    expect(page.locator("#error-business_id")).to_contain_text(said)
    expect(page.locator("#form-error")).to_be_hidden()
    assert [i for i in onboardings(server) if i["business_key"] == OTHER_PROVIDER] == []
