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
from harness.identity_provider import IdentityProvider
from harness.server import RunningServer

ROOT = Path(__file__).resolve().parent.parent
# A personal field (``x-personal-data``) is shown to the parties whose lanes' forms have it, and this to the
# others (README, Personal data and the usage log).
MASKED = "***"
HELSINKI = ZoneInfo("Europe/Helsinki")
# The day the features' world begins: a Monday morning in Helsinki. Every scenario moves on from where
# the previous one left the clock, so the features speak of time relative to "today" (tänään).
WORLD_STARTS = "2026-01-05T09:00:00+02:00"

# The parties of an onboarding, as the features name them (Finnish) → the lane they act in (as the diagrams
# name their lanes) and how a scenario knows which organisation that is: the provider is the one whose
# Y-tunnus the scenario starts the process for (its business key); a vendor, county or intermediary is the one
# whose Y-tunnus a form of the scenario names in that field; Kela and THL are themselves, by the party id the
# catalogue's lanes give them (processes/README.md, Who plays a lane). A new joiner that joins Kanta inside an
# organisational change plays the provider's lane of its own joining (the call activity runs the joining on
# its behalf: README, A process called on behalf of another party): it is the organisation the impact mapping
# names as the new business ID or as a new joiner (a scenario names one).
BUSINESS_KEY = "business-key"
NEW_JOINER = "new_joiner"
PARTIES = {
    "palvelunantaja": ("Palvelunantaja", BUSINESS_KEY),
    "järjestelmätoimittaja": ("Järjestelmätoimittaja", "from:vendor_business_id"),
    "Kela": ("Kela", "kela"),
    "THL": ("THL", "thl"),
    "hyvinvointialue": ("Hyvinvointialue", "from:county_business_id"),
    "Kanta-välittäjä": ("Kanta-välittäjä", "from:intermediary_business_id"),
    "uusi liittyjä": ("Palvelunantaja", f"from:{NEW_JOINER}"),
    # the changing organisation under the new Y-tunnus it joins again with: its own test after the change
    "palvelunantaja uudella Y-tunnuksella": (
        "Palvelunantaja uudella Y-tunnuksella",
        "from:new_business_id_value",
    ),
}
# The one identity of no party: the admin who moves the clock, deploys and looks (the checks read as it).
CLOCK_TOKEN = "tok-testikello-0123456789abcdef0123456789"
TOKENS = f"admin:testikello:{CLOCK_TOKEN}"


@dataclass(frozen=True)
class Identity:
    """Who calls: a party of the features (its Finnish name) acting for the organisation ``party`` (a
    Y-tunnus, or Kela's and THL's own ids)."""

    who: str
    party: str

    @property
    def name(self) -> str:
        """The name the audit trail records, e.g. ``järjestelmätoimittaja 2345678-0``."""
        return f"{self.who} {self.party}"


def lane_of(party: str) -> str:
    if party not in PARTIES:
        raise AssertionError(f'unknown party "{party}"; the features know {", ".join(PARTIES)}')
    return PARTIES[party][0]


def field_naming(party: str) -> str | None:
    """The form field in which a scenario names the organisation that is ``party`` (none: it is named by the
    business key, or is always itself)."""
    lane_of(party)
    rule = PARTIES[party][1]
    return rule.removeprefix("from:") if rule.startswith("from:") else None


def migrating_at_every_step() -> bool:
    """KANTA_FEATURE_MIGRATE=1: every process also gets a changed copy as a new version, and before each
    check after an action the instance moves to the other version, so every wait state the features reach
    is migrated and then checked (tests/integration/test_features_migrate.py runs them so)."""
    return os.environ.get("KANTA_FEATURE_MIGRATE") == "1"


def processes_dir() -> Path:
    """The catalogue the features run against: ``processes/``, or a copy named by KANTA_FEATURE_PROCESSES."""
    return Path(os.environ.get("KANTA_FEATURE_PROCESSES", ROOT / "processes"))


