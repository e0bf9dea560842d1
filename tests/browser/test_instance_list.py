"""The Instances list finds onboardings as a coordinator looks for them: one search box for a part of a
Y-tunnus or an organisation's name, filters, and columns that sort; each row says the organisation, where it
waits and when it is next due. Against the real server in Debian's chromium; photographed at 1280 and 390
px."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from harness.server import PROCESSES, RunningServer
from tests.browser.chromium import open_page, photograph
from tests.integration.test_modeler_forms import modeler_diagram

INTEGRATOR_TOKEN = "tok-vendor-0123456789abcdef0123456789"
TOKENS = f"integrator:vendor-ajas:{INTEGRATOR_TOKEN}"


def call(server: RunningServer, method: str, path: str, body: dict | None = None) -> dict:
    status, _, answer = server.call(method, path, token=INTEGRATOR_TOKEN, json_body=body)
    assert status in (200, 201), answer
    return answer


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    processes = tmp_path_factory.mktemp("processes")
    shutil.copytree(PROCESSES, processes, dirs_exist_ok=True)
    # a task assigned, in the modeler, to the name of the integrator's token
    (processes / "modeler.bpmn").write_bytes(modeler_diagram('camunda:assignee="vendor-ajas"'))
    with RunningServer(tmp_path_factory.mktemp("lists"), tokens=TOKENS, processes=processes) as running:

        def start(process_key: str, business_key: str, organisation: str) -> dict:
            body = {"process_key": process_key, "business_key": business_key}
            body["variables"] = {"organisation_name": organisation}
            return call(running, "POST", "/api/v1/process-instances", body)

        start("simple_onboarding", "0737546-2", "Hoivakoti Aurinko Oy")
        report = start("report_deadline", "0112038-9", "Lapin Hoiva Oy")
        task = report["ready_tasks"][0]["id"]
        call(running, "POST", f"/api/v1/tasks/{task}/complete", {"data": {"result": "passed"}})
        start("obligation_check", "0201256-6", "Ajas Terveys Oy")
        start("modeler_form", "1572860-0", "Oma Hoiva Oy")
        yield running


def rows(page):
    return page.locator("#instances tbody tr")


def test_one_search_box_finds_a_part_of_a_y_tunnus_or_of_an_organisation_s_name(server, page):
    open_page(page, server, "/instances", INTEGRATOR_TOKEN)
    expect(rows(page)).to_have_count(4)
    page.fill("#f-q", "aurinko")
    page.click("#filters button[type=submit]")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first.locator("a.instance-link")).to_have_text("Hoivakoti Aurinko Oy")
    expect(rows(page).first).to_contain_text("0737546-2")
    expect(rows(page).first.locator(".steps li")).to_have_text(["Fill in customer data"])
    expect(page.locator("#f-q")).to_have_value("aurinko")  # the box keeps what was looked for
    open_page(page, server, "/instances?q=0112", INTEGRATOR_TOKEN)
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first.locator("a.instance-link")).to_have_text("Lapin Hoiva Oy")
    photograph(page, "instances-found")


def test_a_column_sorts_and_a_due_date_typed_the_finnish_way_filters(server, page):
    open_page(page, server, "/instances", INTEGRATOR_TOKEN)
    expect(rows(page).first.locator("a.instance-link")).to_have_text("Oma Hoiva Oy")  # newest first
    page.click("a.sort-link[data-sort=started_at]")  # latest first is the list's own order: oldest first now
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("th[aria-sort=ascending]")).to_have_text("Started ▲")
    expect(rows(page).first.locator("a.instance-link")).to_have_text("Hoivakoti Aurinko Oy")
    page.click("a.sort-link[data-sort=next_due_at]")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("th[aria-sort=descending]")).to_have_text("Next due ▼")
    expect(rows(page).first.locator("a.instance-link")).to_have_text(
        "Lapin Hoiva Oy"
    )  # the one with a due date
    expect(rows(page).first.locator(".steps li[data-kind=timer]")).to_have_count(2)
    photograph(page, "instances-sorted")

    page.fill("#f-due-before", "1.1.2100")
    page.click("#filters button[type=submit]")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first.locator("a.instance-link")).to_have_text("Lapin Hoiva Oy")
    page.fill("#f-due-before", "1.1.2000")
    page.click("#filters button[type=submit]")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#instances")).to_have_text("No onboarding matches.")


def test_my_tasks_are_those_assigned_or_offered_to_the_signed_in_name(server, page):
    open_page(page, server, "/tasks", INTEGRATOR_TOKEN)
    everyone = page.locator("#tasks tbody tr")
    expect(everyone).to_have_count(4)
    page.check("#f-mine")
    page.click("#filters button[type=submit]")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#tasks tbody tr")).to_have_count(1)
    expect(page.locator("#tasks tbody tr").first).to_contain_text("1572860-0")
    expect(page.locator("#f-mine")).to_be_checked()
    photograph(page, "tasks-mine")


def options(page, select: str) -> list[tuple[str, str]]:
    found = page.eval_on_selector(select, "s => [...s.options].map(o => [o.value, o.textContent])")
    return [tuple(option) for option in found]


def test_the_lane_and_the_waiting_step_are_chosen_from_the_process_chosen(server, page):
    open_page(page, server, "/instances", INTEGRATOR_TOKEN)
    expect(page.locator("#f-waiting-at")).to_be_disabled()  # a process's own steps: none before one is chosen
    expect(page.locator("#f-waiting-at option").first).to_have_text("Choose a process first")
    page.select_option("#f-process", "simple_onboarding")
    expect(page.locator("#f-waiting-at")).to_be_enabled()
    assert options(page, "#f-lane") == [
        ("", "All"),
        ("Service provider", "Service provider"),
        ("Kela", "Kela"),
    ]
    assert options(page, "#f-waiting-at") == [
        ("", "All"),
        ("Task_fill_customer_data", "Fill in customer data"),
        ("Task_approve", "Approve the customer"),
    ]
    page.select_option("#f-waiting-at", "Task_fill_customer_data")
    page.click("#filters button[type=submit]")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first.locator("a.instance-link")).to_have_text("Hoivakoti Aurinko Oy")
    expect(page.locator("#f-waiting-at")).to_have_value("Task_fill_customer_data")  # the choice stays
    photograph(page, "instances-waiting-at")

    page.select_option("#f-waiting-at", "")
    page.select_option("#f-lane", "Kela")
    page.click("#filters button[type=submit]")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(rows(page)).to_have_count(0)
    expect(page.locator("#f-lane")).to_have_value("Kela")

    open_page(page, server, "/tasks?lane=Service+provider", INTEGRATOR_TOKEN)  # every process's lanes
    expect(page.locator("#f-lane")).to_have_value("Service provider")
    expect(page.locator("#tasks tbody tr")).to_have_count(3)  # the fourth task is not in that lane
    expect(page.locator("#tasks tbody td[data-label=Lane]")).to_have_text(["Service provider"] * 3)
