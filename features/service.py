"""What the features talk to: the real service over HTTP, as the parties of an onboarding call it.

The features never reach into the engine or the database; they see what an integrator sees.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from harness.catalogue import changed_copy
from harness.server import RunningServer

ROOT = Path(__file__).resolve().parent.parent
HELSINKI = ZoneInfo("Europe/Helsinki")
# The day the features' world begins: a Monday morning in Helsinki. Every scenario moves on from where
# the previous one left the clock, so the features speak of time relative to "today" (tänään).
WORLD_STARTS = "2026-01-05T09:00:00+02:00"

# The parties of an onboarding, as the features name them (Finnish) → the lane they act in (as the diagrams
# name their lanes) and the token they call the service with (an integrator each; the clock is admin's).
PARTIES = {
    "palvelunantaja": ("Palvelunantaja", "palvelunantaja"),
    "järjestelmätoimittaja": ("Järjestelmätoimittaja", "jarjestelmatoimittaja"),
    "Kela": ("Kela", "kela"),
    "THL": ("THL", "thl"),
    "hyvinvointialue": ("Hyvinvointialue", "hyvinvointialue"),
    "Kanta-välittäjä": ("Kanta-välittäjä", "kanta-valittaja"),
}
CLOCK_TOKEN = "tok-testikello-0123456789abcdef0123456789"


def migrating_at_every_step() -> bool:
    """KANTA_FEATURE_MIGRATE=1: every process also gets a changed copy as a new version, and before each
    check after an action the instance moves to the other version, so every wait state the features reach
    is migrated and then checked (tests/integration/test_features_migrate.py runs them so)."""
    return os.environ.get("KANTA_FEATURE_MIGRATE") == "1"


def processes_dir() -> Path:
    """The catalogue the features run against: ``processes/``, or a copy named by KANTA_FEATURE_PROCESSES."""
    return Path(os.environ.get("KANTA_FEATURE_PROCESSES", ROOT / "processes"))


def token_of(party: str) -> str:
    if party not in PARTIES:
        raise AssertionError(f'unknown party "{party}"; the features know {", ".join(PARTIES)}')
    # the service refuses a token shorter than 32 characters
    return f"tok-{PARTIES[party][1]}-0123456789abcdef0123456789"


TOKENS = ",".join(
    [f"integrator:{name}:{token_of(party)}" for party, (_, name) in PARTIES.items()]
    + [f"admin:testikello:{CLOCK_TOKEN}"]
)


def lane_of(party: str) -> str:
    token_of(party)
    return PARTIES[party][0]


class ServiceError(AssertionError):
    """The service answered something the feature did not expect."""


@dataclass
class Service:
    """The running service and the calls the steps make to it."""

    server: RunningServer
    # process key → its two versions (as deployed, changed copy) when migrating at every step
    versions: dict[str, tuple[int, int]] = field(default_factory=dict)
    moves: int = 0

    def deploy_changed_copies(self) -> None:
        """Deploy every diagram again with each element's documentation changed: a new version of every
        process whose elements all differ from the first (so a migration compares real changes)."""
        files = changed_copy(processes_dir())
        status, _, answer = self.server.upload("/api/v1/process-definitions", files, token=CLOCK_TOKEN)
        if status != 201:
            raise ServiceError(f"the changed copies were not deployed ({status}): {answer}")
        for deployed in answer["deployed"]:
            self.versions[deployed["process_key"]] = (deployed["version"] - 1, deployed["version"])

    def move_to_other_version(self, instance: dict) -> None:
        """Migrate a running instance to the other of its process's two versions; it must move."""
        if instance.get("status") != "running" or instance["process_key"] not in self.versions:
            return
        first, copy = self.versions[instance["process_key"]]
        now_on = instance["definition_version"]
        body = {
            "process_key": instance["process_key"],
            "from_version": now_on,
            "to_version": first if now_on == copy else copy,
            "instance_ids": [instance["id"]],
        }
        outcome = self.call("POST", "/migrations", body=body)
        if outcome["refused"]:
            raise ServiceError(f"the instance could not move to the other version: {outcome['refused']}")
        self.moves += 1

    def call(self, method: str, path: str, *, party: str | None = None, body=None, expect=(200,)):
        token = CLOCK_TOKEN if party is None else token_of(party)
        status, _, answer = self.server.call(method, "/api/v1" + path, token=token, json_body=body)
        if status not in expect:
            raise ServiceError(f"{method} {path} answered {status} (expected {expect}): {answer}")
        return answer

    def now(self) -> datetime:
        return datetime.fromisoformat(self.call("GET", "/clock")["now"]).astimezone(HELSINKI)

    def today(self) -> date:
        return self.now().date()

    def advance_clock(self, duration: str) -> dict:
        return self.call("POST", "/clock/advance", body={"duration": duration})

    def process_key_named(self, name: str) -> str:
        definitions = self.call("GET", "/process-definitions")
        for definition in definitions:
            if definition["name"] == name:
                return definition["process_key"]
        known = ", ".join(f'"{d["name"]}"' for d in definitions)
        raise ServiceError(f'no process is named "{name}"; the catalogue has {known}')


