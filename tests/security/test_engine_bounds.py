"""What a diagram makes the engine do, through the real server: a process that calls itself, a loop longer
than SpiffWorkflow can follow, a DMN cell of 150,000 characters, data that would fill the store, a fan-out
of 100,000 tasks and variables nested 100,000 deep are each answered 422 within seconds, naming the bound,
with nothing stored, while ``/healthz`` answers within a second; the ones that reach the database on SQLite
and on PostgreSQL."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from harness.postgres import create_database
from harness.server import PROCESSES, RunningServer
from tests.integration.test_limits import diagram

from .conftest import ADMIN_TOKEN, ANALYST_TOKEN, INTEGRATOR_TOKEN, TOKENS
from .test_single_c_calls import TIMER, HealthWatch

DEPLOY = "/api/v1/process-definitions"


def process(key: str, nodes: str, flows: list[tuple[str, str, str]]) -> str:
    """Start → ``nodes`` joined by ``flows`` (source, target, condition or "") → EndEvent, as text."""
    return diagram(key, nodes, flows).decode()


def script(element_id: str, code: str, inside: str = "") -> str:
    return (
        f'<bpmn:scriptTask id="{element_id}" name="{element_id}" scriptFormat="python">{inside}'
        f"<bpmn:script>{code}</bpmn:script></bpmn:scriptTask>\n"
    )


def calling(key: str, called: str) -> str:
    call = f'<bpmn:callActivity id="Call_{called}" name="Call {called}" calledElement="{called}" />\n'
    return process(key, call, [("StartEvent", f"Call_{called}", ""), (f"Call_{called}", "EndEvent", "")])


LOOP = script("Script_zero", "count = 0") + script("Script_count", "count = count + 1")
LOOP += '<bpmn:exclusiveGateway id="Gateway_again" name="Again?" default="Flow_4" />\n'
FAN_OUT = (
    "<bpmn:multiInstanceLoopCharacteristics>"
    "<bpmn:loopCardinality>100000</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>"
)
DIAGRAMS = {
    "calls_itself": calling("calls_itself", "calls_itself"),
    "ping": calling("ping", "pong"),
    "pong": calling("pong", "ping"),
    "long_loop": process(
        "long_loop",
        LOOP,
        [
            ("StartEvent", "Script_zero", ""),
            ("Script_zero", "Script_count", ""),
            ("Script_count", "Gateway_again", ""),
            ("Gateway_again", "EndEvent", ""),  # Flow_4, the default
            ("Gateway_again", "Script_count", "count &lt; 600"),
        ],
    ),
    "amplified": process(
        "amplified",
        script("Script_big", "big = [[0] * 10**6] * 20"),
        [("StartEvent", "Script_big", ""), ("Script_big", "EndEvent", "")],
    ),
    "fan_out": process(
        "fan_out",
        script("Script_each", "done = True", FAN_OUT),
        [("StartEvent", "Script_each", ""), ("Script_each", "EndEvent", "")],
    ),
    "plain": process("plain", "", [("StartEvent", "EndEvent", "")]),
    "forever": process(
        "forever",
        '<bpmn:intermediateCatchEvent id="Timer_forever" name="Forever"><bpmn:timerEventDefinition>'
        '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">"P999999999Y"</bpmn:timeDuration>'
        "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>\n",
        [("StartEvent", "Timer_forever", ""), ("Timer_forever", "EndEvent", "")],
    ),
    "poisoned_timer": process(
        "poisoned_timer",
        TIMER + script("Script_fee", 'fee = Decimal("1.50")'),
        [("StartEvent", "Before", ""), ("Before", "Script_fee", ""), ("Script_fee", "EndEvent", "")],
    ),
    "healthy_timer": process(
        "healthy_timer",
        TIMER + script("Script_ok", "ok = True"),
        [("StartEvent", "Before", ""), ("Before", "Script_ok", ""), ("Script_ok", "EndEvent", "")],
    ),
}
for name, code in (("decimal", 'Decimal("1.50")'), ("range", "range(3)"), ("generator", "(n for n in [1])")):
    DIAGRAMS[f"unstorable_{name}"] = process(
        f"unstorable_{name}",
        script("Script_value", f"value = {code}"),
        [("StartEvent", "Script_value", ""), ("Script_value", "EndEvent", "")],
    )


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request, tmp_path_factory):
    processes = tmp_path_factory.mktemp("bounded_processes")
    for key, text in DIAGRAMS.items():
        (processes / f"{key}.bpmn").write_text(text)
    database_url = None
    if request.param == "postgres":
        database_url = create_database(request.getfixturevalue("postgres_server").url, "kanta_bounds")
    with RunningServer(
        tmp_path_factory.mktemp("bounds"),
        tokens=TOKENS,
        processes=Path(processes),
        database_url=database_url,
        clock="adjustable@2026-12-02T08:00:00+00:00",
        env={"KANTA_TIMER_INTERVAL": "0.2"},
    ) as running:
        yield running


def refused(server: RunningServer, key: str, variables: str = "{}", status: int = 422) -> dict:
    """Start ``key``: answers the problem (422 unless ``status`` says otherwise), checked to come within
    seconds with /healthz answering within a second meanwhile and nothing of the start stored."""
    with HealthWatch(server) as health:
        started = time.monotonic()
        answered, headers, problem = server.call(
            "POST",
            "/api/v1/process-instances",
            token=INTEGRATOR_TOKEN,
            body=f'{{"process_key": "{key}", "variables": {variables}}}'.encode(),
            headers={"Content-Type": "application/json"},
        )
        took = time.monotonic() - started
    assert (answered, headers["Content-Type"]) == (status, "application/problem+json"), problem
    assert took < 30, took
    assert health.failures == [] and health.slowest < 1.0, (health.failures, health.slowest)
    _, _, listed = server.call("GET", f"/api/v1/process-instances?process_key={key}", token=INTEGRATOR_TOKEN)
    assert listed["total"] == 0
    return problem


@pytest.mark.parametrize(
    ("key", "call_activity"), [("calls_itself", "Call_calls_itself"), ("ping", "Call_pong")]
)
def test_a_process_that_calls_itself_is_stopped_at_the_call_depth(server, key, call_activity):
    problem = refused(server, key)

    assert problem["type"].endswith("/script-failure")
    assert problem["element_id"] == call_activity
    assert "call activities nested more than 20 deep" in problem["detail"]


def test_a_loop_longer_than_the_engine_can_follow_is_an_error_never_completed(server):
    problem = refused(server, "long_loop")

    assert problem["element_id"] in ("Gateway_again", "Script_count")
    assert "more than 900 steps along one path" in problem["detail"]


def test_shared_lists_that_would_fill_the_store_are_refused(server):
    problem = refused(server, "amplified")

    assert problem["element_id"] == "Script_big"
    assert "over the limit of 5,000,000" in problem["detail"]


def test_a_fan_out_of_100000_tasks_is_refused_before_its_tasks_are_made(server):
    problem = refused(server, "fan_out")

    assert problem["element_id"] == "Script_each"
    assert "would be more than 10000 tasks" in problem["detail"]


def test_variables_nested_100000_deep_are_refused_naming_where(server):
    nested = '{"a": ' * 100_000 + "{}" + "}" * 100_000  # written out: no client library encodes it

    problem = refused(server, "plain", f'{{"deep": {nested}}}', status=400)

    assert problem["type"].endswith("/invalid-request")
    assert "nested deeper than 32 levels" in problem["detail"]


def test_a_dmn_cell_of_150000_characters_is_refused_within_seconds(server):
    dmn = (
        (PROCESSES / "obligation.dmn")
        .read_text()
        .replace("<text>True</text>", f"<text>{'?' * 150_000}</text>")
    )
    files = {
        "decision.bpmn": (PROCESSES / "decision.bpmn").read_bytes(),
        "obligation.dmn": dmn.encode(),
    }
    with HealthWatch(server) as health:
        started = time.monotonic()
        status, _, problem = server.upload(DEPLOY, files, token=ANALYST_TOKEN)
        took = time.monotonic() - started

    assert status == 422, problem
    assert "obligation.dmn" in problem["detail"]
    assert took < 10, took
    assert health.failures == [] and health.slowest < 1.0, (health.failures, health.slowest)


def test_a_timer_longer_than_a_century_is_refused(server):
    problem = refused(server, "forever")

    assert problem["element_id"] == "Timer_forever"
    assert "longer than 100 years" in problem["detail"]


def test_moving_the_clock_by_a_billion_years_is_refused(server):
    with HealthWatch(server) as health:
        status, _, problem = server.call(
            "POST", "/api/v1/clock/advance", token=ADMIN_TOKEN, json_body={"duration": "P999999999Y"}
        )

    assert status == 422, problem
    assert "100 years" in json.dumps(problem)
    assert health.failures == [] and health.slowest < 1.0, (health.failures, health.slowest)


@pytest.mark.parametrize(
    ("name", "kind"), [("decimal", "Decimal"), ("range", "range"), ("generator", "generator")]
)
def test_a_script_value_no_json_holds_is_refused_naming_it(server, name, kind):
    problem = refused(server, f"unstorable_{name}")

    assert problem["element_id"] == "Script_value"
    assert "can not be stored" in problem["detail"] and kind in problem["detail"]


def test_a_failing_timer_puts_only_its_instance_in_error_and_every_other_due_timer_fires(server):
    ids = {}
    for key in ("poisoned_timer", "healthy_timer", "healthy_timer"):
        status, _, started = server.call(
            "POST", "/api/v1/process-instances", token=INTEGRATOR_TOKEN, json_body={"process_key": key}
        )
        assert status == 201, started
        ids.setdefault(key, []).append(started["id"])

    with HealthWatch(server) as health:
        moved, _, _ = server.call(
            "POST", "/api/v1/clock/advance", token=ADMIN_TOKEN, json_body={"duration": "P1D"}
        )
        assert moved == 200
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            statuses = {
                instance_id: server.call(
                    "GET", f"/api/v1/process-instances/{instance_id}", token=ADMIN_TOKEN
                )[2]["status"]
                for instance_id in ids["poisoned_timer"] + ids["healthy_timer"]
            }
            if "running" not in statuses.values():
                break
            time.sleep(0.2)

    assert [statuses[i] for i in ids["poisoned_timer"]] == ["error"]
    assert [statuses[i] for i in ids["healthy_timer"]] == ["completed", "completed"]
    [poisoned] = ids["poisoned_timer"]
    [incident] = server.call("GET", f"/api/v1/incidents?instance_id={poisoned}", token=ADMIN_TOKEN)[2][
        "items"
    ]
    assert incident["element_id"] == "Script_fee" and "Decimal" in incident["message"]
    assert health.failures == [] and health.slowest < 1.0, (health.failures, health.slowest)
