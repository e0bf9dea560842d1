"""`kanta-onboarding validate`: exit 0 on a sound catalogue, and file, line and element for each problem."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, PROCESSES

COMMAND = str(Path(sys.executable).parent / "kanta-onboarding")


def validate(*paths, cwd=None):
    return subprocess.run(
        [COMMAND, "validate", *map(str, paths)], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def test_a_sound_catalogue_passes():
    result = validate(PROCESSES)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: 10 diagram(s), 10 form(s) and 1 message schema(s)")


def test_a_broken_copy_names_file_line_and_element_of_each_problem(tmp_path):
    broken = tmp_path / "processes"
    shutil.copytree(PROCESSES, broken)
    parallel = broken / "parallel.bpmn"
    text = parallel.read_text()
    # The final check loses its form; the messages diagram loses a condition.
    parallel.write_text(
        text.replace('camunda:formKey="forms/done.json"', 'camunda:formKey="forms/gone.json"', 1)
    )
    messages = broken / "messages.bpmn"
    messages.write_text(
        re.sub(r"<bpmn:conditionExpression[^>]*>[^<]*</bpmn:conditionExpression>", "", messages.read_text())
    )

    result = validate(broken)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2, result.stdout
    form_line = _line_of(parallel, "forms/gone.json")
    flow_line = _line_of(messages, 'id="Flow_4"')
    by_file = {line.split(":")[0]: line for line in lines}
    assert re.match(
        rf"^{broken}/messages\.bpmn:{flow_line}: \[Flow_4\] .*condition", by_file[f"{broken}/messages.bpmn"]
    )
    assert re.match(
        rf"^{broken}/parallel\.bpmn:{form_line}: \[Task_\w+\] .*forms/gone\.json",
        by_file[f"{broken}/parallel.bpmn"],
    )


def test_one_file_is_checked_within_its_folder():
    result = validate(PROCESSES / "call_parent.bpmn")
    assert result.returncode == 0, result.stdout
    result = validate(FIXTURES / "broken" / "call_missing.bpmn")
    assert result.returncode == 1
    assert all("call_missing.bpmn" in line for line in result.stdout.strip().splitlines())
    assert "[Call_nowhere]" in result.stdout


def test_hostile_files_are_reported_not_crashed_on():
    result = validate(FIXTURES / "hostile")
    assert result.returncode == 1
    assert "external_entity.bpmn:2: a DOCTYPE declaration is not allowed" in result.stdout
    assert "import_os.bpmn:" in result.stdout and "[Script_import_os]" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_missing_path_is_an_error():
    result = validate("no/such/folder")
    assert result.returncode == 1
    assert "no such file or folder" in result.stderr


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle} not in {path}")


def _diagram(process_id: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://x">\n'
        f'<bpmn:process id="{process_id}" isExecutable="true">\n'
        '<bpmn:startEvent id="Begin" />\n'
        f"{body}\n"
        '<bpmn:endEvent id="Finish" />\n'
        '<bpmn:sequenceFlow id="Flow_1" sourceRef="Begin" targetRef="Element" />\n'
        '<bpmn:sequenceFlow id="Flow_2" sourceRef="Element" targetRef="Finish" />\n'
        "</bpmn:process>\n</bpmn:definitions>\n"
    )


def test_one_file_is_checked_fully_even_when_a_file_beside_it_has_a_problem(tmp_path):
    # Only SpiffWorkflow finds this file's fault; the problem of its neighbour once kept SpiffWorkflow from
    # reading it, and validate printed "ok".
    (tmp_path / "loop.bpmn").write_text(
        _diagram("loop", '<bpmn:task id="Element">\n<bpmn:multiInstanceLoopCharacteristics />\n</bpmn:task>')
    )
    (tmp_path / "neighbour.bpmn").write_text(_diagram("neighbour", '<bpmn:serviceTask id="Element" />'))

    result = validate(tmp_path / "loop.bpmn")
    assert result.returncode == 1, result.stdout
    assert result.stdout.startswith(f"{tmp_path}/loop.bpmn:5: [Element] A multiinstance task must specify")
    assert "neighbour.bpmn" not in result.stdout

    result = validate(tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path}/loop.bpmn:5: [Element]" in result.stdout
    assert f"{tmp_path}/neighbour.bpmn:5: [Element] service task" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_an_empty_catalogue_is_sound(tmp_path):
    result = validate(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: 0 diagram(s)")
