"""Start the real service (``kanta-onboarding serve`` under gunicorn) for end-to-end tests.

with RunningServer(tmp_path, tokens=f"admin:e2e:{DEFAULT_ADMIN_TOKEN}") as server:
    status, headers, body = server.call("GET", "/api/v1/tasks", token=DEFAULT_ADMIN_TOKEN)
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

# The test catalogue: what a server runs unless it is given another.
PROCESSES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "processes"
# The admin token a server has unless it is given tokens (the service refuses tokens under 32 characters).
DEFAULT_ADMIN_TOKEN = "tok-admin-0123456789abcdef0123456789"


def free_port() -> int:
    """A loopback port nobody listens on now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _command() -> str:
    # The command installed next to this interpreter (the project's venv), else whatever is on PATH.
    beside = Path(sys.executable).parent / "kanta-onboarding"
    return str(beside) if beside.exists() else (shutil.which("kanta-onboarding") or "kanta-onboarding")


class RunningServer:
    """``kanta-onboarding serve`` on a free loopback port, its data in ``data_dir``; a context manager.

    ``tokens`` becomes ``KANTA_TOKENS``; timers do not fire in the background (``KANTA_TIMER_INTERVAL=0``)
    unless ``env`` says otherwise; ``clock="adjustable@<ISO time>"`` lets the tests move time. The server's
    output goes to ``data_dir/server.log``; it listens on ``port`` (default: a free one). ``keep_alive``:
    each thread's calls share one connection, as a client of many calls in a row does (the features'
    thousand and more calls a run); else each call connects anew.
    """

    def __init__(
        self,
        data_dir: Path | str,
        *,
        tokens: str = f"admin:e2e:{DEFAULT_ADMIN_TOKEN}",
        processes: Path | str = PROCESSES,
        database_url: str | None = None,
        workers: int = 1,
        clock: str = "system",
        access_log: bool = True,
        env: dict[str, str] | None = None,
        startup_timeout: float = 60.0,
        keep_alive: bool = False,
        port: int | None = None,
    ):
        self.data_dir = Path(data_dir)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.data_dir / "server.log"
        self._tokens, self._processes, self._database_url = tokens, Path(processes), database_url
        self._workers, self._env, self._startup_timeout = workers, env or {}, startup_timeout
        self._clock, self._access_log = clock, access_log
        self._kept = threading.local() if keep_alive else None  # each thread's open connection
        self._process: subprocess.Popen | None = None
        self._stopping: subprocess.Popen | None = None  # terminated, not yet waited for
        # How many requests that may change something (any method but GET and HEAD) it has been sent: a
        # client may keep what it read while this stands still (nothing else moves a test server's state
        # when its timers do not fire in the background).
        self.writes = 0

    @property
    def processes(self) -> Path:
        """The catalogue folder it deploys."""
        return self._processes

    def __enter__(self) -> RunningServer:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def start(self) -> None:
        """Launch the server and wait until it answers /healthz with 200."""
        self.launch()
        self.wait_until_healthy()

    def launch(self) -> None:
        """Launch the server without waiting for it (``wait_until_healthy`` does), so the caller may do
        something else while it starts."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        # A viewer or integrator token of no party is a development token: the tests that need one get it
        # unless they ask for env={"KANTA_UNSCOPED_TOKENS": "refuse"}.
        env = {
            **os.environ,
            "KANTA_TOKENS": self._tokens,
            "KANTA_TIMER_INTERVAL": "0",
            "KANTA_UNSCOPED_TOKENS": "allow",
            **self._env,
        }
        env.pop("KANTA_DATABASE_URL", None)
        command = [
            _command(), "serve",
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--workers", str(self._workers),
            "--processes", str(self._processes),
            "--data-dir", str(self.data_dir),
            "--clock", self._clock,
        ]  # fmt: skip
        if self._database_url:
            command += ["--database-url", self._database_url]
        if not self._access_log:
            command.append("--no-access-log")
        with self.log_path.open("wb") as log:  # a file, not a pipe: a full pipe would stall the server
            self._process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
            )

    def wait_until_healthy(self) -> None:
        """Wait for the launched server's /healthz to answer 200; a server that ends or does not answer in
        ``startup_timeout`` seconds is stopped, and the error says what it printed."""
        self._wait_for_health(lambda status: status == 200, " 200")

    def wait_until_answering(self) -> tuple[int, object]:
        """Wait for the launched server's first answer to /healthz, whatever its status: (the status, the
        body). The server deploys its catalogue before it listens, so its first answer says whether the
        catalogue was refused (a 503 when nothing was deployed before it). A server that ends or does not
        answer in ``startup_timeout`` seconds is stopped, and the error says what it printed."""
        return self._wait_for_health(lambda status: True, "")

    def _wait_for_health(self, enough, expected: str) -> tuple[int, object]:
        try:
            deadline = time.monotonic() + self._startup_timeout
            while time.monotonic() < deadline:
                if self._process.poll() is not None:
                    raise RuntimeError(f"the server ended with {self._process.returncode}:\n{self.output()}")
                try:
                    status, _, body = self.call("GET", "/healthz", timeout=2)
                    if enough(status):
                        return status, body
                except OSError:
                    pass
                time.sleep(0.05)
            raise TimeoutError(
                f"/healthz did not answer{expected} within {self._startup_timeout} s:\n{self.output()}"
            )
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Gunicorn's graceful stop (SIGTERM), then SIGKILL to its process group if it hangs."""
        self.terminate()
        process, self._stopping = self._stopping, None
        if process is None:
            return
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the group this server's start_new_session made
            process.wait(timeout=5)

    def terminate(self, *, quick: bool = False) -> None:
        """Begin gunicorn's graceful stop without waiting for it (it takes about a second: each worker
        notices at its next poll); ``stop`` waits. Several servers stopped so end side by side.

        ``quick``: end it at once (SIGKILL to its process group), for a server no call is in flight to. It
        loses nothing: each request commits what it changed before it is answered, and the log writes each
        line as it comes. Even gunicorn's quick stop (SIGINT) takes seconds on a busy machine: each of its
        processes tears a large interpreter down."""
        self._close_kept()
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        if quick:
            os.killpg(process.pid, signal.SIGKILL)  # the group this server's start_new_session made
        else:
            process.terminate()
        self._stopping = process

    def output(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def upload(self, path: str, files: dict[str, bytes], *, token: str) -> tuple[int, dict[str, str], object]:
        """POST ``files`` as multipart/form-data, each as a part named "files" with its file name (a
        relative path such as forms/x.json), as a browser's file input sends them."""
        boundary = uuid.uuid4().hex
        body = b"".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
            + content
            + b"\r\n"
            for name, content in files.items()
        )
        body += f"--{boundary}--\r\n".encode()
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        return self.call("POST", path, token=token, body=body, headers=headers)

    def call(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        json_body=None,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 30,
    ) -> tuple[int, dict[str, str], object]:
        """One HTTP request with ``json_body`` as JSON or ``body`` as it is; answers (status, headers, body
        as JSON when it is JSON, else text)."""
        sent = dict(headers or {})
        data = body
        if method not in ("GET", "HEAD"):
            self.writes += 1
        if token is not None:
            sent["Authorization"] = f"Bearer {token}"
        if json_body is not None:
            data = json.dumps(json_body).encode()
            sent.setdefault("Content-Type", "application/json")
        if self._kept is not None:
            status, answer_headers, raw = self._kept_call(method, path, data, sent, timeout)
        else:
            request = urllib.request.Request(self.url + path, data=data, headers=sent, method=method)
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    status, answer_headers, raw = response.status, dict(response.headers), response.read()
            except urllib.error.HTTPError as error:
                status, answer_headers, raw = error.code, dict(error.headers), error.read()
        text = raw.decode(errors="replace")
        content_type = answer_headers.get("Content-Type", "")
        body = json.loads(text) if "json" in content_type and text else text
        return status, answer_headers, body

    def _kept_call(self, method: str, path: str, data: bytes | None, headers: dict[str, str], timeout: float):
        """One request on this thread's kept-alive connection (opened when it has none). The server closes a
        connection idle for its keep-alive time (gunicorn's default: 2 s); a request that meets such a
        connection closed never reached the application, and is sent once more on a new one."""
        for attempt in ("kept", "new"):
            connection = getattr(self._kept, "connection", None)
            if connection is None:
                attempt = "new"
                connection = self._kept.connection = KeptConnection(self.port, timeout)
            else:
                connection.sock.settimeout(timeout)
            try:
                status, answer_headers, raw, will_close = connection.exchange(method, path, data, headers)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self._close_kept()
                if attempt == "new":
                    raise
                continue
            except BaseException:
                self._close_kept()
                raise
            if will_close:
                self._close_kept()
            return status, answer_headers, raw
        raise AssertionError("unreachable: the second attempt answers or raises")

    def _close_kept(self) -> None:
        """Close this thread's kept-alive connection, if it has one."""
        connection = getattr(self._kept, "connection", None) if self._kept is not None else None
        if connection is not None:
            self._kept.connection = None
            connection.close()