class ServiceError(AssertionError):
    """The service answered something the feature did not expect."""


@dataclass
class Service:
    """The running service and the calls the steps make to it."""

    server: RunningServer
    identity_provider: IdentityProvider
    # process key → its two versions (as deployed, changed copy) when migrating at every step
    versions: dict[str, tuple[int, int]] = field(default_factory=dict)
    moves: int = 0
    _tokens: dict[Identity, str] = field(default_factory=dict, repr=False)
    # The server's clock stands still until a step moves it (advance_clock), so it is read once per move.
    _now: datetime | None = field(default=None, repr=False)
    _process_keys: dict[str, str] = field(default_factory=dict, repr=False)  # process name → its key

    def token(self, identity: Identity | None) -> str:
        """The bearer token ``identity`` signs in with, from the features' identity provider (the admin's
        static token for None); minted once and kept for the run."""
        if identity is None:
            return CLOCK_TOKEN
        if identity not in self._tokens:
            self._tokens[identity] = self.identity_provider.token(
                "integrator", identity.party, name=identity.name, lifetime=24 * 3600
            )
        return self._tokens[identity]

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

    def call(self, method: str, path: str, *, identity: Identity | None = None, body=None, expect=(200,)):
        """One call as ``identity`` (None: as the admin)."""
        token = self.token(identity)
        status, _, answer = self.server.call(method, "/api/v1" + path, token=token, json_body=body)
        if status not in expect:
            raise ServiceError(f"{method} {path} answered {status} (expected {expect}): {answer}")
        return answer

    def attempt(self, method: str, path: str, *, identity: Identity, body=None) -> tuple[int, dict]:
        """A call the service must refuse (4xx, never 5xx): (its status, its problem)."""
        status, _, answer = self.server.call(
            method, "/api/v1" + path, token=self.token(identity), json_body=body
        )
        if status not in (403, 404, 409, 422):
            raise ServiceError(
                f"{method} {path} as {identity.name} answered {status}, not a refusal: {answer}"
            )
        return status, answer

    def now(self) -> datetime:
        if self._now is None:
            self._now = datetime.fromisoformat(self.call("GET", "/clock")["now"]).astimezone(HELSINKI)
        return self._now

    def today(self) -> date:
        return self.now().date()

    def advance_clock(self, duration: str) -> dict:
        moved = self.call("POST", "/clock/advance", body={"duration": duration})
        self._now = datetime.fromisoformat(moved["now"]).astimezone(HELSINKI)  # where the move left it
        return moved

    def process_key_named(self, name: str) -> str:
        """The key of the process named ``name``; a process keeps its name and key over its versions, so the
        catalogue is read again only for a name not seen yet (one deployed since)."""
        if name not in self._process_keys:
            definitions = self.call("GET", "/process-definitions")
            self._process_keys = {d["name"]: d["process_key"] for d in reversed(definitions)}
            if name not in self._process_keys:
                known = ", ".join(f'"{d["name"]}"' for d in definitions)
                raise ServiceError(f'no process is named "{name}"; the catalogue has {known}')
        return self._process_keys[name]


