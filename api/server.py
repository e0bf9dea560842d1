"""``kanta-onboarding serve``: what runs once before the API starts (migrate, deploy, the first admin
token), then the API under gunicorn, each worker with its own thread firing due timers."""

from __future__ import annotations

import gc
import os
import socket
import sys
import threading
from dataclasses import replace
from pathlib import Path

from flask import Flask
from gunicorn import util
from gunicorn.app.base import BaseApplication

from engine import DefinitionInvalid, Engine, StopRequest, migrate_database, run_timers

from . import catalogue_report
from .app import create_app
from .auth import digest, new_token
from .http_worker import HeadGatheringWorker, write_problem
from .settings import TOKEN_DIGESTS, Settings


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict, config: dict):
        self.options, self.config = options, config
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)
        # gunicorn writes its refusals with util.write_error; the workers fork from here and inherit this.
        util.write_error = write_problem

    def load(self):
        # gunicorn loads the app in each worker, after the fork: each fires timers in a thread of its own.
        app = create_app(self.config)
        start_background_timers(app)
        return app


def start_background_timers(app: Flask) -> StopRequest | None:
    """Fire due timers in the background of this process every KANTA_TIMER_INTERVAL seconds, with the
    loop `kanta-onboarding worker` runs (none when it is 0); answer what stops it, also kept as the app's
    ``kanta_timers`` extension."""
    interval = app.config["KANTA_TIMER_INTERVAL"]
    if interval <= 0:
        return None
    stop = StopRequest()
    threading.Thread(
        target=run_timers,
        args=(app.extensions["kanta_engine"],),
        kwargs={"actor": f"timer:{socket.gethostname()}:{os.getpid()}", "interval": interval, "stop": stop},
        name="kanta-timers",
        daemon=True,
    ).start()
    app.extensions["kanta_timers"] = stop
    return stop


def first_admin_token(data_dir: Path, tokens: str) -> str | None:
    """With no tokens configured, create one admin token, keep only its digest, and return it once."""
    digests = data_dir / TOKEN_DIGESTS
    if tokens or digests.exists():
        return None
    token = new_token()
    digests.write_text(f"admin:first-admin:{digest(token)}\n")
    digests.chmod(0o600)
    return token


def prepare(settings: Settings) -> None:
    """What runs once before any worker starts: migrate the database, deploy the catalogue (a changed
    file becomes a new version), and make sure someone can log in. A catalogue with a problem deploys
    nothing and is reported (here and by /healthz); the versions deployed before it go on serving."""
    data = Path(settings.data_dir)
    data.mkdir(parents=True, exist_ok=True)
    migrate_database(settings.database_url)
    engine = Engine(settings.database_url, apply_migrations=False)
    try:
        result = engine.deploy_folder(Path(settings.processes_dir), actor="system:startup")
    except DefinitionInvalid as refused:
        catalogue_report.record(data, settings.processes_dir, refused.problems)
        print(
            f"the catalogue in {settings.processes_dir} can not be deployed; the versions deployed before it "
            "go on serving:",
            file=sys.stderr,
            flush=True,
        )
        for problem in refused.problems:
            print(f"  {problem}", file=sys.stderr, flush=True)
    else:
        catalogue_report.clear(data)
        print(
            f"deployed {len(result.deployed)} new version(s); {len(result.unchanged)} process(es) unchanged",
            flush=True,
        )
        for warning in result.warnings:
            print(warning, flush=True)
    finally:
        engine.close()
    token = first_admin_token(data, settings.tokens)
    if token:
        print(
            f"No tokens were configured. An admin token was created (shown only now):\n\n    {token}\n",
            flush=True,
        )


def serve(settings: Settings, *, host: str, port: int, workers: int, access_log: bool = True) -> int:
    """Prepare, then serve the API with gunicorn until it is stopped."""
    settings = replace(settings, data_dir=str(Path(settings.data_dir).resolve()))
    config = settings.as_config()
    prepare(settings)
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        # gthread whose event loop gathers each request's head: a slow client holds no thread (see there)
        "worker_class": HeadGatheringWorker,
        "threads": 4,
        "timeout": 60,
        "graceful_timeout": 10,
        "accesslog": "-" if access_log else None,
        # The most gunicorn allows (default 4094): filters of up to 200 characters, percent-encoded,
        # must fit; a longer URL gets a 414 problem (documented on every operation).
        "limit_request_line": 8190,
        # No control socket: gunicorn puts one at a per-user path ($XDG_RUNTIME_DIR or ~/.gunicorn), shared by
        # every server that user runs, so one server's start or stop would take another's; the service is
        # managed by its own command and signals.
        "control_socket_disable": True,
    }
    start_collecting_after_the_start()
    _Gunicorn(options, config).run()
    return 0


def start_collecting_after_the_start() -> None:
    """Collect the start's garbage once, then keep what is left (the code, the catalogue, the settings:
    what lives as long as the server) out of every later collection, and collect as usual from here on.
    Python's own recipe for a server that forks its workers (``gc.freeze``): a worker's collections walk
    only the objects it made itself, and leave the pages it shares with this process unwritten."""
    gc.collect()
    gc.freeze()
    gc.enable()