class KeptConnection:
    """One kept-alive HTTP/1.1 connection to a server on loopback, for a client of many calls in a row (the
    features' thousands a run). It sends what ``http.client`` sends for such a call and reads the answer's
    head itself: ``http.client`` parses every head with the e-mail package's parser, and a features run paid
    that (and ``dict`` of its message, a scan of every header for each header) at every call. The headers
    come back as ``dict`` of ``http.client``'s message gives them: each name as the server wrote it, the value
    of its first occurrence. A body is read by its ``Content-Length``, chunk by
    chunk when chunked, else up to the server's close (``tests/unit/test_kept_connection.py``)."""

    _LONGEST_LINE = 65536  # as http.client reads a head's line

    def __init__(self, port: int, timeout: float):
        self.host = f"127.0.0.1:{port}"
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as http.client: no Nagle delay
        self._answers = self.sock.makefile("rb")

    def exchange(
        self, method: str, path: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes, bool]:
        """Send one request, read its answer: (status, headers, body, whether the server closes the
        connection after it). An answer that never begins (the server closed the connection as idle) raises
        ``http.client.RemoteDisconnected``, as ``http.client`` does."""
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}", "Accept-Encoding: identity"]
        names = {name.lower() for name in headers}
        if "content-length" not in names and (body is not None or method in ("POST", "PUT", "PATCH")):
            head.append(f"Content-Length: {len(body or b'')}")
        head += [f"{name}: {value}" for name, value in headers.items()]
        self.sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + (body or b""))
        status_line = self._answers.readline(self._LONGEST_LINE + 1)
        if not status_line:
            raise http.client.RemoteDisconnected("Remote end closed connection without response")
        version, status, _ = (status_line.decode("latin-1").rstrip("\r\n") + " ").split(" ", 2)
        if not version.startswith("HTTP/") or not status.isdigit():
            raise http.client.BadStatusLine(status_line)
        answer_headers, lowered = self._head()
        code = int(status)
        connection = lowered.get("connection", "").lower()
        kept = "keep-alive" in connection or "keep-alive" in lowered
        will_close = "close" in connection or (version == "HTTP/1.0" and not kept)
        if method == "HEAD" or code in (204, 304) or 100 <= code < 200:
            return code, answer_headers, b"", will_close
        if lowered.get("transfer-encoding", "").lower() == "chunked":
            return code, answer_headers, self._chunks(), will_close
        if "content-length" in lowered:
            return code, answer_headers, self._exactly(int(lowered["content-length"])), will_close
        return code, answer_headers, self._answers.read(), True  # the body ends where the server closes

    def _head(self) -> tuple[dict[str, str], dict[str, str]]:
        """The answer's headers as ``dict`` of ``http.client``'s message has them (each name as written, the
        value of its first occurrence whatever its case), and the same by lowercased name."""
        written: list[tuple[str, str]] = []
        while True:
            line = self._answers.readline(self._LONGEST_LINE + 1)
            if len(line) > self._LONGEST_LINE:
                raise http.client.LineTooLong("header line")
            if line in (b"\r\n", b"\n", b""):
                break
            text = line.decode("latin-1")
            if text[0] in " \t" and written:  # a folded line continues the header before it, line end and all
                name, value = written[-1]
                written[-1] = (name, value + text)
                continue
            name, _, value = text.partition(":")
            written.append((name, value.lstrip(" \t")))
        lowered: dict[str, str] = {}
        for name, value in written:
            lowered.setdefault(name.lower(), value.rstrip("\r\n"))
        return {name: lowered[name.lower()] for name, _ in written}, lowered

    def _exactly(self, size: int) -> bytes:
        body = self._answers.read(size)
        if len(body) < size:
            raise http.client.IncompleteRead(body, size - len(body))
        return body

    def _chunks(self) -> bytes:
        parts = []
        while True:
            size_line = self._answers.readline(self._LONGEST_LINE + 1)
            if not size_line:
                raise http.client.IncompleteRead(b"".join(parts))
            size = int(size_line.split(b";", 1)[0], 16)
            if size == 0:
                break
            parts.append(self._exactly(size))
            self._exactly(2)  # the chunk's CRLF
        while self._answers.readline(self._LONGEST_LINE + 1) not in (b"\r\n", b"\n", b""):
            pass  # the trailer's headers, if any
        return b"".join(parts)

    def close(self) -> None:
        self._answers.close()
        self.sock.close()
