"""Deploying from the Processes page: one changed diagram is uploaded alone (its forms and message contracts
are taken as deployed); a refused upload lists each problem once, root causes first, and marks its element on
the diagram; warnings are shown with their codes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from harness.server import PROCESSES, RunningServer
from tests.browser.chromium import open_page, photograph

ANALYST_TOKEN = "tok-analyst-0123456789abcdef0123456789"
TOKENS = f"analyst:modeller:{ANALYST_TOKEN}"
ACCEPTED = """      <bpmn:extensionElements>
        <camunda:properties>
          <camunda:property name="accept-warning" value="maybe-unwritten" />
        </camunda:properties>
      </bpmn:extensionElements>
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(tmp_path_factory.mktemp("deploy"), tokens=TOKENS) as running:
        yield running


def upload(page: Page, name: str, content: str) -> None:
    page.set_input_files(
        "#deploy-files", files=[{"name": name, "mimeType": "text/xml", "buffer": content.encode()}]
    )
    page.click("#deploy-form button[type=submit]")


def element(page: Page, element_id: str):
    return page.locator(f'#deploy-diagram .djs-element[data-element-id="{element_id}"]')


def test_a_changed_diagram_uploaded_alone_takes_its_forms_from_the_catalogue(server, page):
    diagram = (PROCESSES / "simple_onboarding.bpmn").read_text()
    changed = diagram.replace('name="Simple onboarding"', 'name="Simple onboarding, revised"')
    assert changed != diagram
    open_page(page, server, "/processes", ANALYST_TOKEN)

    upload(page, "simple_onboarding.bpmn", changed)
    expect(page.locator("#deploy-result .notice-success")).to_have_text(
        "Deployed: Simple onboarding, revised v2. Unchanged: none."
    )
    expect(page.locator("#definitions")).to_contain_text("Simple onboarding, revised")


def test_a_refused_upload_lists_each_problem_once_root_causes_first_with_its_element_marked(server, page):
    diagram = (PROCESSES / "simple_onboarding.bpmn").read_text()
    broken = diagram.replace('camunda:formKey="forms/approval.json"', 'camunda:formKey="forms/aproval.json"')
    assert broken != diagram
    status, _, problem = server.upload(
        "/api/v1/process-definitions?forms_from_catalogue=true",
        {"simple_onboarding.bpmn": broken.encode()},
        token=ANALYST_TOKEN,
    )
    assert status == 422, problem
    said = [p["message"] for p in problem["problems"]]
    open_page(page, server, "/processes", ANALYST_TOKEN)

    upload(page, "simple_onboarding.bpmn", broken)
    listed = page.locator("#deploy-result .problems > li")
    expect(listed).to_have_count(len(said))  # each once, as the API lists them
    expect(listed.first).to_contain_text('"forms/aproval.json", which is not in the catalogue')
    expect(listed.first).to_contain_text("Task_approve")
    notice = page.locator("#deploy-result .notice-error")
    expect(notice).to_contain_text("Nothing was deployed")
    expect(notice).not_to_contain_text("aproval")  # the problems are not said again above the list

    expect(element(page, "Task_approve")).to_have_class(_has("highlight-problem"))
    expect(element(page, "Task_fill_customer_data")).not_to_have_class(_has("highlight-problem"))
    expect(page.locator("#deploy-element-doc")).to_contain_text("Approve the customer")  # the first is shown
    photograph(page, "deploy-refused")


def test_warnings_are_shown_with_their_codes_and_their_elements(server, page):
    diagram = (PROCESSES / "messages.bpmn").read_text()
    unaccepted = diagram.replace(ACCEPTED, "")
    assert unaccepted != diagram
    open_page(page, server, "/processes", ANALYST_TOKEN)

    upload(page, "messages.bpmn", unaccepted)  # its message contract is taken as deployed
    expect(page.locator("#deploy-result .notice-success")).to_contain_text("Deployed: Application to Kela v2")
    warning = page.locator("#deploy-result .problems > li.warning")
    expect(warning).to_have_count(1)
    expect(warning.locator(".problem-code")).to_have_text("warning maybe-unwritten")
    expect(warning).to_contain_text("Flow_4")
    expect(element(page, "Flow_4")).to_have_class(_has("highlight-warning"))
    photograph(page, "deploy-warnings")


def _has(marker: str) -> re.Pattern:
    return re.compile(rf"(^|\s){marker}(\s|$)")
