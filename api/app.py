"""The Flask application: the REST API under /api/v1, its OpenAPI document and Swagger UI."""

from __future__ import annotations

import os
import socket
import threading
from datetime import datetime
from pathlib import Path

from flask import Flask
from flask_smorest import Api

from engine import Engine, ManualClock, StopRequest, SystemClock, run_timers

from . import problems, web
from .auth import Caller, parse_tokens
from .parsing import ProcessKeyConverter
from .resources import clock, definitions, health, instances, me, messages, tasks

TOKEN_DIGESTS = "tokens.digests"


def settings_from_environment() -> dict:
    data_dir = Path(os.environ.get("KANTA_DATA_DIR", "data"))
    return {
        "KANTA_DATA_DIR": str(data_dir),
        "KANTA_DATABASE_URL": os.environ.get("KANTA_DATABASE_URL")
        or f"sqlite:///{data_dir.resolve()}/kanta.sqlite3",
        "KANTA_PROCESSES_DIR": os.environ.get("KANTA_PROCESSES_DIR", "processes"),
        "KANTA_TOKENS": os.environ.get("KANTA_TOKENS", ""),
        "KANTA_TIMER_INTERVAL": float(os.environ.get("KANTA_TIMER_INTERVAL", "5")),
        "KANTA_CLOCK": clock_from_setting(os.environ.get("KANTA_CLOCK", "system")),
    }


def clock_from_setting(setting: str):
    """``system`` (the default: wall-clock time) or ``adjustable[@ISO-time]``: a clock that stands still
    until POST /api/v1/clock/advance moves it, starting now or at the time given. An adjustable clock
    lives in one process, so it serves acceptance tests and training with one worker."""
    kind, _, start = setting.partition("@")
    if kind == "system" and not start:
        return None
    if kind != "adjustable":
        raise ValueError(f"KANTA_CLOCK is {setting!r}: write system, adjustable or adjustable@<ISO time>")
    if not start:
        return ManualClock(SystemClock().now())
    moment = datetime.fromisoformat(start)
    if moment.tzinfo is None:
        raise ValueError(f"KANTA_CLOCK start {start!r} needs a timezone, e.g. 2026-01-05T09:00:00+02:00")
    return ManualClock(moment)


def create_app(settings: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.json.sort_keys = False  # a form's fields keep the order its author gave them
    app.url_map.converters["process_key"] = ProcessKeyConverter
    app.config.update(
        API_TITLE="Kanta onboarding",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="/static/swagger-ui/",  # served from our own files: no CDN
        MAX_CONTENT_LENGTH=5 * 1024 * 1024,
        KANTA_DEPLOY_ON_START=False,
        KANTA_MIGRATE=True,
    )
    app.config.update(settings_from_environment())
    app.config.update(settings or {})
    app.config["KANTA_CALLERS"] = _callers(app.config)

    engine = Engine(
        app.config["KANTA_DATABASE_URL"],
        clock_source=app.config["KANTA_CLOCK"],
        apply_migrations=app.config["KANTA_MIGRATE"],
    )
    if app.config["KANTA_DEPLOY_ON_START"]:
        engine.deploy_folder(Path(app.config["KANTA_PROCESSES_DIR"]), actor="system:startup")
    app.extensions["kanta_engine"] = engine

    api = Api(app, spec_kwargs={"info": {"description": _DESCRIPTION}})
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    api.spec.options["security"] = [{"bearerAuth": []}]
    for module in (definitions, instances, tasks, messages, clock):
        api.register_blueprint(module.blp)
    api.register_blueprint(health.blp)
    api.register_blueprint(me.blp)
    app.register_blueprint(web.blp)
    problems.register(app)
    if app.config["KANTA_TIMER_INTERVAL"] > 0:
        app.extensions["kanta_timers"] = _start_timer_loop(engine, app.config["KANTA_TIMER_INTERVAL"])
    return app


def _callers(config) -> dict:
    callers = parse_tokens(config["KANTA_TOKENS"])
    digests = Path(config["KANTA_DATA_DIR"]) / TOKEN_DIGESTS
    if digests.exists():
        for line in digests.read_text().splitlines():
            if line.strip():
                role, name, digest = line.strip().split(":")
                callers[digest] = Caller(role, name)
    return callers


def _start_timer_loop(engine: Engine, interval: float) -> StopRequest:
    """Fire due timers in the background of this process, with the loop `kanta-onboarding worker` runs;
    answer what stops it."""
    stop = StopRequest()
    actor = f"timer:{socket.gethostname()}:{os.getpid()}"
    threading.Thread(
        target=run_timers,
        args=(engine,),
        kwargs={"actor": actor, "interval": interval, "stop": stop},
        name="kanta-timers",
        daemon=True,
    ).start()
    return stop


_DESCRIPTION = """Drive Kanta onboarding processes (BPMN) over HTTP: start instances, list and complete
human tasks, deliver messages, read history. Every endpoint under /api/v1 needs
`Authorization: Bearer <token>`; roles: viewer (read), integrator (start, complete, message, cancel),
analyst (deploy, read), admin (all). Errors are application/problem+json."""
