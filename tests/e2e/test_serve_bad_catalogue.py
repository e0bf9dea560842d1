"""A catalogue file with a problem never takes the service down: `serve` goes on serving the versions
deployed before, and names the failing file in its log and in /healthz until a clean folder deploys."""

from __future__ import annotations

from harness.server import DEFAULT_ADMIN_TOKEN, RunningServer

TOKEN = DEFAULT_ADMIN_TOKEN


def _diagram(key: str, task: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" '
        'targetNamespace="x">\n'
        f'<bpmn:process id="{key}" isExecutable="true">\n'
        '<bpmn:startEvent id="Begin" />\n'
        f"{task}\n"
        '<bpmn:endEvent id="Finish" />\n'
        '<bpmn:sequenceFlow id="Flow_1" sourceRef="Begin" targetRef="Element" />\n'
        '<bpmn:sequenceFlow id="Flow_2" sourceRef="Element" targetRef="Finish" />\n'
        "</bpmn:process>\n</bpmn:definitions>\n"
    )


def test_serve_keeps_the_last_good_versions_and_names_the_failing_file(tmp_path):
    processes, data = tmp_path / "processes", tmp_path / "data"
    processes.mkdir()
    good = _diagram("greeting", '<bpmn:manualTask id="Element" name="Greet" />')
    (processes / "greeting.bpmn").write_text(good)
    with RunningServer(data, processes=processes) as server:
        status, _, health = server.call("GET", "/healthz")
        assert (status, health["status"], health["definitions"]) == (200, "ok", 1)

    # The analyst's next edit breaks the file: a task calling code.
    (processes / "greeting.bpmn").write_text(_diagram("greeting", '<bpmn:serviceTask id="Element" />'))
    with RunningServer(data, processes=processes) as server:
        status, _, health = server.call("GET", "/healthz")
        assert (status, health["status"], health["definitions"]) == (200, "degraded", 1)
        assert health["catalogue"]["files"] == ["greeting.bpmn"]
        [problem] = health["catalogue"]["problems"]
        assert (problem["file"], problem["line"], problem["element_id"]) == ("greeting.bpmn", 5, "Element")
        assert "service task" in problem["message"]
        assert "greeting.bpmn:5: [Element] service task" in server.output()
        # the version deployed before still starts and runs to its task
        status, _, instance = server.call(
            "POST", "/api/v1/process-instances", json_body={"process_key": "greeting"}, token=TOKEN
        )
        assert status == 201, instance
        assert instance["definition_version"] == 1
        assert [task["element_id"] for task in instance["ready_tasks"]] == ["Element"]

    (processes / "greeting.bpmn").write_text(good.replace('name="Greet"', 'name="Greet them"'))
    with RunningServer(data, processes=processes) as server:
        status, _, health = server.call("GET", "/healthz")
        assert (status, health["status"]) == (200, "ok")
        assert "catalogue" not in health
        status, _, definition = server.call("GET", "/api/v1/process-definitions/greeting", token=TOKEN)
        assert definition["version"] == 2
