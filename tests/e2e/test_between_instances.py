"""The real server with a catalogue drawn as Camunda Modeler draws it: form fields, candidate groups and an
assignee on the tasks, and processes that send each other messages (a send task, a message throw event, a
message end event, message start events)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.server import RunningServer

CATALOGUE = Path(__file__).parents[1] / "fixtures" / "between_instances"
PROVIDER = "tok-provider-0123456789abcdef0123456789"
KELA = "tok-kela-0123456789abcdef0123456789abcdef"
VIEWER = "tok-viewer-0123456789abcdef0123456789"
TOKENS = f"integrator:provider:{PROVIDER},integrator:kela:{KELA},viewer:monitor:{VIEWER}"
PROBLEMS = "https://kanta-onboarding.example/problems/"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(tmp_path_factory.mktemp("between"), tokens=TOKENS, processes=CATALOGUE) as running:
        yield running


def tasks(server, query: str) -> list[dict]:
    status, _, page = server.call("GET", f"/api/v1/tasks?{query}", token=VIEWER)
    assert status == 200, page
    return page["items"]


def test_an_application_reaches_kela_and_kelas_decision_comes_back(server):
    status, _, started = server.call(
        "POST",
        "/api/v1/process-instances",
        token=PROVIDER,
        json_body={"process_key": "joining_application", "business_key": "0737546-2"},
    )
    assert status == 201, started
    [fill] = tasks(server, "candidate_group=service-providers&business_key=0737546-2")
    status, _, task = server.call("GET", f"/api/v1/tasks/{fill['id']}", token=VIEWER)
    assert (task["candidate_groups"], task["assignee"], task["form"]["required"]) == (
        ["service-providers"],
        None,
        ["organisation"],
    )

    # The form fields refuse what they do not take, field by field, and nothing moves.
    status, _, refused = server.call(
        "POST", f"/api/v1/tasks/{fill['id']}/complete", token=PROVIDER, json_body={"data": {"note": 1}}
    )
    assert status == 422
    assert {e["field"] for e in refused["errors"]} == {"/data/organisation", "/data/note"}

    # The send task throws the application: Kela's process starts with the declared payload only.
    status, _, sent = server.call(
        "POST",
        f"/api/v1/tasks/{fill['id']}/complete",
        token=PROVIDER,
        json_body={"data": {"organisation": "Hoivakoti Aurinko Oy", "internal_note": "not for Kela"}},
    )
    assert status == 200, sent
    assert [m["name"] for m in sent["waiting_messages"]] == ["joining_decision"]
    [decide] = tasks(server, "candidate_group=kela")
    assert (decide["process_key"], decide["business_key"]) == ("kela_decision", "0737546-2")
    status, _, kela_instance = server.call(
        "GET", f"/api/v1/process-instances/{decide['instance_id']}", token=VIEWER
    )
    assert kela_instance["variables"] == {"organisation": "Hoivakoti Aurinko Oy"}

    # Kela decides: the throw event starts the register, the end event answers the waiting application.
    status, _, decided = server.call(
        "POST",
        f"/api/v1/tasks/{decide['id']}/complete",
        token=KELA,
        json_body={"data": {"decision": "approved"}},
    )
    assert (status, decided["status"]) == (200, "completed")
    status, _, application = server.call("GET", f"/api/v1/process-instances/{started['id']}", token=VIEWER)
    assert [t["element_id"] for t in application["ready_tasks"]] == ["Task_read"]
    assert application["variables"]["decision"] == "approved"
    assert [t["instance_id"] for t in tasks(server, "assignee=maija")] == [started["id"]]
    assert [
        t["process_key"] for t in tasks(server, "business_key=0737546-2&process_key=decision_register")
    ] == ["decision_register"]

    status, _, history = server.call(
        "GET", f"/api/v1/process-instances/{started['id']}/history", token=VIEWER
    )
    received = [e for e in history if e["kind"] == "message_received"]
    assert [(e["actor"], e["data"]["name"], e["data"]["from_instance_id"]) for e in received] == [
        ("integrator:kela", "joining_decision", decide["instance_id"])
    ]


def test_a_message_from_outside_starts_the_process_whose_start_event_waits_for_it(server):
    message = {
        "name": "joining_application_sent",
        "business_key": "2345678-5",
        "payload": {"organisation": "Oy"},
    }
    status, _, answer = server.call("POST", "/api/v1/messages", token=PROVIDER, json_body=message)
    assert (status, answer["message_outcome"], answer["process_key"]) == (201, "started", "kela_decision")

    # A start of it by the instances endpoint is refused, saying how it starts.
    status, _, refused = server.call(
        "POST", "/api/v1/process-instances", token=PROVIDER, json_body={"process_key": "kela_decision"}
    )
    assert (status, refused["errors"][0]["field"]) == (422, "/process_key")

    # Its decision has nobody to go to (no application of 2345678-5 waits): the completion is refused and
    # the task stays ready, so the message is never lost unseen.
    [decide] = tasks(server, "business_key=2345678-5&candidate_group=kela")
    status, _, undelivered = server.call(
        "POST",
        f"/api/v1/tasks/{decide['id']}/complete",
        token=KELA,
        json_body={"data": {"decision": "rejected"}},
    )
    assert (status, undelivered["type"], undelivered["element_id"]) == (
        422,
        PROBLEMS + "message-undelivered",
        "End_decided",
    )
    assert 'waits for message "joining_decision"' in undelivered["detail"]
    assert [t["id"] for t in tasks(server, "business_key=2345678-5&candidate_group=kela")] == [decide["id"]]


def test_the_openapi_document_names_the_new_filters_and_the_message_outcome(server):
    status, _, document = server.call("GET", "/openapi.json")
    assert status == 200
    parameters = {p["name"] for p in document["paths"]["/api/v1/tasks"]["get"]["parameters"]}
    assert {"assignee", "candidate_user", "candidate_group"} <= parameters
    answers = document["paths"]["/api/v1/messages"]["post"]["responses"]
    assert {"200", "201"} <= set(answers)


def test_a_message_sent_again_starts_no_second_instance(server):
    message = {
        "name": "joining_application_sent",
        "business_key": "3456789-1",
        "payload": {"organisation": "Oy"},
    }
    status, _, first = server.call("POST", "/api/v1/messages", token=PROVIDER, json_body=message)
    assert (status, first["message_outcome"]) == (201, "started")

    status, _, again = server.call("POST", "/api/v1/messages", token=PROVIDER, json_body=message)
    assert (status, again["type"]) == (409, PROBLEMS + "already-running")
    assert [r["instance_id"] for r in again["running"]] == [first["id"]]

    # With an Idempotency-Key the one it started is the answer to the message sent again.
    keyed = {**message, "business_key": "4567890-2"}
    headers = {"Idempotency-Key": "application-4567890-2"}
    answers = [
        server.call("POST", "/api/v1/messages", token=PROVIDER, json_body=keyed, headers=headers)
        for _ in range(2)
    ]
    assert [(status, body["message_outcome"]) for status, _, body in answers] == [(201, "started")] * 2
    assert answers[0][2]["id"] == answers[1][2]["id"]
