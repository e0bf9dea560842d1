"""The process list shows what `serve` found wrong with the catalogue folder at its start (which files, and
why, while the versions deployed before serve), and lets those who deploy retire a process (it starts no new
instance) and reinstate it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harness.server import RunningServer
from tests.browser.chromium import open_page, photograph
from tests.browser.operators import serious_violations
from tests.e2e.test_serve_bad_catalogue import _diagram

ANALYST_TOKEN = "tok-analyst-0123456789abcdef0123456789"
VIEWER_TOKEN = "tok-viewer-0123456789abcdef0123456789"
ADMIN_TOKEN = "tok-admin-0123456789abcdef0123456789"
TOKENS = f"analyst:mallintaja:{ANALYST_TOKEN},viewer:monitor:{VIEWER_TOKEN},admin:operator:{ADMIN_TOKEN}"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A service whose catalogue folder broke after its first start: the second start serves version 1."""
    processes, data = tmp_path_factory.mktemp("catalogue"), tmp_path_factory.mktemp("catalogue-data")
    greet = '<bpmn:manualTask id="Element" name="Greet" />'
    (processes / "greeting.bpmn").write_text(_diagram("greeting", greet))
    with RunningServer(data, tokens=TOKENS, processes=processes):
        pass
    (processes / "greeting.bpmn").write_text(_diagram("greeting", '<bpmn:serviceTask id="Element" />'))
    with RunningServer(data, tokens=TOKENS, processes=processes) as running:
        yield running


def start(server) -> tuple[int, dict]:
    body = {"process_key": "greeting", "business_key": "0737546-2", "allow_duplicate": True}
    status, _, answer = server.call("POST", "/api/v1/process-instances", token=ADMIN_TOKEN, json_body=body)
    return status, answer


def test_the_list_names_the_failing_file_and_a_viewer_can_not_retire(server, page):
    open_page(page, server, "/processes", VIEWER_TOKEN)
    report = page.locator("#catalogue-report")
    expect(report).to_contain_text("The catalogue folder was not deployed")
    expect(report.locator("#catalogue-files > li")).to_have_count(1)
    expect(report.locator("#catalogue-files > li")).to_contain_text("greeting.bpmn")
    expect(report.locator("#catalogue-files > li")).to_contain_text("line 5: Element")
    expect(report.locator("#catalogue-files > li")).to_contain_text("service task")
    row = page.locator("#definitions tbody tr", has_text="greeting")
    expect(row).to_contain_text("open")
    expect(row.get_by_role("button")).to_have_count(0)


def test_an_analyst_retires_a_process_and_reinstates_it(server, page):
    open_page(page, server, "/processes", ANALYST_TOKEN)
    row = page.locator("#definitions tbody tr", has_text="greeting")
    row.get_by_role("button", name="Retire…").click()
    form = page.locator("#retire")
    expect(form.get_by_role("heading")).to_have_text("Retire greeting")
    form.get_by_label("Why is it retired?").fill("replaced by greeting_v2")
    assert serious_violations(page) == {1280: [], 390: []}
    photograph(page, "processes-retire")
    form.get_by_role("button", name="Retire", exact=True).click()
    retired = "greeting starts no new instance; its running instances finish."
    expect(page.locator("#notice")).to_have_text(retired)
    expect(form).to_be_hidden()
    row = page.locator("#definitions tbody tr", has_text="greeting")
    expect(row).to_contain_text("retired")
    expect(row).to_contain_text("by analyst:mallintaja (replaced by greeting_v2)")
    status, refused = start(server)
    assert (status, refused["reason"], refused["values"]["process_key"]) == (
        409,
        "process-retired",
        "greeting",
    )
    assert "uusia liittymisiä ei aloiteta" in refused["detail"], refused

    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Reinstate").click()
    expect(page.locator("#notice")).to_have_text("greeting starts new instances again.")
    expect(page.locator("#definitions tbody tr", has_text="greeting")).to_contain_text("open")
    assert start(server)[0] == 201
