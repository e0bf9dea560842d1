"""The ``kanta-onboarding`` command: ``serve``, ``validate``, ``migrate-database``, ``migrate``, ``worker``.

Options that have a ``KANTA_*`` variable default to it through ``Settings.from_environment``, the one
place that reads the environment.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

import engine

if TYPE_CHECKING:
    from .settings import Settings


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
    help="Runs the Kanta onboarding processes as BPMN diagrams.",
)
def cli() -> None:
    pass


def settings_of(**given: str | None) -> Settings:
    """The settings ``given`` on the command line, the rest from the environment. Read when a command
    needs them: ``validate`` does not, and the settings' module brings the rate limiter's library (a
    tenth of a second of CPU) into every analyst's check of a diagram."""
    from .settings import Settings

    return Settings.from_environment(**given)


def database_options(command):
    """--database-url and --data-dir, shared by the commands that open the database."""
    command = click.option(
        "--data-dir",
        metavar="DIR",
        help="where SQLite and the admin token's digest live (default: data; or KANTA_DATA_DIR)",
    )(command)
    return click.option(
        "--database-url",
        metavar="URL",
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db (default: SQLite in the data folder; "
        "or KANTA_DATABASE_URL)",
    )(command)


@cli.command()
@click.argument("paths", nargs=-1)
def validate(paths: tuple[str, ...]) -> int:
    """Check BPMN/DMN diagrams and their forms (PATHS: folders or files; default: processes); print every
    problem as file:line: [element] message, and exit 1 when there is an error; warnings (file:line: [element]
    warning (code): message) deploy and change no exit code."""
    found = 0
    for given in paths or ("processes",):
        path = Path(given)
        if not path.exists():
            print(f"{given}: no such file or folder", file=sys.stderr)
            found += 1
            continue
        # A single file is checked within its folder, so calls into other files and its forms resolve.
        root = path if path.is_dir() else path.parent
        only = None if path.is_dir() else path.relative_to(root).as_posix()
        try:
            files = engine.read_folder(root)
            problems = [p for p in engine.problems_in(files) if only is None or p.file == only]
        except Exception as error:  # an analyst gets a sentence, never a traceback
            print(f"{given}: could not be checked: {type(error).__name__}: {error}", file=sys.stderr)
            found += 1
            continue
        for problem in problems:
            shown = (root / problem.file).as_posix() if problem.file in files else problem.file
            print(str(problem).replace(problem.file, shown, 1))
        errors = [problem for problem in problems if not problem.is_warning]
        found += len(errors)
        if not errors:
            diagrams = sum(1 for name in files if name.endswith(engine.DIAGRAM_SUFFIXES))
            messages = sum(1 for name in files if name.startswith(f"{engine.MESSAGE_FOLDER}/"))
            forms = len(files) - diagrams - messages
            counted = f"{diagrams} diagram(s), {forms} form(s) and {messages} message schema(s)"
            checked = only or f"{counted} in {given}"
            warned = f" ({len(problems)} warning(s) above)" if problems else ""
            print(f"ok: {checked}{warned}")
    return 1 if found else 0


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--workers", type=int, default=1, show_default=True, help="gunicorn worker processes")
@database_options
@click.option("--processes", metavar="DIR", help="the catalogue (default: processes; or KANTA_PROCESSES_DIR)")
@click.option(
    "--clock",
    help="system (default), or adjustable[@ISO time] for acceptance tests and training: time stands still "
    "until an admin moves it with POST /api/v1/clock/advance (one worker only; or KANTA_CLOCK)",
)
@click.option(
    "--no-access-log",
    "access_log",
    flag_value=False,
    default=True,
    help="no line per request on stdout (behind a load balancer that logs requests; ~0.3 ms a call)",
)
def serve(host, port, workers, database_url, data_dir, processes, clock, access_log) -> int:
    """Run the REST API (SQLite in the data folder by default): migrate, deploy the catalogue, make sure
    someone can log in, then serve under gunicorn, each worker firing due timers every
    KANTA_TIMER_INTERVAL seconds (default 5; 0: none)."""
    # No cyclic garbage collection while the server starts (``api.server.serve`` collects once and turns it
    # back on before the workers fork): the imports and the deploy only add objects that live as long as
    # the server, and each collection on the way walked all of them again.
    gc.disable()
    try:
        return _serve(host, port, workers, database_url, data_dir, processes, clock, access_log)
    finally:  # on already once the server stopped; still off when an option was refused
        gc.enable()


def _serve(host, port, workers, database_url, data_dir, processes, clock, access_log) -> int:
    from .auth import parse_tokens
    from .oidc import OidcSettings
    from .server import serve as serve_api
    from .settings import (
        clock_from_setting,
        failed_authentication_limit,
        timer_interval_from_setting,
        unscoped_tokens_from_setting,
    )

    settings = settings_of(database_url=database_url, data_dir=data_dir, processes_dir=processes, clock=clock)
    try:
        adjustable = clock_from_setting(settings.clock) is not None
    except ValueError as error:
        print(f"--clock: {error}", file=sys.stderr)
        return 2
    if adjustable and workers != 1:
        print("--clock adjustable keeps the time in one process: run it with --workers 1", file=sys.stderr)
        return 2
    try:
        timer_interval_from_setting(settings.timer_interval)
        failed_authentication_limit(settings.failed_auth_limit)
        allow_unscoped = unscoped_tokens_from_setting(settings.unscoped_tokens)
        OidcSettings.from_config(settings.as_config())
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        parse_tokens(settings.tokens, allow_unscoped=allow_unscoped)
    except ValueError as error:  # said before gunicorn starts: its workers would fail to boot, saying less
        print(f"KANTA_TOKENS: {error}", file=sys.stderr)
        return 2
    return serve_api(settings, host=host, port=port, workers=workers, access_log=access_log)


@cli.command("migrate-database")
@database_options
def migrate_database(database_url, data_dir) -> int:
    """Bring the database schema up to date, then exit: run once before starting many processes."""
    settings = settings_of(database_url=database_url, data_dir=data_dir)
    Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
    engine.migrate_database(settings.database_url)
    print("the database schema is current", flush=True)
    return 0


@cli.command()
@click.argument("process_key")
@click.option("--from", "from_version", type=int, required=True, help="the version the instances run on")
@click.option("--to", "to_version", type=int, required=True, help="the version to move them to")
@click.option("--map", "mapping", multiple=True, metavar="OLD=NEW", help="OLD of --from is NEW of --to")
@click.option("--dry-run", is_flag=True, help="print the plan and what would move; change nothing")
@database_options
def migrate(process_key, from_version, to_version, mapping, dry_run, database_url, data_dir) -> int:
    """Move the running instances of one version of PROCESS_KEY to another: print the plan, then move
    each instance that can move (audited as cli:USER); exit 1 if any could not."""
    from .migration_report import migrate_and_report

    settings = settings_of(database_url=database_url, data_dir=data_dir)
    pairs = {}
    for entry in mapping:
        if entry.count("=") != 1 or not all(entry.split("=")):
            raise click.BadParameter(f"{entry!r} is not OLD=NEW", param_hint="--map")
        old, new = entry.split("=")
        pairs[old] = new
    return migrate_and_report(settings.database_url, process_key, from_version, to_version, pairs, dry_run)


@cli.command()
@click.argument("process_key")
@click.option("--reason", default="", help="why: kept in the audit and shown with the process")
@click.option("--undo", is_flag=True, help="reinstate a retired process: it starts new instances again")
@database_options
def retire(process_key, reason, undo, database_url, data_dir) -> int:
    """Stop new starts of PROCESS_KEY (a process renamed or replaced) while its running instances finish;
    audited as cli:USER. Exit 1 when there is no such process or it is retired (--undo: not retired)."""
    import getpass

    from engine import Conflict, Engine, NotFound

    settings = settings_of(database_url=database_url, data_dir=data_dir)
    running = Engine(settings.database_url, apply_migrations=False)
    actor = f"cli:{getpass.getuser()}"
    try:
        if undo:
            running.reinstate_process(process_key, actor=actor)
            print(f'process "{process_key}" starts new instances again')
        else:
            running.retire_process(process_key, actor=actor, reason=reason)
            print(
                f'process "{process_key}" is retired: it starts no new instance; its running instances finish'
            )
    except (NotFound, Conflict) as refused:
        print(refused, file=sys.stderr)
        return 1
    finally:
        running.close()
    return 0


@cli.command()
@database_options
@click.option("--interval", type=float, default=5.0, show_default=True, help="seconds between rounds")
@click.option("--once", is_flag=True, help="fire what is due now, then exit")
def worker(database_url, data_dir, interval, once) -> int:
    """Fire due timers until SIGTERM/SIGINT; any number of workers may run at once on one database."""
    from .worker import work

    settings = settings_of(database_url=database_url, data_dir=data_dir)
    return work(database_url=settings.database_url, interval=interval, once=once)


@cli.group()
def audit() -> None:
    """The audit trail and the usage log."""


@audit.command()
@database_options
def verify(database_url, data_dir) -> int:
    """Check the hash chains of the audit trail and the usage log; print the first broken link of each and
    exit 1 if there is one."""
    settings = settings_of(database_url=database_url, data_dir=data_dir)
    service = engine.Engine(settings.database_url, apply_migrations=False)
    try:
        results = service.verify_audit()
    finally:
        service.close()
    for result in results:
        before = f" ({result['unhashed']} rows predate the chain)" if result["unhashed"] else ""
        if result["broken_row"] is None:
            print(f"{result['table']}: every chain holds{before}")
        else:
            print(f"{result['table']}: broken at row {result['broken_row']}: {result['why']}{before}")
    return 1 if any(r["broken_row"] is not None for r in results) else 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line ``argv`` (default: this process's); answer the exit status."""
    try:
        return cli.main(args=argv, prog_name="kanta-onboarding", standalone_mode=False)
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.Abort:
        print("Aborted!", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
