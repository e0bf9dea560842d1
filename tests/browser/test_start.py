"""Starting an onboarding from the cockpit: the Instances page's start button, the start form of a process,
its refusals at their fields, a business key that already has a running onboarding, and one start per click.
Against the real server in Debian's chromium; photographed at 1280 and 390 px into build/screenshots/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harness.server import RunningServer
from tests.browser.chromium import open_page, photograph, said_by

INTEGRATOR_TOKEN = "tok-vendor-0123456789abcdef0123456789"
VIEWER_TOKEN = "tok-viewer-0123456789abcdef0123456789"
TOKENS = f"integrator:vendor-ajas:{INTEGRATOR_TOKEN},viewer:monitor:{VIEWER_TOKEN}"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(tmp_path_factory.mktemp("start"), tokens=TOKENS) as running:
        yield running


def instances_of(server: RunningServer, business_key: str) -> list[dict]:
    status, _, page = server.call(
        "GET", f"/api/v1/process-instances?business_key={business_key}", token=VIEWER_TOKEN
    )
    assert status == 200, page
    return page["items"]


def refusal(page, server: RunningServer, data: dict) -> dict[str, str]:
    """What the API says of ``data`` as simple_onboarding's start form, by field, as ``page`` words it."""
    status, _, problem = server.call(
        "POST",
        "/api/v1/process-definitions/simple_onboarding/start",
        token=INTEGRATOR_TOKEN,
        json_body={"data": data},
    )
    assert status == 422, problem
    return {error["field"].removeprefix("/data/"): said_by(page, error) for error in problem["errors"]}


def starts(page) -> list[str]:
    """Every start the page sends to the API, recorded as they go."""
    sent: list[str] = []

    def record(request) -> None:
        if request.method == "POST" and "/api/v1/" in request.url and request.url.endswith("/start"):
            sent.append(request.method)

    page.on("request", record)
    return sent


def test_an_integrator_starts_an_onboarding_from_the_instances_page_and_a_refusal_shows_at_its_field(
    server, page
):
    sent = starts(page)
    open_page(page, server, "/instances", INTEGRATOR_TOKEN)
    page.click("#start-onboarding")
    page.wait_for_url("**/instances/start")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    page.select_option("#f-process", "simple_onboarding")
    expect(page.locator("#field-business_key")).to_have_attribute("aria-required", "true")
    expect(page.locator("label[for=field-business_key]")).to_contain_text("Y-tunnus")
    photograph(page, "start")

    # A wrong check digit and no name: refused by the API, each at its field, and nothing started.
    said = refusal(page, server, {"business_key": "0737546-3"})
    page.fill("#field-business_key", "0737546-3")
    page.click("#start-button")
    expect(page.locator("#error-business_key")).to_have_text(said["business_key"])
    expect(page.locator("#error-business_key")).to_contain_text("check digit")
    expect(page.locator("#error-organisation_name")).to_have_text(said["organisation_name"])
    expect(page.locator("#form-error")).to_be_hidden()
    assert sent == ["POST"]
    assert instances_of(server, "0737546-3") == []
    photograph(page, "start-refused")

    # The button is disabled while the start is on its way, so a double click starts one onboarding.
    page.fill("#field-business_key", "0737546-2")
    page.fill("#field-organisation_name", "Hoivakoti Aurinko Oy")
    disabled_at_once = page.evaluate(
        "() => { const b = document.querySelector('#start-button'); b.click(); b.click(); "
        "return b.disabled; }"
    )
    assert disabled_at_once
    page.wait_for_url("**/instances/*-*")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#notice")).to_have_text("The onboarding of Hoivakoti Aurinko Oy started.")
    assert sent == ["POST", "POST"]
    (started,) = instances_of(server, "0737546-2")
    assert page.url.endswith(f"/instances/{started['id']}")
    assert started["process_key"] == "simple_onboarding" and started["started_by"] == "integrator:vendor-ajas"
    status, _, instance = server.call("GET", f"/api/v1/process-instances/{started['id']}", token=VIEWER_TOKEN)
    assert status == 200 and instance["variables"] == {"organisation_name": "Hoivakoti Aurinko Oy"}


def test_a_running_onboarding_of_the_same_y_tunnus_is_shown_and_a_second_needs_its_own_button(server, page):
    status, _, first = server.call(
        "POST",
        "/api/v1/process-instances",
        token=INTEGRATOR_TOKEN,
        json_body={"process_key": "simple_onboarding", "business_key": "1572860-0"},
    )
    assert status == 201, first
    sent = starts(page)
    open_page(page, server, "/instances/start?process_key=simple_onboarding", INTEGRATOR_TOKEN)
    expect(page.locator("#f-process")).to_have_value("simple_onboarding")
    page.fill("#field-business_key", "1572860-0")
    page.fill("#field-organisation_name", "Ajas Oy")
    page.click("#start-button")
    box = page.locator("#already-running")
    expect(box).to_be_visible()
    expect(box).to_contain_text("Ajas Oy (1572860-0) already has an onboarding of “Simple onboarding”")
    expect(box.locator("a.running-instance")).to_have_attribute("href", f"/instances/{first['id']}")
    expect(page.locator("#start-button")).to_be_enabled()
    assert [i["id"] for i in instances_of(server, "1572860-0")] == [first["id"]]
    photograph(page, "start-already-running")

    # Changing the data takes back what was said of it; sending it again says it again.
    page.fill("#field-organisation_name", "Ajas Oy Ab")
    expect(box).to_be_hidden()
    page.click("#start-button")
    expect(box).to_be_visible()
    assert sent == ["POST", "POST"]

    # Only the explicit button starts a second one.
    page.click("#start-another")
    page.wait_for_url("**/instances/*-*")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    assert sent == ["POST", "POST", "POST"]
    second = [i for i in instances_of(server, "1572860-0") if i["id"] != first["id"]]
    assert len(second) == 1 and page.url.endswith(f"/instances/{second[0]['id']}")


def test_the_link_to_a_running_onboarding_opens_it(server, page):
    status, _, first = server.call(
        "POST",
        "/api/v1/process-instances",
        token=INTEGRATOR_TOKEN,
        json_body={"process_key": "obligation_check", "business_key": "0201256-6"},
    )
    assert status == 201, first
    open_page(page, server, "/instances/start?process_key=obligation_check", INTEGRATOR_TOKEN)
    page.fill("#field-business_key", "0201256-6")
    page.fill("#field-organisation_name", "Hoiva Oy")
    page.click("#start-button")
    page.click("#already-running a.running-instance")
    page.wait_for_url(f"**/instances/{first['id']}")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    assert len(instances_of(server, "0201256-6")) == 1


def test_a_viewer_is_offered_no_start(server, page):
    open_page(page, server, "/instances", VIEWER_TOKEN)
    expect(page.locator("#start-onboarding")).to_be_hidden()
    open_page(page, server, "/instances/start", VIEWER_TOKEN)
    expect(page.locator("#start-button")).to_be_hidden()
    expect(page.locator("#role-note")).to_contain_text("viewer")
    expect(page.locator("#field-business_key")).to_be_disabled()


def test_a_process_page_starts_its_own_process(server, page):
    open_page(page, server, "/processes/obligation_check", INTEGRATOR_TOKEN)
    page.click("#start-link")
    page.wait_for_url("**/instances/start?process_key=obligation_check")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#f-process")).to_have_value("obligation_check")
