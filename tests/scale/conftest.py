"""Scale tests: the real server and real timer workers on the PostgreSQL the test session starts."""

from __future__ import annotations

import http.client
import itertools
import json
import os
import signal
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harness.postgres import create_database
from harness.server import DEFAULT_ADMIN_TOKEN

SCALE_PROCESSES = Path(__file__).parent / "processes"
ADMIN_TOKEN = DEFAULT_ADMIN_TOKEN  # RunningServer's default tokens
_database_names = itertools.count(1)


@pytest.fixture
def pg_url(postgres_server):
    """A fresh, empty database for this test."""
    return create_database(postgres_server.url, f"kanta_scale_{os.getpid()}_{next(_database_names)}")


class Client:
    """One keep-alive HTTP connection to the service, as one API client holds it.

    A failed connection is dropped and the error raised: whether to retry is the caller's decision.
    """

    def __init__(self, base_url: str, token: str = ADMIN_TOKEN, timeout: float = 30):
        parts = urlsplit(base_url)
        self._address, self._timeout = (parts.hostname, parts.port), timeout
        self._headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        self._connection: http.client.HTTPConnection | None = None

    def call(self, method: str, path: str, body=None, headers: dict | None = None) -> tuple[int, object]:
        if self._connection is None:
            self._connection = http.client.HTTPConnection(*self._address, timeout=self._timeout)
        connection = self._connection
        try:
            connection.request(
                method,
                path,
                body=None if body is None else json.dumps(body),
                headers={**self._headers, **(headers or {})},
            )
            response = connection.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        if response.will_close:
            self.close()
        return response.status, json.loads(raw) if raw else None

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def children_of(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (gunicorn's workers, for its master), read from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # pid (comm) state ppid …; comm may hold spaces and parentheses, so split after the last ")".
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def wait_for(condition, timeout: float, what: str, interval: float = 0.1):
    """Poll ``condition`` until it answers something true; fail naming ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer = condition()
        if answer:
            return answer
        time.sleep(interval)
    raise AssertionError(f"{what} did not happen within {timeout} s")


def kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
