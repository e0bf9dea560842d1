"""The ``kanta-onboarding`` command."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import engine


def _validate(args: argparse.Namespace) -> int:
    """Check diagrams, decision tables and forms; print every problem as file:line: [element] message."""
    found = 0
    for given in args.paths:
        path = Path(given)
        if not path.exists():
            print(f"{given}: no such file or folder", file=sys.stderr)
            found += 1
            continue
        # A single file is checked within its folder, so calls into other files and its forms resolve.
        root = path if path.is_dir() else path.parent
        files = engine.read_folder(root)
        only = None if path.is_dir() else path.relative_to(root).as_posix()
        problems = [p for p in engine.problems_in(files) if only is None or p.file == only]
        for problem in problems:
            shown = (root / problem.file).as_posix() if problem.file in files else problem.file
            print(str(problem).replace(problem.file, shown, 1))
        found += len(problems)
        if not problems:
            diagrams = sum(1 for name in files if name.endswith(engine.DIAGRAM_SUFFIXES))
            checked = only or f"{diagrams} diagram(s) and {len(files) - diagrams} form(s) in {given}"
            print(f"ok: {checked}")
    return 1 if found else 0


def _serve(args: argparse.Namespace) -> int:
    """Migrate, deploy processes/, make sure someone can log in, then run the API under gunicorn."""
    from .app import clock_from_setting
    from .server import serve

    try:
        adjustable = clock_from_setting(args.clock) is not None
    except ValueError as error:
        print(f"--clock: {error}", file=sys.stderr)
        return 2
    if adjustable and args.workers != 1:
        print("--clock adjustable keeps the time in one process: run it with --workers 1", file=sys.stderr)
        return 2
    return serve(
        host=args.host,
        port=args.port,
        workers=args.workers,
        database_url=args.database_url,
        processes_dir=args.processes,
        data_dir=args.data_dir,
        clock=args.clock,
        access_log=args.access_log,
    )


def _database_url(args: argparse.Namespace) -> str:
    return args.database_url or f"sqlite:///{Path(args.data_dir).resolve()}/kanta.sqlite3"


def _migrate(args: argparse.Namespace) -> int:
    """Bring the database schema up to date and exit: run once before starting many processes."""
    Path(args.data_dir).mkdir(parents=True, exist_ok=True)
    engine.migrate_database(_database_url(args))
    print("the database schema is current", flush=True)
    return 0


def _worker(args: argparse.Namespace) -> int:
    """Fire due timers until stopped; any number of workers may run at once on one database."""
    from .worker import work

    return work(database_url=_database_url(args), interval=args.interval, once=args.once)


def _add_database_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--database-url",
        default=os.environ.get("KANTA_DATABASE_URL"),
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db (default: SQLite in the data folder; "
        "or KANTA_DATABASE_URL)",
    )
    command.add_argument("--data-dir", default=os.environ.get("KANTA_DATA_DIR", "data"))


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="kanta-onboarding", description="Runs the Kanta onboarding processes as BPMN diagrams."
    )
    commands = main_parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check BPMN/DMN diagrams and their forms")
    validate.add_argument(
        "paths", nargs="*", default=["processes"], help="folders or files (default: processes)"
    )
    validate.set_defaults(handler=_validate)

    serve = commands.add_parser("serve", help="run the REST API (SQLite in the data folder by default)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="gunicorn worker processes")
    _add_database_options(serve)
    serve.add_argument("--processes", default=os.environ.get("KANTA_PROCESSES_DIR", "processes"))
    serve.add_argument(
        "--clock",
        default=os.environ.get("KANTA_CLOCK", "system"),
        help="system (default), or adjustable[@ISO time] for acceptance tests and training: time stands "
        "still until an admin moves it with POST /api/v1/clock/advance (one worker only; or KANTA_CLOCK)",
    )
    serve.add_argument(
        "--no-access-log",
        dest="access_log",
        action="store_false",
        help="no line per request on stdout (behind a load balancer that logs requests; ~0.3 ms a call)",
    )
    serve.set_defaults(handler=_serve)

    migrate = commands.add_parser("migrate", help="bring the database schema up to date, then exit")
    _add_database_options(migrate)
    migrate.set_defaults(handler=_migrate)

    worker = commands.add_parser("worker", help="fire due timers until SIGTERM/SIGINT (any number at once)")
    _add_database_options(worker)
    worker.add_argument("--interval", type=float, default=5.0, help="seconds between rounds (default 5)")
    worker.add_argument("--once", action="store_true", help="fire what is due now, then exit")
    worker.set_defaults(handler=_worker)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
