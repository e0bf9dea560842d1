"""Errors the engine reports to its callers, in words an analyst or integrator can act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a diagram, a decision table or a form, and where it is."""

    file: str
    line: int | None
    element_id: str | None
    message: str
    # An error stops the deployment; a warning is said and deploys (the analyst may mean it: see
    # ``accept-warning`` in engine/catalogue/acceptance.py).
    severity: str = "error"
    code: str | None = None  # a warning's kind, which ``accept-warning`` names

    @classmethod
    def warning(cls, file: str, line: int | None, element_id: str | None, code: str, message: str) -> Problem:
        return cls(file, line, element_id, message, "warning", code)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        element = f" [{self.element_id}]" if self.element_id else ""
        said = f"warning ({self.code}): " if self.is_warning else ""
        return f"{where}:{element} {said}{self.message}"

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "element_id": self.element_id,
            "message": self.message,
            "severity": self.severity,
            "code": self.code,
        }


class EngineError(Exception):
    """Base of every error the engine raises on purpose.

    ``detail`` is in English; ``reason`` says the same as a stable word (``vocabulary.Refusal``) and
    ``values`` what it speaks of, for an answer worded in its reader's language, as ``FieldError`` does."""

    kind = "engine-error"

    def __init__(self, detail: str, reason: str | None = None, values: dict | None = None):
        super().__init__(detail)
        self.detail = detail
        self.reason = reason
        self.values = values or {}


class DefinitionInvalid(EngineError):
    """A set of diagrams was refused; every problem found is listed."""

    kind = "definition-invalid"

    def __init__(self, problems: list[Problem]):
        # Root causes first: what is wrong with an element itself, then the names a data flow finds
        # unwritten (often a consequence: a misspelt field, a missing form), then the warnings.
        self.problems = sorted(
            problems, key=lambda p: (_consequence(p), p.file, p.line or 0, p.element_id or "", p.message)
        )
        super().__init__(
            f"{len(self.problems)} problem(s) in the definitions: " + "; ".join(map(str, self.problems))
        )


def _consequence(problem: Problem) -> int:
    return 2 if problem.is_warning else 1 if problem.code is not None else 0


class NotFound(EngineError):
    kind = "not-found"


class Forbidden(EngineError):
    """The caller's party may see the instance but may not do this to it (a task of another party's lane,
    a cancel by a party that is not the provider). What a party may not know exists is NotFound instead."""

    kind = "forbidden"


class Conflict(EngineError):
    """The request clashes with the instance's current state (e.g. the task is no longer ready)."""

    kind = "conflict"


class ConcurrentChange(Conflict):
    """Another writer moved the instance while this request was applied, so what it asked for is no longer
    possible (two workers completed the same task) or kept clashing: the caller looks again. Camunda names
    it an optimistic locking failure."""


class AlreadyRunning(Conflict):
    """A start would give a business key a second onboarding of the same process while the first has not
    ended: the caller asks for it explicitly (``allow_duplicate``) or opens the one that runs."""

    kind = "already-running"

    def __init__(
        self, detail: str, running: list[dict], values: dict | None = None, reason: str = "already-running"
    ):
        super().__init__(detail, reason, values)
        self.running = running  # each {"instance_id", "status", "started_at"}, newest first


@dataclass
class FieldError:
    field: str
    message: str  # in English
    # The same as a stable word and the values it speaks of, for a page that says it in its reader's
    # language (the cockpit); None where only the English is given.
    reason: str | None = None
    values: dict | None = None


class InvalidData(EngineError):
    """Data does not satisfy a form's JSON Schema or a call's rules; ``errors`` names each field."""

    kind = "invalid-data"

    def __init__(self, detail: str, errors: list[FieldError] | None = None):
        super().__init__(detail)
        self.errors: list[FieldError] = errors or []


class FaultIncident(StrEnum):
    """Where a fault of the diagram (``definition-fault``) a request met is noted for the analysts, as the
    engine decided when it refused the request: a caller branches on it rather than on what else the error
    carries."""

    NONE = "none"  # no incident: the data's failure (a script's), not the diagram's
    INSTANCE = "instance"  # on the running instance the request was for, which waits where it did
    VERSION = "version"  # on the definition version a start met it in: no instance was stored


@dataclass
class ScriptFailure(EngineError):
    """A script, condition or timer expression of a diagram failed on a caller's request, which is refused
    (the instance stays where it was)."""

    element_id: str
    message: str
    kind: str = field(default="script-failure", kw_only=True)
    incident: FaultIncident = field(default=FaultIncident.NONE, kw_only=True)
    instance_id: str | None = field(default=None, kw_only=True)  # the instance whose request met it
    definition: tuple[str, int] | None = field(
        default=None, kw_only=True
    )  # (process key, version) a start met it in

    def __post_init__(self):
        super().__init__(f"{self.element_id}: {self.message}")
