"""``kanta-onboarding serve``: the API under gunicorn."""

from __future__ import annotations

import json
import os
from pathlib import Path

from gunicorn import util
from gunicorn.app.base import BaseApplication

from engine import Engine

from .app import TOKEN_DIGESTS, clock_from_setting, create_app
from .auth import digest, new_token
from .problems import PROBLEM_JSON, TYPE_BASE, http_kind


def _write_problem(sock, status: int, reason: str, message: str) -> None:
    """gunicorn's own refusals (a request line or headers too large, malformed HTTP) answered as
    problem+json like every other error, instead of its HTML page."""
    kind = http_kind(status)
    body = json.dumps(
        {"type": TYPE_BASE + kind, "title": reason, "status": status, "detail": message or reason}
    ).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: {PROBLEM_JSON}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict, settings: dict):
        self.options, self.settings = options, settings
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)
        # gunicorn writes its refusals with util.write_error; the workers fork from here and inherit this.
        util.write_error = _write_problem

    def load(self):
        return create_app(self.settings)


def first_admin_token(data_dir: Path) -> str | None:
    """With no tokens configured, create one admin token, keep only its digest, and return it once."""
    digests = data_dir / TOKEN_DIGESTS
    if os.environ.get("KANTA_TOKENS") or digests.exists():
        return None
    token = new_token()
    digests.write_text(f"admin:first-admin:{digest(token)}\n")
    digests.chmod(0o600)
    return token


def serve(
    *,
    host: str,
    port: int,
    workers: int,
    database_url,
    processes_dir: str,
    data_dir: str,
    clock: str = "system",
    access_log: bool = True,
) -> int:
    data = Path(data_dir).resolve()
    data.mkdir(parents=True, exist_ok=True)
    url = database_url or f"sqlite:///{data}/kanta.sqlite3"
    # Migrations and deployment run once, here, before any worker starts.
    engine = Engine(url)
    result = engine.deploy_folder(Path(processes_dir), actor="system:startup")
    engine.close()
    print(
        f"deployed {len(result.deployed)} new version(s); {len(result.unchanged)} process(es) unchanged",
        flush=True,
    )
    token = first_admin_token(data)
    if token:
        print(
            f"No tokens were configured. An admin token was created (shown only now):\n\n    {token}\n",
            flush=True,
        )
    settings = {
        "KANTA_DATABASE_URL": url,
        "KANTA_DATA_DIR": str(data),
        "KANTA_PROCESSES_DIR": processes_dir,
        "KANTA_MIGRATE": False,
        "KANTA_CLOCK": clock_from_setting(clock),
    }
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": 4,
        "timeout": 60,
        "graceful_timeout": 10,
        "accesslog": "-" if access_log else None,
        # The most gunicorn allows (default 4094): filters of up to 200 characters, percent-encoded,
        # must fit; a longer URL gets a 414 problem (documented on every operation).
        "limit_request_line": 8190,
    }
    _Gunicorn(options, settings).run()
    return 0
