"""No diagram holds a worker or fills the store: each of the engine's limits stops what goes past it,
quickly, names the bound, and leaves nothing of a refused request behind; a timer that fails puts only its
own instance in error, and every other due timer still fires."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from engine import Engine, InvalidData, ScriptFailure
from engine.limits import Limits

ACTOR = "integrator:test"
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_{key}" '
    'targetNamespace="http://bpmn.io/schema/bpmn">\n'
    '<bpmn:process id="{key}" name="{key}" isExecutable="true">\n'
    '<bpmn:startEvent id="StartEvent" name="Start" />\n'
)


def with_start_variables(diagram: bytes, names: str) -> bytes:
    """``diagram`` whose start event says the start passes ``names`` (comma-separated)."""
    start = (
        '<bpmn:startEvent id="StartEvent" name="Start"><bpmn:extensionElements><camunda:properties>'
        f'<camunda:property name="start-variable" value="{names}" />'
        "</camunda:properties></bpmn:extensionElements></bpmn:startEvent>"
    )
    text = diagram.decode().replace('<bpmn:startEvent id="StartEvent" name="Start" />', start, 1)
    namespace = 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
    if namespace not in text:
        text = text.replace("<bpmn:definitions ", f"<bpmn:definitions {namespace}", 1)
    return text.encode()


def diagram(key: str, nodes: str, flows: list[tuple[str, str, str]]) -> bytes:
    """A process of ``nodes`` joined by ``flows`` (source, target, condition or "")."""
    text = HEAD.format(key=key) + nodes + '<bpmn:endEvent id="EndEvent" name="End" />\n'
    for number, (source, target, condition) in enumerate(flows, start=1):
        text += f'<bpmn:sequenceFlow id="Flow_{number}" sourceRef="{source}" targetRef="{target}"'
        if condition:
            text += (
                f'><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}'
                "</bpmn:conditionExpression></bpmn:sequenceFlow>\n"
            )
        else:
            text += " />\n"
    return (text + "</bpmn:process>\n</bpmn:definitions>\n").encode()


def script(element_id: str, code: str, extra: str = "") -> str:
    return f'<bpmn:scriptTask id="{element_id}" name="{element_id}" scriptFormat="python">{extra}<bpmn:script>{code}</bpmn:script></bpmn:scriptTask>\n'  # noqa: E501


def timer(element_id: str, duration: str) -> str:
    return (
        f'<bpmn:intermediateCatchEvent id="{element_id}" name="{element_id}"><bpmn:timerEventDefinition>'
        f'<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">"{duration}"</bpmn:timeDuration>'
        "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>\n"
    )


@pytest.fixture
def limited(database_url, clock):
    limits = Limits(engine_steps=200, tasks=500, state_bytes=1_000_000, variable_depth=32)
    running = Engine(database_url, clock_source=clock, limits=limits)
    yield running
    running.close()


def refused_quickly(engine: Engine, key: str, files: dict[str, bytes]) -> ScriptFailure:
    engine.deploy(files, actor="analyst:test")
    started = time.monotonic()
    with pytest.raises(ScriptFailure) as refused:
        engine.start_instance(key, actor=ACTOR)
    assert time.monotonic() - started < 5
    assert engine.list_instances(process_key=key).total == 0  # nothing of the refused start is stored
    return refused.value


def test_a_loop_that_never_waits_is_stopped_at_the_step_limit(limited):
    nodes = script("Script_count", "count = count + 1")
    nodes += '<bpmn:exclusiveGateway id="Gateway_again" name="Again?" default="Flow_4" />\n'
    flows = [
        ("StartEvent", "Script_zero", ""),
        ("Script_zero", "Script_count", ""),
        ("Script_count", "Gateway_again", ""),
        ("Gateway_again", "EndEvent", ""),
        ("Gateway_again", "Script_count", "count &lt; 10**9"),
    ]
    nodes += script("Script_zero", "count = 0")
    failure = refused_quickly(limited, "spin", {"spin.bpmn": diagram("spin", nodes, flows)})
    assert "more than 200 steps" in failure.message


def test_a_fan_out_beyond_the_task_limit_is_refused_before_its_tasks_are_made(limited):
    fan_out = (
        "<bpmn:multiInstanceLoopCharacteristics>"
        "<bpmn:loopCardinality>100000</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>"
    )
    nodes = script("Script_each", "done = True", fan_out)
    flows = [("StartEvent", "Script_each", ""), ("Script_each", "EndEvent", "")]
    failure = refused_quickly(limited, "fan_out", {"fan_out.bpmn": diagram("fan_out", nodes, flows)})
    assert failure.element_id == "Script_each"
    assert "100000 instances of it would be more than 500 tasks" in failure.message


def test_a_timer_longer_than_a_century_is_refused(limited):
    nodes = timer("Timer_forever", "P999999999Y")
    flows = [("StartEvent", "Timer_forever", ""), ("Timer_forever", "EndEvent", "")]
    failure = refused_quickly(limited, "forever", {"forever.bpmn": diagram("forever", nodes, flows)})
    assert "longer than 100 years" in failure.message


def test_a_value_no_json_holds_is_refused_for_a_caller(limited):
    nodes = script("Script_fee", 'fee = Decimal("1.50")')
    flows = [("StartEvent", "Script_fee", ""), ("Script_fee", "EndEvent", "")]
    failure = refused_quickly(limited, "fee", {"fee.bpmn": diagram("fee", nodes, flows)})
    assert failure.element_id == "Script_fee"
    assert "can not be stored" in failure.message and "Decimal" in failure.message


def test_data_over_the_size_limit_is_refused(limited):
    nodes = script("Script_big", "big = [0] * 10**6")
    flows = [("StartEvent", "Script_big", ""), ("Script_big", "EndEvent", "")]
    failure = refused_quickly(limited, "big", {"big.bpmn": diagram("big", nodes, flows)})
    assert "over the limit of 1,000,000" in failure.message


def test_variables_nested_too_deep_are_refused_by_path(limited):
    plain = diagram("plain", "", [("StartEvent", "EndEvent", "")])
    limited.deploy({"plain.bpmn": plain}, actor="analyst:test")
    nested: dict = {}
    innermost = nested
    for _ in range(100_000):
        innermost["a"] = {}
        innermost = innermost["a"]
    with pytest.raises(InvalidData) as refused:
        limited.start_instance("plain", actor=ACTOR, variables={"deep": nested})
    [error] = refused.value.errors
    assert error.field == "/variables/deep" + "/a" * 31
    assert "32 levels" in error.message
    assert limited.list_instances(process_key="plain").total == 0


def test_one_failing_timer_puts_only_its_instance_in_error_and_is_not_retried(limited, clock):
    poisoned_nodes = timer("Timer_day", "P1D") + script("Script_fee", 'fee = Decimal("1.50")')
    poisoned_flows = [
        ("StartEvent", "Timer_day", ""),
        ("Timer_day", "Script_fee", ""),
        ("Script_fee", "EndEvent", ""),
    ]
    healthy_nodes = timer("Timer_two_days", "P2D") + script("Script_ok", "ok = True")
    healthy_flows = [
        ("StartEvent", "Timer_two_days", ""),
        ("Timer_two_days", "Script_ok", ""),
        ("Script_ok", "EndEvent", ""),
    ]
    limited.deploy(
        {
            "poisoned.bpmn": diagram("poisoned", poisoned_nodes, poisoned_flows),
            "healthy.bpmn": diagram("healthy", healthy_nodes, healthy_flows),
        },
        actor="analyst:test",
    )
    poisoned = limited.start_instance("poisoned", actor=ACTOR)
    healthy = limited.start_instance("healthy", actor=ACTOR)
    clock.advance(timedelta(days=3))

    moved = limited.fire_due_timers()
    assert set(moved) == {poisoned.id, healthy.id}
    assert limited.get_instance(healthy.id).status == "completed"
    failed = limited.get_instance(poisoned.id)
    assert failed.status == "error" and "can not be stored" in failed.error["message"]
    assert failed.error["type"] == "unstorable-value"
    assert (failed.pending_timers, failed.ready_tasks) == ([], [])
    assert [e.kind for e in limited.history(poisoned.id)][-1] == "instance_error"
    assert limited.fire_due_timers() == []  # the failed one is not tried again
