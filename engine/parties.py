"""Parties: the organisations that play the lanes of an instance, and what each may see and do.

A lane says who plays it with a ``camunda:properties`` entry ``party`` (Camunda Modeler: the lane's
"Extension properties"):

- ``business-key``: the organisation the instance is for, whose Y-tunnus (or OID) is its business key —
  the service provider;
- ``from:<form field>``: the organisation a task names in that form field (``from:vendor_business_id``),
  once the field has a value; a later value plays the lane in its place;
- anything else: that party itself, always (Kela's lane names Kela's Y-tunnus).

A call activity may say on whose behalf the process it calls runs, with the same entry (its "Extension
properties"): ``from:<variable>`` names a variable its In mappings give the called process (``business_id``,
say). The called process's ``business-key`` lanes — and those of the processes it calls in turn — are then
played by the party that variable holds, not by the caller's business key: a new joiner's joining inside an
organisational change is the new joiner's own work. Such a lane is bound under its own key,
``<lane> @<calling process>/<call activity>`` (``called_lane``; one instance of a multi-instance call adds its
item's index, ``…/Call_join_new_joiners[1]``), shown by its lane's name (``lane_name``).

A lane without the entry is played by nobody in particular: only a caller of no party (an admin) does
its work. An integrator of party P sees the instances P plays a lane of, does the tasks of P's lanes, sends
the messages whose catching event is in P's lane, and cancels only what P is the provider of.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from lxml import etree

from .vocabulary import BPMN_NS, CAMUNDA_NS

PROPERTY = "party"
BUSINESS_KEY = "business-key"
FROM_FIELD = "from:"
_PROPERTY_PATH = f"{{{BPMN_NS}}}extensionElements/{{{CAMUNDA_NS}}}properties/{{{CAMUNDA_NS}}}property"


CALLED_LANE = " @"  # between a lane's name and the call activity its called process runs on behalf of


def called_lane(lane: str, process_id: str, call_activity_id: str) -> str:
    """The key a lane of a called process is bound under when the call activity names its party."""
    return f"{lane}{CALLED_LANE}{process_id}/{call_activity_id}"


def lane_name(key: str) -> str:
    """The lane's name in the diagram, of a lane key (a called lane's key included)."""
    return key.split(CALLED_LANE, 1)[0]


def party_entry_of(element: etree._Element) -> str | None:
    """An element's ``party`` entry (a lane's: who plays it; a call activity's: on whose behalf the called
    process runs), if it has one."""
    for entry in element.iterfind(_PROPERTY_PATH):
        if entry.get("name") == PROPERTY:
            return (entry.get("value") or "").strip()
    return None


def lane_rules_in(root: etree._Element) -> Iterable[tuple[etree._Element, str, str]]:
    """(lane element, its name, its ``party`` entry) for every lane of a diagram that has one."""
    for lane in root.iter(f"{{{BPMN_NS}}}lane"):
        rule = party_entry_of(lane)
        if rule is not None:
            yield lane, lane.get("name") or lane.get("id"), rule


def lane_rules(root: etree._Element) -> dict[str, str]:
    """Lane name -> its ``party`` entry, over the lanes of a parsed diagram."""
    return {lane: rule for _, lane, rule in lane_rules_in(root)}


def field_of(rule: str) -> str | None:
    """The form field a ``from:`` rule names, else None."""
    return rule[len(FROM_FIELD) :].strip() if rule.startswith(FROM_FIELD) else None


def players(rules: Mapping[str, str], business_key: str | None, variables: Mapping) -> dict[str, str]:
    """Lane -> party, as the rules say for an instance with this business key and these variables."""
    played = {}
    for lane, rule in rules.items():
        field = field_of(rule)
        if rule == BUSINESS_KEY:
            party = business_key
        elif field is not None:
            value = variables.get(field)
            party = value.strip() if isinstance(value, str) else None
        else:
            party = rule
        if party:
            played[lane] = party
    return played


def may_play(rule: str | None, party: str, business_key: str | None) -> bool:
    """Whether ``party`` would play a lane of this rule in a new instance with ``business_key``."""
    return (rule == BUSINESS_KEY and business_key == party) or (
        rule is not None and rule != BUSINESS_KEY and field_of(rule) is None and rule == party
    )