@dataclass
class Onboarding:
    """One scenario's process instance and what the steps learnt of it."""

    service: Service
    instance_id: str | None = None
    _state: dict = field(default_factory=dict, repr=False)
    refusal: dict | None = None
    unchecked: str | None = None  # the last action, until a check has looked at where the instance stands
    to_move: bool = False  # migrating at every step: an action happened since the instance last moved
    started: dict[str, str] = field(default_factory=dict)  # business key → instance id, for several at once

    def acted(self, what: str) -> None:
        if self.unchecked is not None:
            raise AssertionError(
                f'after "{self.unchecked}" the scenario must check where the process stands before "{what}"'
            )
        self.unchecked, self.refusal = what, None

    def checked(self) -> None:
        self.unchecked = None

    @property
    def state(self) -> dict:
        """The instance as the service last answered it."""
        return self._state

    @state.setter
    def state(self, answer: dict) -> None:
        """An action's answer: the instance moved on (and moves to the other version before it is next read,
        when migrating at every step)."""
        self._state = answer
        self.to_move = bool(self.service.versions)

    def refresh(self) -> dict:
        path = f"/process-instances/{self.required_id()}"
        answer = self.service.call("GET", path)
        if self.to_move:
            self.to_move = False
            self.service.move_to_other_version(answer)
            answer = self.service.call("GET", path)
        self._state = answer
        return answer

    def required_id(self) -> str:
        if self.instance_id is None:
            raise AssertionError("the scenario has not started a process yet")
        return self.instance_id

    def history(self) -> list[dict]:
        return self.service.call("GET", f"/process-instances/{self.required_id()}/history")

    def ready_task_named(self, name: str) -> dict:
        matching = [t for t in self.refresh()["ready_tasks"] if t["name"] == name]
        if len(matching) != 1:
            ready = sorted(t["name"] for t in self.state["ready_tasks"])
            raise AssertionError(f'expected one open task "{name}", the open tasks are {ready}')
        return matching[0]

    def external_task_named(self, name: str) -> dict:
        """The one service task of this instance named ``name`` that waits for a worker."""
        page = self.service.call("GET", f"/external-tasks?instance_id={self.required_id()}")
        matching = [t for t in page["items"] if t["name"] == name]
        if len(matching) != 1:
            waiting = sorted(t["name"] for t in page["items"])
            raise AssertionError(
                f'expected one service task "{name}" waiting, the waiting ones are {waiting}'
            )
        return matching[0]

    def completed_elements(self) -> list[dict]:
        return [e for e in self.history() if e["kind"] == "element_completed"]


_RELATIVE_DAY = re.compile(r"^tänään(?:\s*([+-])\s*(\d+)\s*(päivä|päivää|viikko|viikkoa))?$")


def value_of(cell: str, today: date):
    """A data-table cell as the form gets it.

    ``kyllä``/``ei`` are true/false; ``tänään``, ``tänään + 14 päivää``, ``tänään - 2 viikkoa`` are ISO dates
    counted from the service's own clock; JSON literals (numbers, ``"quoted text"``, ``["lists"]``) are
    themselves; anything else is the text as written.
    """
    text = cell.strip()
    if text in ("kyllä", "ei"):
        return text == "kyllä"
    relative = _RELATIVE_DAY.match(text)
    if relative:
        sign, amount, unit = relative.groups()
        days = int(amount or 0) * (7 if (unit or "").startswith("viikko") else 1)
        return (today + timedelta(days=-days if sign == "-" else days)).isoformat()
    if text[:1] in '"[{' or re.fullmatch(r"-?(0|[1-9]\d*)(\.\d+)?", text):
        return json.loads(text)
    return text


def form_data(datatable: list[list[str]] | None, today: date) -> dict:
    """A two-column data table (field | value; a header row ``kenttä | arvo`` is skipped) as form data."""
    rows = [row for row in datatable or [] if [c.strip() for c in row] != ["kenttä", "arvo"]]
    for row in rows:
        if len(row) != 2:
            raise AssertionError(f"a data table row has two cells, field and value: {row}")
    return {name.strip(): value_of(value, today) for name, value in rows}
