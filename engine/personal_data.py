"""Personal data: form fields a form marks ``"x-personal-data": true`` are shown only to whom needs them, and
every read of an instance's or a task's data is written to the usage log (the Client Data Act, 703/2023,
asks who used a client's data, when and why).

A personal field is shown to a party whose lane saw it: a lane one of whose tasks has a form with that
field (it gave the value, or was asked about it). Viewers never see it; admin and analyst, who answer for
the service, do. A field not shown is replaced by ``MASK``.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .bpmn import LoadedDefinition, form_lanes
from .clock import now
from .parties import lane_name

KEYWORD = "x-personal-data"
MASK = "***"


@dataclass(frozen=True)
class Reader:
    """Who reads an instance's data and why: the audit trail's actor, the party it acts for (None: every
    party's), whether its role sees personal data at all, and the endpoint it read through."""

    actor: str
    party: str | None
    sees_personal_data: bool
    purpose: str


def seen_by(definition: LoadedDefinition) -> dict[str, set[str | None]]:
    """Personal field -> the lanes whose tasks' forms have it (worked out once per definition version: every
    answer that shows an instance asks)."""
    found = _SEEN_BY.get(definition)
    if found is None:
        found = _SEEN_BY[definition] = _seen_by(definition)
    return found


_SEEN_BY: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _seen_by(definition: LoadedDefinition) -> dict[str, set[str | None]]:
    fields_of = {key: _fields(form) for key, form in definition.forms.items()}
    personal = {name for fields in fields_of.values() for name, marked in fields.items() if marked}
    lanes: dict[str, set[str | None]] = {name: set() for name in personal}
    for key, lane in form_lanes(definition):
        for name in personal & set(fields_of.get(key, {})):
            lanes[name].add(lane)
    return lanes


def hidden(definition: LoadedDefinition, parties: Mapping[str, str], reader: Reader | None) -> set[str]:
    """The personal fields ``reader`` may not see in an instance whose lanes ``parties`` play."""
    if reader is None:
        return set()
    lanes = seen_by(definition)
    if not reader.sees_personal_data:
        return set(lanes)
    if reader.party is None:
        return set()
    # a lane played for a called process (engine/parties.py) shows the fields of the lane of that name
    played = {lane_name(lane) for lane, party in parties.items() if party == reader.party}
    return {name for name, seen in lanes.items() if not seen & played}


def masked(values: Mapping | None, hide: Iterable[str]) -> dict | None:
    if values is None:
        return None
    hide = set(hide)
    return {name: MASK if name in hide else value for name, value in values.items()}


def _fields(form) -> dict[str, bool]:
    """A form's fields, each with whether it is marked personal."""
    if isinstance(form, str):
        form = json.loads(form)
    properties = form.get("properties") if isinstance(form, dict) else None
    if not isinstance(properties, dict):
        return {}
    return {
        name: isinstance(schema, dict) and schema.get(KEYWORD) is True for name, schema in properties.items()
    }


def log_read(
    store, reader: Reader | None, instance_id: str, shown: Iterable[str], hide: Iterable[str]
) -> None:
    """Write one read of ``instance_id``'s data to the usage log (nothing for an engine-internal read)."""
    if reader is None:
        return
    shown, hide = set(shown), set(hide)
    store.log_usage(
        {
            "at": now(),
            "actor": reader.actor,
            "party": reader.party,
            "instance_id": instance_id,
            "fields": sorted(shown - hide),
            "masked": sorted(shown & hide),
            "purpose": reader.purpose[:300],
        }
    )
