"""Versions in the cockpit: the process page counts the instances on each version and shows the migration
plan, from which an admin moves the instances that can move; the instance page says a newer version exists,
moves the instance or says why it can not, and retries its incident."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harness.server import PROCESSES, RunningServer
from tests.browser.chromium import open_page, photograph
from tests.integration.test_instance_migration import version_1, version_2
from tests.integration.test_limits import diagram, script, timer, with_start_variables

ADMIN_TOKEN = "tok-admin-0123456789abcdef0123456789"
VIEWER_TOKEN = "tok-viewer-0123456789abcdef0123456789"
TOKENS = f"admin:operator:{ADMIN_TOKEN},viewer:monitor:{VIEWER_TOKEN}"
FEE_FLOWS = [("StartEvent", "Timer_day", ""), ("Timer_day", "Script_fee", ""), ("Script_fee", "EndEvent", "")]


def fees(code: str) -> bytes:
    # "base" is said to come with the start, which it does not here: a script reading it fails
    fees_diagram = diagram("fees", timer("Timer_day", "P1D") + script("Script_fee", code), FEE_FLOWS)
    return with_start_variables(fees_diagram, "base")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(
        tmp_path_factory.mktemp("migration"),
        tokens=TOKENS,
        processes=PROCESSES,
        clock="adjustable@2026-03-02T09:00:00+02:00",
    ) as running:
        yield running


def call(server, method, path, body=None, expect_status=200):
    status, _, answer = server.call(method, "/api/v1" + path, token=ADMIN_TOKEN, json_body=body)
    assert status == expect_status, answer
    return answer


def deploy(server, name: str, content: bytes) -> None:
    status, _, answer = server.upload("/api/v1/process-definitions", {name: content}, token=ADMIN_TOKEN)
    assert status == 201, answer


def test_the_process_page_plans_the_move_and_moves_what_can_move(server, page):
    deploy(server, "change.bpmn", version_1())
    at_check = call(server, "POST", "/process-instances", {"process_key": "change"}, 201)
    at_timer = call(server, "POST", "/process-instances", {"process_key": "change"}, 201)
    call(server, "POST", f"/tasks/{at_timer['ready_tasks'][0]['id']}/complete", {"data": {}})
    deploy(server, "change.bpmn", version_2())

    open_page(page, server, "/processes/change", ADMIN_TOKEN)
    old = page.locator("#versions tbody tr", has_text="Plan the move")
    expect(old.locator("td").nth(2)).to_have_text("2")  # two running on version 1
    old.get_by_role("button", name="Plan the move to v2").click()
    plan = page.locator("#migration")
    expect(plan.locator("#migration-title")).to_have_text("Moving version 1 to 2")
    expect(plan.get_by_role("row", name="Task_check 1 needs a mapping")).to_be_visible()
    expect(plan.get_by_role("row", name="Timer_wait 1 Timer_wait")).to_be_visible()
    expect(plan.get_by_role("row", name="change added Task_review")).to_be_visible()
    expect(plan.get_by_role("row", name="change removed Task_check")).to_be_visible()
    photograph(page, "migration-plan")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Move the 1 instance(s) that can move").click()
    expect(page.locator("#notice")).to_contain_text("Moved 1 instance(s) to version 2; 1 could not move.")
    assert call(server, "GET", f"/process-instances/{at_timer['id']}")["definition_version"] == 2
    assert call(server, "GET", f"/process-instances/{at_check['id']}")["definition_version"] == 1

    # the one at the removed task: the instance page says why it can not move
    open_page(page, server, f"/instances/{at_check['id']}", ADMIN_TOKEN)
    expect(page.locator("#newer-version")).to_contain_text("a newer version exists (v2)")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Move to version 2").click()
    expect(page.locator("#notice")).to_contain_text('Not moved: it waits at "Task_check"')


def test_an_incident_is_retried_on_the_corrected_version_from_the_instance_page(server, page):
    deploy(server, "fees.bpmn", fees("fee = base * 2"))
    stopped = call(server, "POST", "/process-instances", {"process_key": "fees"}, 201)
    call(server, "POST", "/clock/advance", {"duration": "P1D"})
    assert call(server, "GET", f"/process-instances/{stopped['id']}")["status"] == "error"
    deploy(server, "fees.bpmn", fees("fee = 20"))

    open_page(page, server, f"/instances/{stopped['id']}", VIEWER_TOKEN)  # a viewer sees, does not act
    expect(page.locator("#incidents tr", has_text="Script_fee")).to_contain_text("open")
    expect(page.get_by_role("button", name="Retry")).to_have_count(0)
    page.click("#logout")  # the viewer signs out of the browser; the admin signs in
    page.wait_for_url("**/login")

    open_page(page, server, f"/instances/{stopped['id']}", ADMIN_TOKEN)
    expect(page.locator("#incidents tr", has_text="Script_fee")).to_contain_text("base")
    photograph(page, "instance-incident")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Move to version 2").click()
    expect(page.locator("#notice")).to_contain_text("now runs on version 2")
    page.get_by_role("button", name="Retry").click()
    expect(page.locator("#notice")).to_contain_text("Retried: the instance goes on.")
    done = call(server, "GET", f"/process-instances/{stopped['id']}")
    assert (done["status"], done["definition_version"], done["variables"]["fee"]) == ("completed", 2, 20)
    expect(page.locator("#incidents tr", has_text="Script_fee")).to_contain_text("resolved")


def test_a_definition_fault_a_request_met_is_marked_resolved_from_the_instance_page(server, page):
    from tests.integration.test_definition_faults import _checked_routing

    deploy(server, "checked_routing.bpmn", _checked_routing())
    started = call(server, "POST", "/process-instances", {"process_key": "checked_routing",
                                                          "variables": {"kind": "health"}}, 201)  # fmt: skip
    task = started["ready_tasks"][0]["id"]
    call(server, "POST", f"/tasks/{task}/complete", {"data": {"kind": "pharmacy"}}, 422)

    open_page(page, server, f"/instances/{started['id']}", ADMIN_TOKEN)
    fault = page.locator("#incidents tr", has_text="Gateway_kind")
    expect(fault).to_contain_text("none of the conditions")
    expect(page.get_by_role("button", name="Retry")).to_have_count(0)  # nothing stopped: nothing to retry
    page.get_by_role("button", name="Mark resolved").click()
    expect(page.locator("#notice")).to_contain_text("Marked resolved.")
    expect(page.locator("#incidents tr", has_text="Gateway_kind")).to_contain_text("resolved")
    assert call(server, "GET", f"/process-instances/{started['id']}")["status"] == "running"