@dataclass
class Onboarding:
    """One scenario's process instance and what the steps learnt of it."""

    service: Service
    instance_id: str | None = None
    # form field → the Y-tunnus the scenario named in it, and the business key it started the process for
    named: dict[str, str] = field(default_factory=dict)
    _state: dict = field(default_factory=dict, repr=False)
    refusal: dict | None = None
    refusal_status: int | None = None
    before_refusal: dict | None = None  # the instance as it stood before the refused attempt
    refused_start: tuple[str, str] | None = None  # (process key, business key) of a start refused at its form
    unchecked: str | None = None  # the last action, until a check has looked at where the instance stands
    to_move: bool = False  # migrating at every step: an action happened since the instance last moved
    started: dict[str, str] = field(default_factory=dict)  # business key → instance id, for several at once
    # every instance the scenario drove (was its instance_id), first first: the scenario's path is what they
    # all went through, so an onboarding it drove to a throw counts when it then follows the started process
    driven: list[str] = field(default_factory=list)
    # What was last read of the instance and its history, and when (the instance, the server's writes then):
    # the checks after one action read the service once, as nothing changes until something is sent to it.
    _read_at: tuple | None = field(default=None, repr=False)
    _answered: bool = field(default=False, repr=False)  # what was last read is an action's answer
    _history: tuple[tuple, list[dict]] | None = field(default=None, repr=False)

    def __post_init__(self):
        if self.instance_id is not None:
            self.driven.append(self.instance_id)

    def __setattr__(self, name, value):
        # every step that moves the scenario to another instance sets instance_id: recorded here, once
        driven = self.__dict__.get("driven")
        if name == "instance_id" and value is not None and driven is not None and value not in driven:
            driven.append(value)
        super().__setattr__(name, value)

    def identity(self, party: str) -> Identity:
        """The organisation ``party`` is in this scenario, as the scenario itself named it."""
        lane_of(party)
        rule = PARTIES[party][1]
        key = BUSINESS_KEY if rule == BUSINESS_KEY else field_naming(party)
        if key is None:
            return Identity(party, rule)  # Kela, THL: always themselves
        if key not in self.named:
            said = "started no process" if key == BUSINESS_KEY else f'named no Y-tunnus in the field "{key}"'
            raise AssertionError(f"{party} acts, but the scenario {said} that says who {party} is")
        return Identity(party, self.named[key])

    def note_names(self, data: dict, *, business_key: str | None = None) -> None:
        """Remember the organisations a start or a form named, as the diagrams' lanes will be played."""
        if business_key is not None:
            self.named[BUSINESS_KEY] = business_key
        for party in PARTIES:
            name = field_naming(party)
            if name and isinstance(data.get(name), str):
                self.named[name] = data[name]
        joiners = data.get("new_joiner_organisations")
        if data.get("new_business_id") is True and isinstance(data.get("new_business_id_value"), str):
            self.named[NEW_JOINER] = data["new_business_id_value"]
        elif isinstance(joiners, list) and joiners and isinstance(joiners[0], dict):
            self.named[NEW_JOINER] = joiners[0].get("business_id")

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
        """An action's answer: where the instance then stands, which the checks after it read rather than
        asking again; unless the acting party was shown some personal data masked (the checks read the
        instance whole), or the instance moves to the other version before it is next read (when migrating
        at every step)."""
        self._state = answer
        self.to_move = bool(self.service.versions)
        whole = MASKED not in (answer.get("variables") or {}).values()
        self._read_at = (answer["id"], self.service.server.writes) if whole else None
        self._answered = True

    def _read_point(self) -> tuple:
        return (self.required_id(), self.service.server.writes)

    def refresh(self, *, as_read: bool = False) -> dict:
        """The instance as the service has it now (read again once anything was sent to the service).
        ``as_read``: as a read answers it, not as an action's answer stands for it (both say the same, but an
        answer gives its times in the service's zone, a read in UTC: what is compared with a later read)."""
        if self._read_at == self._read_point() and not self.to_move and not (as_read and self._answered):
            return self._state
        path = f"/process-instances/{self.required_id()}"
        answer = self.service.call("GET", path)
        if self.to_move:
            self.to_move = False
            self.service.move_to_other_version(answer)
            answer = self.service.call("GET", path)
        self._state, self._read_at, self._answered = answer, self._read_point(), False
        return answer

    def required_id(self) -> str:
        if self.instance_id is None:
            raise AssertionError("the scenario has not started a process yet")
        return self.instance_id

    def history(self) -> list[dict]:
        if self._history is None or self._history[0] != self._read_point():
            history = self.service.call("GET", f"/process-instances/{self.required_id()}/history")
            self._history = (self._read_point(), history)
        return self._history[1]

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
