"""The definition catalogue: the diagrams, decision tables and forms of a deployment, checked and parsed.

A catalogue is built from files (a ``processes/`` folder on disk or an upload); every problem in any
of them is reported at once, with file, element id and line, and nothing is deployed while one remains.
Each executable process becomes a :class:`ProcessDefinition` whose ``content_hash`` covers everything
that can change how it runs or looks: its own file, the files of the processes it calls, its
decision tables and its forms.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from SpiffWorkflow.camunda.specs.user_task import UserTask
from SpiffWorkflow.exceptions import SpiffWorkflowException

from .problems import DefinitionInvalid, Problem
from .safe_xml import UnsafeXml, parse_xml
from .spiff import DiagramParser, Serializer
from .validation import check_catalogue

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
DIAGRAM_SUFFIXES = (".bpmn", ".dmn")
FORM_SUFFIX = ".json"


@dataclass(frozen=True)
class ProcessDefinition:
    key: str
    name: str
    documentation: str
    content_hash: str
    spec: str  # serialized spec and the specs of the processes it calls
    main_file: str
    sources: dict[str, str]  # every diagram file the process draws on, as deployed
    forms: dict[str, dict]  # form key -> JSON Schema, for the user tasks of the process


def read_folder(root: Path) -> dict[str, bytes]:
    """Diagrams and forms under ``root``, keyed by their path relative to it."""
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and (path.suffix in DIAGRAM_SUFFIXES or path.suffix == FORM_SUFFIX):
            files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def build(files: Mapping[str, bytes], serializer: Serializer | None = None) -> dict[str, ProcessDefinition]:
    """Check and parse ``files``; return the definitions by process key or raise DefinitionInvalid."""
    trees, problems = {}, []
    for name, data in files.items():
        if name.endswith(DIAGRAM_SUFFIXES):
            try:
                trees[name] = parse_xml(data, name)
            except UnsafeXml as refused:
                problems.append(refused.problem)
    forms = {name: data for name, data in files.items() if name.endswith(FORM_SUFFIX)}
    problems += check_catalogue(trees, forms)
    if problems:
        raise DefinitionInvalid(problems)
    if not trees:
        raise DefinitionInvalid([Problem("(upload)", None, None, "no .bpmn or .dmn file was given")])
    return _parse(files, trees, forms, serializer or Serializer())


def _parse(files, trees, forms, serializer) -> dict[str, ProcessDefinition]:
    parser = DiagramParser()
    problems = []
    for name, tree in trees.items():
        try:
            if tree.getroot().tag.startswith(f"{{{BPMN_NS}}}"):
                parser.add_bpmn_xml(tree, filename=name)
            else:
                parser.add_dmn_xml(tree.getroot(), filename=name)
        except SpiffWorkflowException as error:
            problems.append(_problem_from_spiff(error, name, trees))
    definitions = {}
    if not problems:
        for key in parser.get_process_ids():
            try:
                definitions[key] = _definition(parser, key, files, forms, serializer)
            except SpiffWorkflowException as error:
                problems.append(_problem_from_spiff(error, parser.get_process_parser(key).filename, trees))
    if problems:
        raise DefinitionInvalid(problems)
    return definitions


def _definition(parser, key, files, forms, serializer) -> ProcessDefinition:
    process_parser = parser.get_process_parser(key)
    spec = parser.get_spec(key)
    subprocess_specs = parser.get_subprocess_specs(key)
    specs = [spec, *subprocess_specs.values()]
    used_files = {parser.get_process_parser(s.name).filename for s in specs}
    used_files |= {
        parser.dmn_parsers[task_spec.decision_table.id].filename
        for s in specs
        for task_spec in s.task_specs.values()
        if hasattr(task_spec, "decision_table") and task_spec.decision_table.id in parser.dmn_parsers
    }
    used_forms = {
        task_spec.form.key: json.loads(forms[task_spec.form.key])
        for s in specs
        for task_spec in s.task_specs.values()
        if isinstance(task_spec, UserTask) and task_spec.form.key
    }
    sources = {name: files[name].decode("utf-8") for name in sorted(used_files)}
    spec_text = serializer.dump_spec(spec, subprocess_specs)
    digest = hashlib.sha256()
    for part in (spec_text, json.dumps(sources, sort_keys=True), json.dumps(used_forms, sort_keys=True)):
        digest.update(part.encode())
    return ProcessDefinition(
        key=key,
        name=process_parser.get_name() or key,
        documentation=_documentation(process_parser.node),
        content_hash=digest.hexdigest(),
        spec=spec_text,
        main_file=process_parser.filename,
        sources=sources,
        forms=used_forms,
    )


def _documentation(node) -> str:
    texts = node.findall(f"{{{BPMN_NS}}}documentation")
    return "\n\n".join((t.text or "").strip() for t in texts).strip()


def _problem_from_spiff(error: SpiffWorkflowException, default_file: str, trees) -> Problem:
    """SpiffWorkflow names the element but not its line: find the line in the file it came from."""
    file = getattr(error, "file_name", "") or default_file
    element_id = getattr(error, "id", "") or None
    line = None
    tree = trees.get(file)
    if tree is not None and element_id:
        found = tree.getroot().xpath("//*[@id=$id]", id=element_id)
        line = found[0].sourceline if found else None
    message = str(error.args[0]) if error.args else str(error)
    return Problem(file, line, element_id, message)


def problems_in(files: Mapping[str, bytes]) -> list[Problem]:
    """Every problem that would stop ``files`` from being deployed (an empty list when none)."""
    try:
        build(files)
    except DefinitionInvalid as invalid:
        return invalid.problems
    return []
