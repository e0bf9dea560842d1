"""``kanta-onboarding serve``: the API under gunicorn."""

from __future__ import annotations

import os
from pathlib import Path

from gunicorn.app.base import BaseApplication

from engine.runtime import Engine

from .app import TOKEN_DIGESTS, create_app
from .auth import digest, new_token


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict, settings: dict):
        self.options, self.settings = options, settings
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

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


def serve(*, host: str, port: int, workers: int, database_url, processes_dir: str, data_dir: str) -> int:
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
    }
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": 4,
        "timeout": 60,
        "graceful_timeout": 10,
        "accesslog": "-",
    }
    _Gunicorn(options, settings).run()
    return 0
