"""Who plays a lane: each lane's ``party`` entry is one the engine understands (engine/parties.py), a
``from:`` entry names a form field a user task of the diagram fills in or a field of the payload of the
message that starts its process (its contract, ``messages/<name>.json``), and a lane of one name says the
same in every diagram (an instance, its call activities' processes included, plays a lane once). A call
activity's ``party`` entry (on whose behalf its process runs) names a target of its own In mappings, and the
process it calls has a ``business-key`` lane for that party to play."""

from __future__ import annotations

import json
from collections.abc import Iterator

from lxml import etree

from ..parties import BUSINESS_KEY, FROM_FIELD, field_of, lane_rules_in, party_entry_of
from ..problems import Problem
from ..vocabulary import CAMUNDA_NS
from .diagram import Catalogue, at, bpmn_tag
from .messages import payload_fields, schema_key, start_message_of
from .reference_checks import did_you_mean

_HOW = f"write {BUSINESS_KEY}, {FROM_FIELD}<form field> or the party's Y-tunnus or OID"


def party_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    fields = _form_fields(root, catalogue) | _start_message_fields(root, catalogue)
    seen: set[str] = set()
    for lane, name, rule in lane_rules_in(root):
        what = f'lane "{name}"'
        if lane.get("id") in seen:
            yield at(file, lane, f"{what} has more than one party entry: keep one")
        seen.add(lane.get("id"))
        field = field_of(rule)
        if not rule:
            yield at(file, lane, f"{what} has an empty party entry: {_HOW}")
        elif field is not None and field not in fields:
            meant = did_you_mean(field, fields)
            yield at(
                file,
                lane,
                f'{what} is played by the party named in the form field "{field}", which no user '
                f"task's form in this diagram has{meant}",
            )
    yield from _call_party_problems(file, root, catalogue)


def _call_party_problems(file: str, root: etree._Element, catalogue: Catalogue) -> Iterator[Problem]:
    """A call activity's party entry the engine could not honour."""
    for call in root.iter(bpmn_tag("callActivity")):
        rule = party_entry_of(call)
        if rule is None:
            continue
        what = f'call activity "{call.get("name") or call.get("id")}"'
        field = field_of(rule)
        targets = sorted(
            node.get("target") or node.get("source")
            for node in call.iterfind(f"{{*}}extensionElements/{{{CAMUNDA_NS}}}in")
            if node.get("variables") != "all" and (node.get("target") or node.get("source"))
        )
        if not field:
            yield at(
                file,
                call,
                f'{what} has the party entry "{rule}": write {FROM_FIELD}<variable>, naming the variable '
                "one of its In mappings gives the called process, whose party then plays that process's "
                f"{BUSINESS_KEY} lanes",
            )
        elif field not in targets:
            given = ", ".join(targets) or "none"
            yield at(
                file,
                call,
                f'{what} runs its process on behalf of the party in "{field}", which none of its In mappings '
                f"gives the called process (their targets: {given}): add "
                f'<camunda:in source="…" target="{field}"/>',
            )
        elif not _has_business_key_lane(catalogue, call.get("calledElement")):
            yield at(
                file,
                call,
                f"{what} names the party its process runs on behalf of, but the process it calls, "
                f'"{call.get("calledElement")}", has no lane played by {BUSINESS_KEY}: there is nothing for '
                "that party to play",
            )


def _has_business_key_lane(catalogue: Catalogue, process_id: str | None) -> bool:
    """Whether the process ``process_id`` has a business-key lane (true when it is not in the catalogue:
    the check of called elements says so)."""
    for _, process in catalogue.processes():
        if process.get("id") == process_id:
            return any(rule == BUSINESS_KEY for _, _, rule in lane_rules_in(process))
    return True


def lane_agreement_problems(catalogue: Catalogue) -> Iterator[Problem]:
    """A lane of one name with different party entries in two diagrams."""
    first: dict[str, tuple[str, str]] = {}
    for file, root in catalogue.bpmn.items():
        for lane, name, rule in lane_rules_in(root):
            if name in first and first[name][1] != rule:
                other_file, other_rule = first[name]
                yield at(
                    file,
                    lane,
                    f'lane "{name}" is played by "{rule}" here and by "{other_rule}" in {other_file}: a lane '
                    "of one name is played by one party in an instance, so give both the same entry",
                )
            first.setdefault(name, (file, rule))


def _start_message_fields(root: etree._Element, catalogue: Catalogue) -> set[str]:
    """The fields of the payloads of the messages that start the diagram's processes: a message start puts
    its payload in the instance's variables, where a lane's party is read from as from a form's."""
    fields = set()
    for process in root.iter(bpmn_tag("process")):
        name = start_message_of(process)
        if name:
            fields |= payload_fields(catalogue, schema_key(name))
    return fields


def _form_fields(root: etree._Element, catalogue: Catalogue) -> set[str]:
    """The fields the user tasks of a diagram ask for: their forms' properties and Camunda form fields."""
    fields = set()
    for task in root.iter(bpmn_tag("userTask")):
        key = task.get(f"{{{CAMUNDA_NS}}}formKey")
        if key in catalogue.forms and not catalogue.form_fault(key):  # else its own check says what is wrong
            schema = json.loads(catalogue.forms[key])
            if isinstance(schema, dict) and isinstance(schema.get("properties"), dict):
                fields |= set(schema["properties"])
        fields |= {f.get("id") for f in task.iter(f"{{{CAMUNDA_NS}}}formField") if f.get("id")}
    return fields
