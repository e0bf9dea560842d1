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

from lxml import etree

from ..bpmn import ParsedProcess, Serializer, parse_processes, start_form_key
from ..problems import DefinitionInvalid, Problem
from ..vocabulary import BPMN_NS, CAMUNDA_NS
from .checks import check_catalogue
from .diagram import at
from .form_data import generated_forms
from .messages import schema_key, start_message_of, used_messages
from .safe_xml import UnsafeXml, parse_xml, xml_text

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
    forms: dict[str, dict]  # form key -> JSON Schema, for the user tasks and the messages of the process
    start_message: str | None = None  # the message a message start event of the process waits for


class Definitions(dict[str, ProcessDefinition]):
    """The definitions of a catalogue by process key, with the warnings its checks said (which deploy) and
    the parsed root of each diagram file, for what a deployment compares with the versions before it."""

    def __init__(
        self,
        definitions: Mapping[str, ProcessDefinition],
        warnings: list[Problem],
        roots: Mapping[str, etree._Element] | None = None,
    ):
        super().__init__(definitions)
        self.warnings = sorted(warnings)
        self.roots = dict(roots or {})


def read_folder(root: Path) -> dict[str, bytes]:
    """Diagrams and forms under ``root``, keyed by their path relative to it."""
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and (path.suffix in DIAGRAM_SUFFIXES or path.suffix == FORM_SUFFIX):
            files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def build(
    files: Mapping[str, bytes], serializer: Serializer | None = None, *, empty_is_valid: bool = False
) -> Definitions:
    """Check and parse ``files``; return the definitions by process key or raise DefinitionInvalid.

    Files that hold no executable process are refused ("nothing to deploy"), except no files at all when
    ``empty_is_valid`` (an empty catalogue folder: the service starts with nothing deployed)."""
    trees, texts, problems = {}, {}, []
    for name, data in files.items():
        if name.endswith(DIAGRAM_SUFFIXES):
            try:
                tree = parse_xml(data, name)
                texts[name] = xml_text(data, tree, name)
                trees[name] = tree
            except UnsafeXml as refused:
                problems.append(refused.problem)
    forms = {name: data for name, data in files.items() if name.endswith(FORM_SUFFIX)}
    checked = check_catalogue(trees, forms)
    warnings = [problem for problem in checked if problem.is_warning]
    problems += [problem for problem in checked if not problem.is_warning]
    # Camunda's form fields become JSON Schema forms beside those of forms/ (made, not uploaded).
    generated, faults = generated_forms({n: t.getroot() for n, t in trees.items()})
    forms |= generated
    forms |= _named_start_forms(trees, forms)
    problems += faults
    if not trees and not problems:
        if empty_is_valid:
            return Definitions({}, [])
        raise DefinitionInvalid([Problem("(upload)", None, None, "no .bpmn or .dmn file was given")])
    # SpiffWorkflow reads the files the checks found sound even when others have problems, so that every
    # file is checked fully (``validate FILE`` reports the faults of that file whatever its neighbours hold).
    flawed = _with_callers(frozenset(problem.file for problem in problems), trees)
    parsed, faults = parse_processes(trees, serializer or Serializer(), skip=flawed)
    problems += faults
    if not problems and not parsed:
        problems = _nothing_to_deploy(trees)
    if problems:
        raise DefinitionInvalid(problems + warnings)
    return Definitions(
        {key: _definition(process, texts, forms, trees) for key, process in parsed.items()},
        warnings,
        {name: tree.getroot() for name, tree in trees.items()},
    )


def _named_start_forms(trees: Mapping[str, etree._ElementTree], forms: Mapping[str, bytes]) -> dict:
    """The form a process's start event names with ``camunda:formKey``, kept where the start of an instance
    looks for its form (``start_form_key``): the variables an instance starts with must satisfy it, as a
    task's data must satisfy the task's form. A missing form is reported by the form checks."""
    named = {}
    for tree in trees.values():
        for process in tree.getroot().iter(f"{{{BPMN_NS}}}process"):
            for start in process.iterchildren(f"{{{BPMN_NS}}}startEvent"):
                key = start.get(f"{{{CAMUNDA_NS}}}formKey")
                if key and key in forms:
                    named[start_form_key(process.get("id"))] = forms[key]
    return named


def _with_callers(flawed: frozenset[str], trees: Mapping[str, etree._ElementTree]) -> frozenset[str]:
    """``flawed`` and the files that call a process of one of them: what fails there is reported there, not
    again as a consequence in every caller."""
    defined = {
        process.get("id"): name
        for name, tree in trees.items()
        for process in tree.getroot().iter(f"{{{BPMN_NS}}}process")
    }
    calls = {
        name: {
            defined.get(call.get("calledElement"))
            for call in tree.getroot().iter(f"{{{BPMN_NS}}}callActivity")
        }
        for name, tree in trees.items()
    }
    grown = set(flawed)
    while True:
        more = {name for name, called in calls.items() if name not in grown and called & grown}
        if not more:
            return frozenset(grown)
        grown |= more


def _nothing_to_deploy(trees: Mapping[str, etree._ElementTree]) -> list[Problem]:
    """Why files that passed every check still hold nothing to run, said where the analyst can change it."""
    problems = []
    for name, tree in trees.items():
        root = tree.getroot()
        processes = list(root.iterchildren(f"{{{BPMN_NS}}}process"))
        for process in processes:
            why = 'tick "Executable" for it in the modeler (isExecutable="true")'
            problems.append(
                at(
                    name,
                    process,
                    f'nothing to deploy: process "{process.get("id")}" is not executable: {why}',
                )
            )
        if not processes:
            what = (
                "a decision table is deployed with the diagram whose business rule task uses it: upload both"
            )
            if root.tag.startswith(f"{{{BPMN_NS}}}"):
                what = "the diagram has no process"
            problems.append(Problem(name, root.sourceline, root.get("id"), f"nothing to deploy: {what}"))
    return problems


def _definition(process: ParsedProcess, texts, forms, trees) -> ProcessDefinition:
    # The message contracts travel with the forms: stored with the version, covered by its hash.
    used = {schema_key(name) for file in process.files for name in used_messages(trees[file].getroot())}
    start_form = {start_form_key(process.key)} & set(forms)
    used_forms = {key: json.loads(forms[key]) for key in sorted(process.form_keys | used | start_form)}
    sources = {name: texts[name] for name in sorted(process.files)}
    digest = hashlib.sha256()
    for part in (process.spec, json.dumps(sources, sort_keys=True), json.dumps(used_forms, sort_keys=True)):
        digest.update(part.encode())
    return ProcessDefinition(
        key=process.key,
        name=process.name,
        documentation=_documentation(process.node),
        content_hash=digest.hexdigest(),
        spec=process.spec,
        main_file=process.main_file,
        sources=sources,
        forms=used_forms,
        start_message=start_message_of(process.node),
    )


def _documentation(node) -> str:
    texts = node.findall(f"{{{BPMN_NS}}}documentation")
    return "\n\n".join((t.text or "").strip() for t in texts).strip()


def warnings_in(files: Mapping[str, bytes]) -> list[Problem]:
    """The warnings of ``files``: what may be meant but often is not (a decision table's gap, a value only
    some paths write); they deploy."""
    return [problem for problem in problems_in(files) if problem.is_warning]


def problems_in(files: Mapping[str, bytes]) -> list[Problem]:
    """Every problem that would stop ``files``, a catalogue folder, from being deployed (none when empty),
    and the warnings that would not."""
    try:
        return build(files, empty_is_valid=True).warnings
    except DefinitionInvalid as invalid:
        return invalid.problems
