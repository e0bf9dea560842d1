"""Every error is ``application/problem+json`` (RFC 9457) with a stable ``type`` a client can branch on."""

from __future__ import annotations

from flask import Flask, g, json
from werkzeug.exceptions import HTTPException

from engine import (
    AlreadyRunning,
    Conflict,
    DefinitionInvalid,
    EngineError,
    ErrorKind,
    FaultIncident,
    Forbidden,
    InvalidData,
    NotFound,
    ScriptFailure,
)

from . import field_messages, refusals
from .languages import requested_language

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://kanta-onboarding.example/problems/"

_HTTP_TYPES = {
    400: "bad-request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    408: "request-timeout",
    409: "conflict",
    413: "payload-too-large",
    414: "uri-too-long",
    415: "unsupported-media-type",
    422: "invalid-request",
    429: "too-many-requests",
    431: "headers-too-large",
    500: "internal-error",
}


def http_kind(status: int) -> str:
    """The problem type of a plain HTTP error."""
    return _HTTP_TYPES.get(status, "http-error")


def problem(status: int, kind: str, title: str, detail: str, **extra):
    body = {"type": TYPE_BASE + kind, "title": title, "status": status, "detail": detail, **extra}
    return json.dumps(body), status, {"Content-Type": PROBLEM_JSON}


# A fault of the diagram a start met is worded apart: no instance was stored, the version has the incident.
_FAULT_REASONS = {FaultIncident.VERSION: "start-definition-fault"}


def _engine_error(error: EngineError):
    if isinstance(error, DefinitionInvalid):
        return problem(
            422,
            error.kind,
            "The definitions were refused",
            error.detail,
            problems=[p.as_dict() for p in error.problems],
        )
    if isinstance(error, InvalidData):
        # The engine names fields by JSON Pointer into its call's arguments, which are the request's body.
        language = _with_english()
        errors = [
            {
                "in": "body",
                "field": e.field,
                "message": field_messages.worded(e.reason, e.values, language, e.message),
            }
            | ({"reason": e.reason, "values": e.values or {}} if e.reason else {})
            for e in error.errors
        ]
        title = refusals.title(error.kind, language, "The data was refused")
        return problem(422, error.kind, title, error.detail, errors=errors)
    if isinstance(error, ScriptFailure):
        values = {"element_id": error.element_id, "message": error.message}
        reason = _FAULT_REASONS.get(error.incident, error.kind)
        if error.kind == ErrorKind.DEFINITION_FAULT:
            values["incident_opened"] = error.incident == FaultIncident.INSTANCE
        return _worded(422, error.kind, reason, values, error.detail, element_id=error.element_id)
    if isinstance(error, AlreadyRunning):
        running = [{**r, "started_at": r["started_at"].isoformat()} for r in error.running]
        return _worded(409, error.kind, error.reason, error.values, error.detail, running=running)
    status, title = next(
        (answer for refusal, answer in _ENGINE_REFUSALS.items() if isinstance(error, refusal)),
        (400, _CARRIED_OUT),
    )
    return _worded(status, error.kind, error.reason, error.values, error.detail, title=title)


_CARRIED_OUT = "The request could not be carried out"
# The engine's other refusals by their class, as the status and English title they are answered with.
_ENGINE_REFUSALS = {
    NotFound: (404, "Not found"),
    Forbidden: (403, "Not this party's to do"),
    Conflict: (409, _CARRIED_OUT),
}


def _worded(
    status: int,
    kind: str,
    reason: str | None,
    values: dict,
    english: str,
    *,
    title: str = _CARRIED_OUT,
    **extra,
):
    """A refusal in the caller's language, with the stable ``reason`` and ``values`` it is worded from."""
    language = _in_requested_language()
    stable = {"reason": reason, "values": values} if reason else {}
    worded = refusals.detail(reason, values, language, english)
    return problem(status, kind, refusals.title(kind, language, title), worded, **stable, **extra)


def _in_requested_language() -> str:
    language = requested_language()
    g.name_languages = [language]  # said as Content-Language
    return language


def _with_english() -> str:
    """The caller's language for a refusal whose detail is said in English only (and a field's message
    the library's English where it has no words in the language): both are said as Content-Language."""
    language = _in_requested_language()
    if language != refusals.ENGLISH:
        g.name_languages = [language, refusals.ENGLISH]
    return language


def _http_error(error: HTTPException):
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    messages = data.get("messages")
    if messages:
        # webargs/marshmallow validation: name every field by where it was and its JSON Pointer there.
        language = _with_english()
        errors = [
            {"in": _PART.get(location, location), "field": pointer, **_field_said(said, language)}
            for location, fields in messages.items()
            for pointer, said in _flatten(fields)
        ]
        detail = "; ".join(f"{e['in']} {e['field'] or '(whole)'}: {e['message']}" for e in errors)
        title = refusals.title("invalid-request", language, "The request was refused")
        return problem(status, "invalid-request", title, detail, errors=errors)
    kind = http_kind(status)
    # Keep what the error itself says in headers (Allow on a 405), but not its text/html content type.
    headers = {name: value for name, value in error.get_headers() if name.lower() != "content-type"}
    headers.update(data.get("headers") or {})
    english = data.get("message") or error.description or error.name
    reason, values = data.get("reason"), data.get("values") or {}
    language = _in_requested_language()
    if reason is not None:  # who may call (api/auth.py) says why in its own words
        detail = refusals.detail(reason, values, language, english)
    elif data.get("message"):  # said for this request alone, in English
        detail, language = english, _with_english()
    else:
        detail = refusals.general(kind, language, english)
    stable = {"reason": reason, "values": values} if reason else {}
    body = problem(status, kind, refusals.title(kind, language, error.name), detail, **stable)
    return body[0], body[1], {**body[2], **headers}


def _field_said(messages: list[str], language: str) -> dict:
    """A field's marshmallow messages in ``language``, with the stable reason of the first where it has one
    (as the engine's form refusals give theirs)."""
    reasons = [field_messages.marshmallow_reason(message) for message in messages]
    words = [field_messages.worded(*reason, language, m) for reason, m in zip(reasons, messages, strict=True)]
    reason, values = reasons[0]
    return {"message": " ".join(words)} | ({"reason": reason, "values": values} if reason else {})


# webargs' locations, as the part of the request a refused field is in.
_PART = {"json": "body", "form": "body", "files": "body", "querystring": "query", "headers": "header"}


def _flatten(fields, prefix=""):
    """marshmallow error dicts are nested by field; turn them into (JSON Pointer, its messages) pairs."""
    if isinstance(fields, dict):
        for key, value in fields.items():
            if key == "_schema":  # marshmallow's errors about the object as a whole
                yield from _flatten(value, prefix)
                continue
            escaped = str(key).replace("~", "~0").replace("/", "~1")
            yield from _flatten(value, f"{prefix}/{escaped}")
    elif isinstance(fields, list) and all(isinstance(m, str) for m in fields):
        yield prefix, fields
    elif isinstance(fields, list):
        for item in fields:
            yield from _flatten(item, prefix)
    else:
        yield prefix, [str(fields)]


def register(app: Flask) -> None:
    app.register_error_handler(EngineError, _engine_error)
    app.register_error_handler(HTTPException, _http_error)
