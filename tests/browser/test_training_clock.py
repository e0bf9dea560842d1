"""A server with an adjustable clock (acceptance tests, training): every page shows its time, an admin moves
it on from the page, the timers that fall due fire, and "due in …" counts from the server's time."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from harness.server import RunningServer
from tests.browser.chromium import open_page, photograph

TRAINER_TOKEN = "tok-trainer-0123456789abcdef0123456789"
TRAINEE_TOKEN = "tok-trainee-0123456789abcdef0123456789"
VENDOR_TOKEN = "tok-vendor-0123456789abcdef0123456789"
TOKENS = f"admin:trainer:{TRAINER_TOKEN},viewer:trainee:{TRAINEE_TOKEN},integrator:vendor:{VENDOR_TOKEN}"
SERVICE_TIME = "2026-01-05T09:00:00+02:00"  # months away from any browser's clock


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(
        tmp_path_factory.mktemp("training"), tokens=TOKENS, clock=f"adjustable@{SERVICE_TIME}"
    ) as running:
        yield running


def reporting(server: RunningServer) -> dict:
    """An instance at "Report the test", with its two-day reminder and thirty-day expiry timers."""
    call = server.call
    status, _, started = call(
        "POST", "/api/v1/process-instances", token=VENDOR_TOKEN,
        json_body={"process_key": "report_deadline", "business_key": "0112038-9"},
    )  # fmt: skip
    assert status == 201, started
    task = started["ready_tasks"][0]["id"]
    status, _, moved = call(
        "POST", f"/api/v1/tasks/{task}/complete", token=VENDOR_TOKEN, json_body={"data": {"result": "passed"}}
    )
    assert status == 200, moved
    return moved


def test_a_trainer_moves_the_clock_in_the_page_and_the_due_timer_fires(server, page: Page):
    instance = reporting(server)
    open_page(page, server, f"/instances/{instance['id']}", TRAINER_TOKEN)
    bar = page.locator("#clock-bar")
    expect(bar).to_contain_text("Adjustable clock: it is 5.1.2026 klo 9.00")
    timers = page.locator("#waiting .wait-timer")
    expect(timers).to_have_count(2)
    # Counted from the server's time, not from the browser's.
    expect(timers.filter(has_text="Two days passed")).to_contain_text("(in 2 days)")
    expect(timers.filter(has_text="Thirty days passed")).to_contain_text("(in 30 days)")
    photograph(page, "training-clock")

    bar.locator("button[data-advance=P7D]").click()

    expect(page.locator("#notice")).to_contain_text("The clock moved on to 12.1.2026 klo 9.00")
    expect(page.locator("#notice")).to_contain_text("timers fired in 1 instance(s)")
    expect(bar).to_contain_text("it is 12.1.2026 klo 9.00")
    expect(timers).to_have_count(1)
    expect(timers).to_contain_text("Thirty days passed")
    expect(timers).to_contain_text("(in 23 days)")
    expect(page.locator("#waiting .wait-task")).to_contain_text(["Remind the service provider"])
    status, _, history = server.call(
        "GET", f"/api/v1/process-instances/{instance['id']}/history", token=TRAINEE_TOKEN
    )
    assert status == 200
    assert "Timer_report_reminder" in [e["element_id"] for e in history if e["kind"] == "element_completed"]


def test_a_viewer_sees_the_time_but_no_button_to_move_it(server, page: Page):
    open_page(page, server, "/instances", TRAINEE_TOKEN)
    expect(page.locator("#clock-bar")).to_contain_text("Adjustable clock: it is")
    expect(page.locator("#clock-bar button")).to_have_count(0)
