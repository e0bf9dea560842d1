"""A throwaway PostgreSQL server for the test session.

The store runs on PostgreSQL in production, so the tests run against a real server rather than SQLite.
Setting ``KANTA_TEST_POSTGRES_URL`` points the tests at a server someone else runs; otherwise a private
server is started from the installed PostgreSQL binaries in a temporary directory and thrown away after.

    with TemporaryPostgres() as postgres:
        url = create_database(postgres.url, "case_42")
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Self

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

EXTERNAL_URL_VARIABLE = "KANTA_TEST_POSTGRES_URL"
DATABASE_NAME = "kanta_test"
SUPERUSER = "postgres"
STARTUP_TIMEOUT_SECONDS = 30.0
COMMAND_TIMEOUT_SECONDS = 120.0

# Durability buys nothing for a database that is deleted after the run; dropping it makes tests faster.
SERVER_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
}


class PostgresUnavailable(RuntimeError):
    """The test PostgreSQL server could not be found or started."""


class TemporaryPostgres:
    """Context manager giving a PostgreSQL server; entering it returns itself, its ``.url`` the database."""

    def __init__(self) -> None:
        self.url: str = ""
        self._directory: Path | None = None
        self._bindir: Path | None = None
        self._started = False

    def __enter__(self) -> Self:
        external = os.environ.get(EXTERNAL_URL_VARIABLE)
        if external:
            self.url = external
            return self
        try:
            self._start()
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop()

    @property
    def _data(self) -> Path:
        assert self._directory is not None
        return self._directory / "data"

    @property
    def _log(self) -> Path:
        assert self._directory is not None
        return self._directory / "server.log"

    def _start(self) -> None:
        self._bindir = find_server_bindir()
        as_root = os.geteuid() == 0
        # The server user must be able to reach the directory, and /tmp is reachable by everyone.
        self._directory = Path(tempfile.mkdtemp(prefix="kanta-postgres-", dir="/tmp" if as_root else None))
        if as_root:
            server_user = _postgres_account()
            os.chown(self._directory, server_user.pw_uid, server_user.pw_gid)

        self._run(
            "initdb",
            "--pgdata", str(self._data),
            "--username", SUPERUSER,
            "--auth", "trust",
            "--encoding", "UTF8",
            "--locale", "C",
            "--no-sync",
        )  # fmt: skip
        port = _free_loopback_port()
        settings = {
            **SERVER_SETTINGS,
            "port": str(port),
            "unix_socket_directories": f"'{self._directory}'",
        }
        with (self._data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# Test server settings\n")
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())

        # -W: pg_ctl does not wait; readiness is polled below with a bound of our own.
        self._run("pg_ctl", "--pgdata", str(self._data), "--log", str(self._log), "-W", "start")
        self._started = True
        self._wait_until_ready(port)
        self._run(
            "createdb", "--host", "127.0.0.1", "--port", str(port), "--username", SUPERUSER, DATABASE_NAME
        )
        self.url = f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/{DATABASE_NAME}"

    def _wait_until_ready(self, port: int) -> None:
        assert self._bindir is not None
        started = time.monotonic()
        deadline = started + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            ready = subprocess.run(
                [str(self._bindir / "pg_isready"), "--quiet", "--host", "127.0.0.1", "--port", str(port)],
                check=False,
                timeout=10,
            )
            if ready.returncode == 0:
                return
            # A server that failed at startup (port taken, bad setting) removes its pid file: fail now.
            if time.monotonic() - started > 2 and not (self._data / "postmaster.pid").exists():
                break
            time.sleep(0.1)
        raise PostgresUnavailable(
            f"PostgreSQL did not start accepting connections on port {port} "
            f"(waited up to {STARTUP_TIMEOUT_SECONDS:.0f} s); server log:\n{self._server_log()}"
        )

    def _stop(self) -> None:
        if self._started:
            # A server that already died has nothing to stop; the directory goes all the same.
            with contextlib.suppress(PostgresUnavailable):
                self._run("pg_ctl", "--pgdata", str(self._data), "--mode", "immediate", "--wait", "stop")
            self._started = False
        if self._directory is not None:
            shutil.rmtree(self._directory, ignore_errors=True)
            self._directory = None

    def _run(self, program: str, *arguments: str) -> None:
        assert self._bindir is not None and self._directory is not None
        command = [str(self._bindir / program), *arguments]
        # PostgreSQL refuses to run as root, so as root its programs run as the postgres account.
        if os.geteuid() == 0:
            command = ["runuser", "-u", SUPERUSER, "--", *command]
        result = subprocess.run(
            command,
            # A working directory the server user can enter, or its tools complain about the caller's.
            cwd=self._directory,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
            timeout=COMMAND_TIMEOUT_SECONDS,
        )
        if result.returncode != 0:
            raise PostgresUnavailable(
                f"{program} failed with exit code {result.returncode}:\n{result.stdout}{result.stderr}"
                f"\nserver log:\n{self._server_log()}"
            )

    def _server_log(self) -> str:
        if self._directory is None:
            return "(no server log)"
        try:
            return self._log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no server log)"


def create_database(url: str, name: str) -> str:
    """Create an empty database ``name`` on the server of ``url`` and return the URL that points to it.

    A database of that name left over from an earlier run is dropped first, so the result is always fresh.
    """
    server = make_url(url)
    connection_arguments = {
        "host": server.host or "127.0.0.1",
        "port": server.port or 5432,
        "user": server.username or SUPERUSER,
        "dbname": "postgres",
    }
    if server.password is not None:
        connection_arguments["password"] = server.password
    with psycopg.connect(**connection_arguments, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return server.set(database=name).render_as_string(hide_password=False)


def find_server_bindir() -> Path:
    """The directory of the newest installed PostgreSQL server's programs."""
    candidates = [
        Path(found).parent
        for found in glob.glob("/usr/lib/postgresql/*/bin/initdb")
        if os.access(found, os.X_OK)
    ]
    if candidates:
        return max(candidates, key=_major_version)
    pg_config = shutil.which("pg_config")
    if pg_config:
        result = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=False, timeout=30
        )
        bindir = Path(result.stdout.strip())
        if result.returncode == 0 and (bindir / "initdb").exists():
            return bindir
    raise PostgresUnavailable(
        "No PostgreSQL server programs found (looked in /usr/lib/postgresql/*/bin and `pg_config --bindir`); "
        f"install the postgresql package or set {EXTERNAL_URL_VARIABLE}."
    )


def _major_version(bindir: Path) -> tuple[int, ...]:
    # /usr/lib/postgresql/<version>/bin; compared as numbers, so 10 is newer than 9.6.
    try:
        return tuple(int(part) for part in bindir.parent.name.split("."))
    except ValueError:
        return (-1,)


def _postgres_account() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(SUPERUSER)
    except KeyError:
        raise PostgresUnavailable(
            f"Running as root, but there is no '{SUPERUSER}' account to run the PostgreSQL server as."
        ) from None


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
