"""``kanta-onboarding worker``: fire due timers in a process of its own until SIGTERM or SIGINT."""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys

from sqlalchemy.exc import SQLAlchemyError

from engine import Engine, StopRequest, run_timers, schema_is_current


def work(*, database_url: str, interval: float, once: bool) -> int:
    log = logging.getLogger("kanta.timers")
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    actor = f"timer-worker:{socket.gethostname()}:{os.getpid()}"
    # Many workers may start at once: the schema is migrated once, beforehand, never by them.
    engine = Engine(database_url, apply_migrations=False)
    try:
        try:
            behind = not schema_is_current(database_url)
        except SQLAlchemyError as error:
            print(f"the database can not be reached: {error}", file=sys.stderr)
            return 2
        if behind:
            print(
                "the database schema is not current: run `kanta-onboarding migrate-database` first",
                file=sys.stderr,
            )
            return 2
        stop = StopRequest()
        signal.signal(signal.SIGTERM, stop.request)
        signal.signal(signal.SIGINT, stop.request)
        log.info("%s started (every %s s)", actor, interval)
        run_timers(engine, actor=actor, interval=interval, stop=stop, once=once)
        log.info("%s stopped", actor)
        return 0
    finally:
        engine.close()
