"""A process's oversight in the browser: a coordinator sees how many onboardings wait at each step (badges
on the diagram), which are late and what falls due within a week, on one page; every number opens the
instance list filtered to what it counts."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from harness.server import RunningServer
from tests.browser.chromium import open_page, photograph

ADMIN_TOKEN = "tok-coordinator-0123456789abcdef0123456789"
VENDOR_TOKEN = "tok-vendor-0123456789abcdef0123456789"
TOKENS = f"admin:coordinator:{ADMIN_TOKEN},integrator:vendor:{VENDOR_TOKEN}"
SERVICE_TIME = "2026-01-05T09:00:00+02:00"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(
        tmp_path_factory.mktemp("oversight"), tokens=TOKENS, clock=f"adjustable@{SERVICE_TIME}"
    ) as running:
        yield running


def start(server: RunningServer, business_key: str, *, run_test: bool) -> dict:
    status, _, instance = server.call(
        "POST",
        "/api/v1/process-instances",
        token=VENDOR_TOKEN,
        json_body={"process_key": "report_deadline", "business_key": business_key},
    )
    assert status == 201, instance
    if run_test:
        task = instance["ready_tasks"][0]["id"]
        status, _, instance = server.call(
            "POST",
            f"/api/v1/tasks/{task}/complete",
            token=VENDOR_TOKEN,
            json_body={"data": {"result": "passed"}},
        )
        assert status == 200, instance
    return instance


def badge(page: Page, element_id: str):
    return page.locator(f'#diagram .count-badge[data-element="{element_id}"]')


def test_a_coordinator_sees_where_onboardings_wait_what_is_late_and_what_falls_due(server, page):
    late = start(server, "0737546-2", run_test=True)
    status, _, _ = server.call(
        "POST", "/api/v1/clock/advance", token=ADMIN_TOKEN, json_body={"duration": "P3D"}
    )
    assert status == 200  # its two-day reminder fires: it is late at "Report the test"
    soon = start(server, "1572860-0", run_test=True)  # reminder due in two days
    at_start = start(server, "2345678-5", run_test=False)

    open_page(page, server, "/processes/report_deadline/oversight", ADMIN_TOKEN)
    expect(page.locator("#title")).to_have_text("Report deadline: oversight")
    expect(page.locator('[data-total="running"] strong')).to_have_text("3")
    expect(page.locator('[data-total="late"] strong')).to_have_text("1")

    # Badges on the diagram, as Camunda Cockpit draws them
    expect(badge(page, "Task_report_test")).to_have_text("2")
    expect(badge(page, "Task_run_test")).to_have_text("1")
    expect(badge(page, "Task_remind")).to_have_text("1")
    expect(page.locator('#diagram .count-badge.late[data-late="Task_report_test"]')).to_have_text("1")

    expect(page.locator("#late tbody tr")).to_have_count(1)
    expect(page.locator("#late tbody tr")).to_contain_text("0737546-2")
    expect(page.locator("#late tbody tr")).to_contain_text("Two days passed")
    soon_rows = page.locator("#due-soon tbody tr")
    expect(soon_rows).to_have_count(1)
    expect(soon_rows).to_contain_text("1572860-0")
    expect(soon_rows).to_contain_text("10.1.2026 klo 9.00")  # 8.1. klo 9.00 + two days, in Finnish time
    expect(page.locator("#overdue .empty")).to_be_visible()
    photograph(page, "oversight")

    # A count opens the instance list filtered to the instances it counts
    badge(page, "Task_report_test").click()
    page.wait_for_url("**/instances?*waiting_at=Task_report_test*")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    rows = page.locator("#instances tbody tr")
    expect(rows).to_have_count(2)
    expect(rows).to_contain_text(["1572860-0", "0737546-2"])

    page.go_back()
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    page.locator("#late tbody a").first.click()
    page.wait_for_url(f"**/instances/{late['id']}")
    assert soon["id"] != at_start["id"]


def test_the_oversight_is_reached_from_the_process_list_and_page(server, page):
    open_page(page, server, "/processes", ADMIN_TOKEN)
    page.locator('#definitions a[href="/processes/report_deadline/oversight"]').click()
    page.wait_for_url("**/processes/report_deadline/oversight")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    page.locator("#process-link").click()
    page.wait_for_url("**/processes/report_deadline")
    expect(page.locator("#oversight-link")).to_be_visible()
