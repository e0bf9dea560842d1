"""Errors as Camunda 7's REST API answers them: ``{"type": "<exception name>", "message": "…"}``.

Camunda answers 500 when its engine refuses something a client sent (a form's data, a script failing on
it); this subset answers those 400, since the request is what has to change, and never a 5xx.
"""

from __future__ import annotations

from flask import jsonify
from werkzeug.exceptions import HTTPException

from engine import ConcurrentChange, Conflict, EngineError, Forbidden, InvalidData, NotFound, ScriptFailure

INVALID_REQUEST = "InvalidRequestException"
REST = "RestException"
# Two writers moved one instance at once (two workers completing one task): Camunda's exception for it,
# with its built-in exception code (1). Camunda answers it 500; here it is 409, so that a client's retry
# logic sees a conflict to look again at, never a server fault.
OPTIMISTIC_LOCKING = "OptimisticLockingException"
OPTIMISTIC_LOCKING_CODE = 1

# Plain HTTP refusals (authentication, roles, sizes, the failed-token limit) by the exception Camunda's
# REST layer names for them.
_HTTP_TYPES = {
    400: INVALID_REQUEST,
    401: "AuthenticationException",
    403: "AuthorizationException",
    404: "NotFoundException",
    405: "NotAllowedException",
    413: INVALID_REQUEST,
    415: "NotSupportedException",
    429: REST,
}


class CamundaError(Exception):
    def __init__(self, status: int, kind: str, message: str, code: int | None = None):
        super().__init__(message)
        self.status, self.kind, self.message, self.code = status, kind, message, code


def answer(status: int, kind: str, message: str, headers: dict | None = None, code: int | None = None):
    shape = {"type": kind, "message": message}
    if code is not None:  # Camunda's exception code, where Camunda has one for the exception
        shape["code"] = code
    return jsonify(shape), status, headers or {}


def concurrent_change(error: ConcurrentChange) -> CamundaError:
    return CamundaError(409, OPTIMISTIC_LOCKING, error.detail, OPTIMISTIC_LOCKING_CODE)


def not_in_subset(what: str) -> CamundaError:
    return CamundaError(
        404,
        "NotFoundException",
        f"{what} is not part of this service's Camunda 7 REST subset: see the README, "
        '"Connecting a Camunda 7 client", or use /api/v1',
    )


def refused_data(error: InvalidData, *moves: tuple[str, str]) -> CamundaError:
    """The engine's refusal of data, its JSON Pointers moved to where the Camunda request has the data
    (``("/data", "/variables")``: the engine's ``/data/x`` is the request's ``/variables/x``; the first
    move that fits a pointer moves it)."""

    def moved(field: str) -> str:
        for engine_part, request_part in moves:
            if field == engine_part or field.startswith(engine_part + "/") or not engine_part:
                return request_part + field[len(engine_part) :]
        return field

    fields = "; ".join(f"{moved(e.field)}: {e.message}" for e in error.errors)
    return CamundaError(400, INVALID_REQUEST, f"{error.detail}" + (f" ({fields})" if fields else ""))


def _camunda_error(error: CamundaError):
    return answer(error.status, error.kind, error.message, code=error.code)


def _engine_error(error: EngineError):
    if isinstance(error, NotFound):
        return answer(404, INVALID_REQUEST, error.detail)
    if isinstance(error, InvalidData):
        return _camunda_error(refused_data(error))
    if isinstance(error, ScriptFailure):
        message = (
            f"the process could not go on at {error.element_id}: {error.message}. Nothing was stored and "
            "the instance waits where it did: correct the data and send it again"
        )
        return answer(400, "ScriptEvaluationException", message)
    if isinstance(error, Forbidden):
        return answer(403, "AuthorizationException", error.detail)
    if isinstance(error, ConcurrentChange):
        return _camunda_error(concurrent_change(error))
    if isinstance(error, Conflict):
        return answer(409, REST, error.detail)
    return answer(400, REST, error.detail)


def _http_error(error: HTTPException):
    status = error.code or 400
    data = getattr(error, "data", None) or {}
    message = data.get("message") or error.description or error.name
    headers = {name: value for name, value in error.get_headers() if name.lower() != "content-type"}
    headers.update(data.get("headers") or {})
    return answer(status, _HTTP_TYPES.get(status, REST), message, headers)


def register(blueprint) -> None:
    """Errors raised by the blueprint's views answer in Camunda's shape, not as problem+json."""
    blueprint.register_error_handler(CamundaError, _camunda_error)
    blueprint.register_error_handler(EngineError, _engine_error)
    blueprint.register_error_handler(HTTPException, _http_error)
