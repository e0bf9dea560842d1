"""Versions in the cockpit: the process page counts the instances on each version and opens the migration
form: the plan to a chosen version, a mapping for each element the target lacks where instances wait, a dry
run, then the move as a batch whose progress the page follows. The instance page says a newer version exists,
moves the instance or says why it can not, corrects its variables (showing the value before) and retries its
incident."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harness.server import PROCESSES, RunningServer
from tests.browser.chromium import open_page, photograph
from tests.browser.operators import serious_violations
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
        env={"KANTA_TIMER_INTERVAL": "1"},  # the timer thread moves the batches
    ) as running:
        yield running


def call(server, method, path, body=None, expect_status=200):
    status, _, answer = server.call(method, "/api/v1" + path, token=ADMIN_TOKEN, json_body=body)
    assert status == expect_status, answer
    return answer


def deploy(server, name: str, content: bytes) -> None:
    status, _, answer = server.upload("/api/v1/process-definitions", {name: content}, token=ADMIN_TOKEN)
    assert status == 201, answer


def test_the_process_page_plans_the_move_maps_the_removed_task_tries_and_moves_as_a_batch(server, page):
    deploy(server, "change.bpmn", version_1())
    at_check = call(server, "POST", "/process-instances", {"process_key": "change"}, 201)
    at_timer = call(server, "POST", "/process-instances", {"process_key": "change"}, 201)
    call(server, "POST", f"/tasks/{at_timer['ready_tasks'][0]['id']}/complete", {"data": {}})
    deploy(server, "change.bpmn", version_2())

    open_page(page, server, "/processes/change", ADMIN_TOKEN)
    old = page.locator("#versions tbody tr", has_text="Plan the move")
    expect(old.locator("td").nth(2)).to_have_text("2")  # two running on version 1
    old.get_by_role("button", name="Plan the move of version 1").click()
    form = page.locator("#migration")
    expect(form.locator("#migration-title")).to_have_text("Moving the instances of version 1")
    expect(form.get_by_label("To version")).to_have_value("2")
    expect(form.get_by_role("row", name="Timer_wait Timer_wait 1 Timer_wait Timer_wait")).to_be_visible()
    expect(form.get_by_role("row", name="change added Task_review Task_review")).to_be_visible()
    expect(form.get_by_role("row", name="change removed Task_check Task_check")).to_be_visible()
    expect(form.locator("#migration-summary")).to_have_text(
        "2 instance(s) on version 1: 1 can move, 1 need a mapping first."
    )
    mapping = form.get_by_label("Where the instances at Task_check wait on version 2")
    expect(mapping).to_have_value("")  # never chosen for the operator

    form.get_by_role("button", name="Try the move").click()
    expect(form.locator("#dry-run-outcome")).to_have_text(
        "Tried, nothing written: 1 instance(s) would move to version 2, 1 could not."
    )
    expect(form.locator(".refused")).to_contain_text('it waits at "Task_check"')

    mapping.select_option("Task_review")
    expect(form.locator("#migration-summary")).to_have_text(
        "2 instance(s) on version 1: 2 can move, 0 need a mapping first."
    )
    expect(mapping).to_be_focused()  # the plan drawn again keeps the person where they were
    form.get_by_role("button", name="Try the move").click()
    expect(form.locator("#dry-run-outcome")).to_have_text(
        "Tried, nothing written: 2 instance(s) would move to version 2, 0 could not."
    )
    expect(form.locator("#migration-result")).to_have_text(  # no refusals listed: nothing but the outcome
        "Tried, nothing written: 2 instance(s) would move to version 2, 0 could not."
    )
    assert call(server, "GET", f"/process-instances/{at_check['id']}")["definition_version"] == 1
    assert serious_violations(page) == {1280: [], 390: []}
    photograph(page, "migration-form")

    page.once("dialog", lambda dialog: dialog.accept())
    form.get_by_role("button", name="Move the instances").click()
    expect(form.locator("#migration-progress")).to_contain_text(
        "finished: 2 of 2 handled, 2 moved, 0 could not move."
    )
    expect(form.locator("#migration-meter")).to_have_attribute("value", "2")
    photograph(page, "migration-batch")
    moved = call(server, "GET", f"/process-instances/{at_check['id']}")
    assert moved["definition_version"] == 2
    assert [t["element_id"] for t in moved["ready_tasks"]] == ["Task_review"]
    assert call(server, "GET", f"/process-instances/{at_timer['id']}")["definition_version"] == 2
    history = call(server, "GET", f"/process-instances/{at_check['id']}/history")
    [event] = [e for e in history if e["kind"] == "instance_migrated"]
    assert (event["actor"], event["data"]["mapping"]) == ("admin:operator", {"Task_check": "Task_review"})


def test_an_instance_at_a_removed_task_says_why_it_can_not_move(server, page):
    deploy(server, "change.bpmn", version_1())  # Check is back in a new version, then gone again
    at_check = call(server, "POST", "/process-instances", {"process_key": "change"}, 201)
    deploy(server, "change.bpmn", version_2())
    on = at_check["definition_version"]

    open_page(page, server, f"/instances/{at_check['id']}", ADMIN_TOKEN)
    expect(page.locator("#newer-version")).to_contain_text(f"a newer version exists (v{on + 1})")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=f"Move to version {on + 1}").click()
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


def test_a_fault_a_start_met_is_the_versions_incident_marked_resolved_from_the_process_page(server, page):
    from tests.integration.test_definition_faults import _gateway

    deploy(server, "routing.bpmn", _gateway())
    call(server, "POST", "/process-instances", {"process_key": "routing",
                                                "variables": {"kind": "pharmacy"}}, 422)  # fmt: skip

    open_page(page, server, "/processes/routing", VIEWER_TOKEN)  # a viewer sees, does not act
    fault = page.locator("#start-faults tr", has_text="Gateway_kind")
    expect(fault).to_contain_text("none of the conditions")
    expect(fault).to_contain_text("open")
    expect(fault.locator("td").first).to_have_text("1")  # the version it met
    expect(page.get_by_role("button", name="Mark resolved")).to_have_count(0)
    page.click("#logout")
    page.wait_for_url("**/login")

    open_page(page, server, "/processes/routing", ADMIN_TOKEN)
    expect(page.get_by_role("button", name="Retry")).to_have_count(0)  # no instance: nothing to retry
    page.get_by_role("button", name="Mark resolved").click()
    expect(page.locator("#notice")).to_contain_text("Marked resolved.")
    expect(page.locator("#start-faults tr", has_text="Gateway_kind")).to_contain_text("resolved")


def test_an_admin_corrects_the_variables_beside_the_retry_seeing_each_old_value(server, page):
    deploy(server, "fees.bpmn", fees("fee = base * 2"))
    stopped = call(server, "POST", "/process-instances", {"process_key": "fees"}, 201)
    note = {"set": {"note": "tarkista"}}
    call(server, "POST", f"/process-instances/{stopped['id']}/correct-variables", note)
    call(server, "POST", "/clock/advance", {"duration": "P1D"})
    assert call(server, "GET", f"/process-instances/{stopped['id']}")["status"] == "error"

    open_page(page, server, f"/instances/{stopped['id']}", VIEWER_TOKEN)  # a viewer corrects nothing
    expect(page.locator("#correct-variables")).to_be_hidden()
    page.click("#logout")
    page.wait_for_url("**/login")

    open_page(page, server, f"/instances/{stopped['id']}", ADMIN_TOKEN)
    form = page.locator("#correct-variables")
    expect(form).to_be_visible()
    form.get_by_label("Variable").fill("note")
    expect(form.locator("#correction-old")).to_have_text('"tarkista"')
    form.get_by_label("Remove it").check()
    expect(form.get_by_label("New value")).to_be_disabled()
    form.get_by_role("button", name="Save the correction").click()
    expect(page.locator("#notice")).to_have_text("The variable note was removed.")
    expect(page.locator("#variables")).not_to_contain_text("note")

    form.get_by_label("Variable").fill("base")
    expect(form.locator("#correction-old")).to_have_text("not set")
    form.get_by_label("New value").fill("10")
    assert serious_violations(page) == {1280: [], 390: []}
    photograph(page, "instance-correction")
    form.get_by_role("button", name="Save the correction").click()
    expect(page.locator("#notice")).to_have_text("The variable base was corrected.")
    expect(page.locator("#variables tr", has_text="base")).to_contain_text("10")

    page.get_by_role("button", name="Retry").click()
    expect(page.locator("#notice")).to_contain_text("Retried: the instance goes on.")
    done = call(server, "GET", f"/process-instances/{stopped['id']}")
    assert (done["status"], done["variables"]["fee"]) == ("completed", 20)
    changes = [e for e in call(server, "GET", f"/process-instances/{stopped['id']}/history")
               if e["kind"] == "variables_changed"]  # fmt: skip
    assert [(e["actor"], e["data"]) for e in changes[1:]] == [
        ("admin:operator", {"old": {"note": "tarkista"}, "new": {"note": None}}),
        ("admin:operator", {"old": {"base": None}, "new": {"base": 10}}),
    ]


def test_the_operators_forms_speak_finnish_in_a_finnish_browser(server, browser):
    deploy(server, "change.bpmn", version_1())
    call(server, "POST", "/process-instances", {"process_key": "change"}, 201)
    deploy(server, "change.bpmn", version_2())
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    try:
        open_page(page, server, "/processes/change", ADMIN_TOKEN)
        page.locator(".plan-migration").first.click()
        form = page.locator("#migration")
        expect(form.get_by_label("Kohdeversio")).to_be_visible()
        expect(form.get_by_role("button", name="Kokeile siirtoa")).to_be_visible()
        expect(form.get_by_role("button", name="Siirrä liittymiset")).to_be_visible()
        expect(form.locator("#migration-summary")).to_contain_text("tarvitsee ensin vastaavuuden")
        expect(form.locator("select.mapping option").first).to_have_text("— vaatii vastaavuuden —")
    finally:
        context.close()
