"""A waiting message sent from the instance page, through the form its payload schema gives: the API judges
the payload and its field errors show at their fields, as on a task."""

from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import expect

from harness.server import PROCESSES, RunningServer
from tests.browser.chromium import open_page, photograph, said_by

TOKENS = (
    "integrator:vendor-ajas:tok-vendor-0123456789abcdef0123456789,"
    "integrator:kela-extranet:tok-kela-0123456789abcdef0123456789,"
    "viewer:monitor:tok-viewer-0123456789abcdef0123456789"
)
APPLICATION = {"system_name": "eRA", "access_point_oid": "1.2.246.537.6.918.18.10.13.1"}
# Stricter than the fixture's contract, so that a payload the page can build is one the server refuses.
DECISION = {
    "title": "Kela's decision",
    "description": "Kela approves the application or rejects it with a note.",
    "x-correlation": {"by": "business_key"},
    "type": "object",
    "properties": {
        "decision": {"title": "Decision", "type": "string", "enum": ["approved", "rejected"]},
        "decision_note": {"title": "Kela's note", "type": "string", "minLength": 10},
    },
    "required": ["decision"],
    "additionalProperties": False,
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    processes = tmp_path_factory.mktemp("processes")
    shutil.copytree(PROCESSES, processes, dirs_exist_ok=True)
    (processes / "messages" / "kela_decision.json").write_text(json.dumps(DECISION))
    with RunningServer(tmp_path_factory.mktemp("messages"), tokens=TOKENS, processes=processes) as running:
        yield running


def waiting_for_kela(server: RunningServer, business_key: str) -> dict:
    status, _, started = server.call(
        "POST",
        "/api/v1/process-instances",
        token="tok-vendor-0123456789abcdef0123456789",
        json_body={"process_key": "kela_application", "business_key": business_key},
    )
    assert status == 201, started
    task_id = started["ready_tasks"][0]["id"]
    status, _, waiting = server.call(
        "POST",
        f"/api/v1/tasks/{task_id}/complete",
        token="tok-vendor-0123456789abcdef0123456789",
        json_body={"data": APPLICATION},
    )
    assert status == 200 and [m["name"] for m in waiting["waiting_messages"]] == ["kela_decision"], waiting
    return waiting


def refusal(page, server: RunningServer, instance_id: str, payload: dict) -> dict[str, str]:
    """The API's refusal of ``payload``: each payload field's messages, worded and joined as ``page`` shows
    them."""
    status, _, problem = server.call(
        "POST",
        "/api/v1/messages",
        token="tok-kela-0123456789abcdef0123456789",
        json_body={"name": "kela_decision", "instance_id": instance_id, "payload": payload},
    )
    assert status == 422, problem
    said: dict[str, list[str]] = {}
    for error in problem["errors"]:
        said.setdefault(error["field"].removeprefix("/payload/"), []).append(said_by(page, error))
    return {field: "; ".join(messages) for field, messages in said.items()}


def history_kinds(server: RunningServer, instance_id: str) -> list[str]:
    status, _, history = server.call(
        "GET",
        f"/api/v1/process-instances/{instance_id}/history",
        token="tok-viewer-0123456789abcdef0123456789",
    )
    assert status == 200
    return [event["kind"] for event in history]


def test_an_integrator_sends_a_waiting_message_through_the_form_of_its_payload_schema(server, page):
    instance = waiting_for_kela(server, "0737546-2")
    open_page(page, server, f"/instances/{instance['id']}", "tok-kela-0123456789abcdef0123456789")
    expect(page.locator("#send-message")).to_be_hidden()

    page.click("#waiting .wait-message button.send-message")
    expect(page.locator("#send-message")).to_be_visible()
    expect(page.locator("#message-title")).to_have_text("Kela's decision")
    expect(page.locator("#message-about")).to_contain_text("correlated by business_key")
    expect(page.locator("#field-decision option")).to_have_text(["— choose —", "Approved", "Rejected"])
    expect(page.locator(".field[data-field=decision] .required")).to_be_visible()

    # Nothing chosen: the API refuses the payload at its field, and nothing is delivered.
    before = history_kinds(server, instance["id"])
    page.click("#send-message-button")
    expect(page.locator("#error-decision")).to_have_text(
        refusal(page, server, instance["id"], {})["decision"]
    )
    photograph(page, "instance-message-refused")

    page.select_option("#field-decision", label="Rejected")
    expect(page.locator("#error-decision")).to_be_hidden()  # a changed field drops its error
    page.fill("#field-decision_note", "too short")
    page.click("#send-message-button")
    said = refusal(page, server, instance["id"], {"decision": "rejected", "decision_note": "too short"})
    expect(page.locator("#error-decision_note")).to_have_text(said["decision_note"])
    expect(page.locator("#message-error")).to_be_hidden()  # every error had its field
    assert history_kinds(server, instance["id"]) == before

    page.fill("#field-decision_note", "The access point's contact person is missing.")
    page.click("#send-message-button")
    expect(page.locator("#notice")).to_have_text("The message “kela_decision” was delivered.")
    expect(page.locator("#waiting .wait-task")).to_contain_text("Fix the application")
    expect(page.locator("#history > li[data-kind=message_received]")).to_contain_text("Message received")
    status, _, after = server.call(
        "GET", f"/api/v1/process-instances/{instance['id']}", token="tok-viewer-0123456789abcdef0123456789"
    )
    assert status == 200 and after["waiting_messages"] == []
    assert (after["variables"]["decision"], after["variables"]["decision_note"]) == (
        "rejected",
        "The access point's contact person is missing.",
    )


def test_a_viewer_sees_the_waiting_message_but_is_offered_no_form(server, page):
    instance = waiting_for_kela(server, "1572860-0")
    open_page(page, server, f"/instances/{instance['id']}", "tok-viewer-0123456789abcdef0123456789")
    expect(page.locator("#waiting .wait-message")).to_contain_text("kela_decision")
    expect(page.locator("#waiting .wait-message button")).to_have_count(0)
    expect(page.locator("#send-message")).to_be_hidden()
