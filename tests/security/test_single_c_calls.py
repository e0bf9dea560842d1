"""Diagram code whose one C call never returns to the line tracer (a hash over a tuple shared a hundred
thousand times, a quadratic ``sum`` of lists, a gigabyte of padding) runs in an evaluator process: the
worker's clock kills it, the OS limits its memory, the caller gets a 422 within seconds, a timer gets an
incident, and the server answers ``/healthz`` within a second all along."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from harness.server import RunningServer

from .conftest import ADMIN_TOKEN, INTEGRATOR_TOKEN, TOKENS

HASH_OF_SHARED_TUPLES = "hash(((0,)*10**6,)*10**5)"
SUM_OF_LISTS = "sum([[0] * 1000] * 100000, [])"
GIGABYTE_OF_PADDING = "'x'.ljust(10**9)"

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_{key}" '
    'targetNamespace="http://bpmn.io/schema/bpmn">\n'
    '<bpmn:process id="{key}" name="{key}" isExecutable="true">\n'
    '<bpmn:startEvent id="StartEvent" name="Start" />\n'
)


def scripted(key: str, code: str, before: str = "") -> str:
    """Start → (``before``, e.g. a timer, with id Before) → Script_stuck → end."""
    first = "Before" if before else "Script_stuck"
    text = HEAD.format(key=key) + before
    text += f'<bpmn:scriptTask id="Script_stuck" name="Stuck" scriptFormat="python"><bpmn:script>x = {code}'
    text += "</bpmn:script></bpmn:scriptTask>\n"
    text += '<bpmn:endEvent id="EndEvent" name="End" />\n'
    text += f'<bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent" targetRef="{first}" />\n'
    if before:
        text += '<bpmn:sequenceFlow id="Flow_2" sourceRef="Before" targetRef="Script_stuck" />\n'
    text += '<bpmn:sequenceFlow id="Flow_3" sourceRef="Script_stuck" targetRef="EndEvent" />\n'
    return text + "</bpmn:process>\n</bpmn:definitions>\n"


def conditioned(key: str, condition: str) -> str:
    """Start → a gateway whose one condition is ``condition`` (its default goes to the end) → end."""
    text = HEAD.format(key=key)
    text += '<bpmn:exclusiveGateway id="Gateway_stuck" name="Stuck?" default="Flow_2" />\n'
    text += '<bpmn:endEvent id="EndEvent" name="End" />\n'
    text += '<bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent" targetRef="Gateway_stuck" />\n'
    text += '<bpmn:sequenceFlow id="Flow_2" sourceRef="Gateway_stuck" targetRef="EndEvent" />\n'
    text += '<bpmn:sequenceFlow id="Flow_3" sourceRef="Gateway_stuck" targetRef="EndEvent">'
    text += f'<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}'
    text += "</bpmn:conditionExpression></bpmn:sequenceFlow>\n"
    return text + "</bpmn:process>\n</bpmn:definitions>\n"


TIMER = (
    '<bpmn:intermediateCatchEvent id="Before" name="A day later"><bpmn:timerEventDefinition>'
    '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">"P1D"</bpmn:timeDuration>'
    "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>\n"
)

DIAGRAMS = {
    "hash_of_shared_tuples": scripted("hash_of_shared_tuples", HASH_OF_SHARED_TUPLES),
    "sum_of_lists": scripted("sum_of_lists", SUM_OF_LISTS),
    "gigabyte_of_padding": scripted("gigabyte_of_padding", GIGABYTE_OF_PADDING),
    "hash_in_a_condition": conditioned("hash_in_a_condition", f"{HASH_OF_SHARED_TUPLES} == 0"),
    "hash_after_a_timer": scripted("hash_after_a_timer", HASH_OF_SHARED_TUPLES, before=TIMER),
    "quick_script": scripted("quick_script", "1 + 1"),
}


class HealthWatch:
    """Asks ``/healthz`` every 0.1 s in a thread and keeps the slowest answer's time."""

    def __init__(self, server: RunningServer):
        self.server, self.slowest, self.failures = server, 0.0, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                status, _, _ = self.server.call("GET", "/healthz", timeout=5)
                if status != 200:
                    self.failures.append(status)
            except OSError as error:
                self.failures.append(repr(error))
            self.slowest = max(self.slowest, time.monotonic() - started)
            self._stop.wait(0.1)

    def __enter__(self) -> HealthWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    processes = tmp_path_factory.mktemp("c_call_processes")
    for key, text in DIAGRAMS.items():
        (processes / f"{key}.bpmn").write_text(text)
    with RunningServer(
        tmp_path_factory.mktemp("c_calls"),
        tokens=TOKENS,
        processes=Path(processes),
        clock="adjustable@2026-12-02T08:00:00+00:00",
        env={"KANTA_TIMER_INTERVAL": "0.2"},
    ) as running:
        # The first script of a worker starts its evaluator; that is not what the tests time.
        assert start(running, "quick_script")[0] == 201
        yield running


def start(server: RunningServer, key: str) -> tuple[int, dict]:
    status, _, body = server.call(
        "POST", "/api/v1/process-instances", token=INTEGRATOR_TOKEN, json_body={"process_key": key}
    )
    return status, body


@pytest.mark.parametrize(
    ("key", "element_id", "says"),
    [
        ("hash_of_shared_tuples", "Script_stuck", "time limit of 2 s"),
        ("sum_of_lists", "Script_stuck", "time limit of 2 s"),
        ("gigabyte_of_padding", "Script_stuck", "memory limit of 512 MiB"),
        ("hash_in_a_condition", "Gateway_stuck", "time limit of 2 s"),
    ],
)
def test_a_single_c_call_that_would_hold_the_worker_is_stopped_within_seconds(server, key, element_id, says):
    with HealthWatch(server) as health:
        started = time.monotonic()
        status, problem = start(server, key)
        took = time.monotonic() - started

    assert status == 422, problem
    assert problem["type"].endswith("/script-failure"), problem
    assert problem["element_id"] == element_id
    assert says in problem["detail"]
    assert took < 6
    assert health.failures == [] and health.slowest < 1.0, (health.failures, health.slowest)
    # The worker goes on: the next script runs in a fresh evaluator.
    assert start(server, "quick_script")[0] == 201
    status, _, listed = server.call("GET", f"/api/v1/process-instances?process_key={key}", token=ADMIN_TOKEN)
    assert (status, listed["total"]) == (200, 0)  # nothing of the refused start is stored


def test_a_timer_whose_script_never_returns_gets_an_incident_and_the_server_keeps_answering(server):
    status, instance = start(server, "hash_after_a_timer")
    assert (status, instance["status"]) == (201, "running")

    with HealthWatch(server) as health:
        moved, _, _ = server.call(
            "POST", "/api/v1/clock/advance", token=ADMIN_TOKEN, json_body={"duration": "P1D"}
        )
        assert moved == 200
        deadline, incidents = time.monotonic() + 30, []
        while time.monotonic() < deadline and not incidents:
            path = f"/api/v1/incidents?instance_id={instance['id']}"
            incidents = server.call("GET", path, token=ADMIN_TOKEN)[2]["items"]
            time.sleep(0.2)

    assert health.failures == [] and health.slowest < 1.0, (health.failures, health.slowest)
    [incident] = incidents
    assert incident["element_id"] == "Script_stuck"
    assert "time limit of 2 s" in incident["message"]
    _, _, stored = server.call("GET", f"/api/v1/process-instances/{instance['id']}", token=ADMIN_TOKEN)
    assert stored["status"] == "error"
    assert stored["error"]["type"] == "script-timeout", stored["error"]
