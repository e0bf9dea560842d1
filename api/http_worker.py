"""The gunicorn worker ``serve`` runs: gunicorn's threaded worker, except that no thread waits for a client.

gunicorn's ``gthread`` worker hands a connection to one of its threads as soon as the first byte arrives,
and the thread then blocks until the request's head (request line and headers) and then its body have
arrived: four clients sending a byte every few seconds hold all four threads, and the API stops answering.
Here the worker's event loop gathers each request's head and body without blocking, on new and kept-alive
connections alike, and a thread is given only to a request that has arrived whole. A head not complete
within ``HEAD_SECONDS`` of waiting for it is answered 408 and the connection closed; one larger than
``HEAD_BYTES`` is answered 431. A body gets ``BODY_SECONDS``, and a second more for every
``BODY_BYTES_PER_SECOND`` it declares, before the same 408; one declared larger than the app takes is
handed over at once, for the app to refuse (413) without reading it. A waiting client costs a socket and
the bytes it sent, not a thread, up to gunicorn's ``worker_connections`` per worker.

A long poll (``api/long_poll.py``) that found nothing yet is kept aside the same way: its connection
waits in the event loop, and the whole request, kept as it arrived, goes to a thread again at its next
try, or at once when the engine signals work of one of its topics.
"""

from __future__ import annotations

import contextlib
import errno
import json
import re
import selectors
import socket
import threading
import time
import traceback
from collections import deque
from functools import partial
from types import SimpleNamespace

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker

from .long_poll import ENVIRON_KEY, LongPoll, PollAgain
from .problems import PROBLEM_JSON, TYPE_BASE, http_kind

# A client on any network sends its request's head in well under this; a slower one is holding a socket.
HEAD_SECONDS = 10.0
# Far above any real head (gunicorn itself refuses a header field over 8190 bytes).
HEAD_BYTES = 64 * 1024
_READ_SIZE = 16 * 1024
# The most the app takes in one request (MAX_CONTENT_LENGTH in api/app.py); a body beyond it is not gathered.
BODY_BYTES = 5 * 1024 * 1024
# A body may take this long, and a second more for every BODY_BYTES_PER_SECOND it declares (an upload of
# 5 MiB gets 90 s: a slow link, not a client that holds a socket for minutes).
BODY_SECONDS = 10.0
BODY_BYTES_PER_SECOND = 64 * 1024
_CONTENT_LENGTH = re.compile(rb"\ncontent-length[ \t]*:[ \t]*(\d+)", re.IGNORECASE)
_EXPECTS_CONTINUE = re.compile(rb"\nexpect[ \t]*:[ \t]*100-continue", re.IGNORECASE)
_CHUNKED = re.compile(rb"\ntransfer-encoding[ \t]*:[^\n]*chunked", re.IGNORECASE)
# The connection a thread is serving, for the app's long polls (set in ``handle``).
_serving = threading.local()


def write_problem(sock, status: int, reason: str, message: str) -> None:
    """An answer gunicorn or this worker gives before the app sees a request, as problem+json like every
    other error (instead of gunicorn's HTML page); the connection is closed after it."""
    kind = http_kind(status)
    body = json.dumps(
        {"type": TYPE_BASE + kind, "title": reason, "status": status, "detail": message or reason}
    ).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: {PROBLEM_JSON}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


def _head_end(received: bytearray, searched_from: int) -> int | None:
    """Where the request's body starts in what was received, or None while the head is incomplete."""
    start = max(0, searched_from - 3)
    ends = [(at, len(mark)) for mark in (b"\r\n\r\n", b"\n\n") if (at := received.find(mark, start)) >= 0]
    return min(ends)[0] + min(ends)[1] if ends else None


def _body_bytes_awaited(received: bytearray, body_start: int) -> int | None:
    """How many bytes the body declares (capped at BODY_BYTES for a chunked one), or None when the event
    loop waits for no body: there is none, it has arrived, or it is larger than the app takes."""
    head = bytes(received[:body_start])
    arrived = len(received) - body_start
    if _CHUNKED.search(head):
        finished = received.endswith(b"0\r\n\r\n") and arrived >= 5
        return None if finished or arrived > BODY_BYTES else BODY_BYTES
    declared = _CONTENT_LENGTH.search(head)
    length = int(declared.group(1)) if declared else 0
    return length if arrived < length <= BODY_BYTES else None


# What gunicorn's atoms of an access-log line read of the environ, besides the atoms of every environ entry.
_ENVIRON_READ = (
    "REMOTE_ADDR",
    "REQUEST_METHOD",
    "RAW_URI",
    "SERVER_PROTOCOL",
    "PATH_INFO",
    "QUERY_STRING",
    "HTTP_REFERER",
    "HTTP_USER_AGENT",
    "HTTP_AUTHORIZATION",  # the user of a basic authorization, %(u)s
)
_BRACED_ATOM = re.compile(r"%\(\{")


class AccessLog:
    """The worker's gunicorn logger, writing gunicorn's own access-log line, format and all, without making
    the atoms the format does not name: ``Logger.atoms`` makes one of every request header, answer header
    and environ entry, and ``SafeAtoms`` copies and escapes them all, for every request (about half of the
    line's cost, 0.1 ms a request), and the default format names none of them. A format that names one
    (``%({name}i)s``, ``%({name}o)s``, ``%({name}e)s``) gets gunicorn's whole set, as before."""

    def __init__(self, log):
        self._log = log

    def __getattr__(self, name):
        return getattr(self._log, name)

    def access(self, resp, req, environ, request_time) -> None:
        log = self._log
        if not log.access_log_enabled:
            return
        line = log.cfg.access_log_format
        if _BRACED_ATOM.search(line):
            log.access(resp, req, environ, request_time)
            return
        answer = SimpleNamespace(status=resp.status, sent=getattr(resp, "sent", None), headers=())
        read = {name: environ[name] for name in _ENVIRON_READ if name in environ}
        try:
            log.access_log.info(line, log.atoms_wrapper_class(log.atoms(answer, (), read, request_time)))
        except Exception:
            log.error(traceback.format_exc())


class HeadGatheringWorker(ThreadWorker):
    """gthread, with each request's head gathered by the event loop before a thread takes the request."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.log = AccessLog(self.log)
        # Connections whose request is still arriving (its head, then its body), each with its deadline.
        self.gathering: deque = deque()
        # Long polls waiting for their next try: connection -> when (time.monotonic()).
        self.polling: dict = {}

    def load_wsgi(self):
        super().load_wsgi()
        app = self.wsgi

        def with_long_poll(environ, start_response):
            conn = getattr(_serving, "conn", None)
            if conn is not None:
                environ[ENVIRON_KEY] = conn.long_poll
            return app(environ, start_response)

        self.wsgi = with_long_poll
        engine = app.extensions.get("kanta_engine") if hasattr(app, "extensions") else None
        if engine is not None:
            # from the thread that committed the work (or heard of it): the event loop wakes the polls
            engine.on_work_ready(lambda topics: self.method_queue.defer(self._wake_polls, topics))

    def _wake_polls(self, topics: frozenset[str]) -> None:
        """In the event loop: the polls waiting for work of ``topics`` try again now."""
        woken = [conn for conn in self.polling if conn.long_poll.wakes_for(topics)]
        for conn in woken:
            self.polling[conn] = 0.0
        if woken:
            self._poll_again(time.monotonic())

    def enqueue_req(self, conn):
        """Every way a connection reaches a thread passes here: a new connection, a kept-alive one that
        became readable, bytes read ahead after the previous request. Only a complete head goes on."""
        read_ahead = conn.parser.unreader.take_buffered() if conn.parser is not None else b""
        conn.head, conn.body_start = bytearray(read_ahead), None
        if self._arrived_whole(conn, 0):
            self._hand_over(conn)
            return
        conn.sock.setblocking(False)
        # Most requests have arrived whole by now (a kept-alive connection became readable, a new client sent
        # its request at once): take what is there before waiting on the poller for the rest.
        outcome = self._read_request(conn)
        if outcome is not None:
            self._finish(conn, outcome)
            return
        if conn.body_start is None:
            conn.timeout = time.monotonic() + HEAD_SECONDS
        self.gathering.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_readable, conn))

    def _on_readable(self, conn, client) -> None:
        outcome = self._read_request(conn)
        if outcome is not None:
            self._stop_gathering(conn)
            self._finish(conn, outcome)

    def _read_request(self, conn) -> str | None:
        """Read what has arrived of the request: None while it is incomplete, else what to do now."""
        try:
            data = conn.sock.recv(_READ_SIZE)
        except (BlockingIOError, InterruptedError):
            return None
        except OSError:
            data = b""
        if not data:
            return "gone"  # the client closed the connection, or it broke
        searched = len(conn.head)
        conn.head += data
        if self._arrived_whole(conn, searched):
            return "serve"
        return "too large" if conn.body_start is None and len(conn.head) > HEAD_BYTES else None

    def _arrived_whole(self, conn, searched: int) -> bool:
        """Whether the request's head and the body it declares have arrived; when the head has just
        completed, the body's deadline starts."""
        if conn.body_start is None:
            conn.body_start = _head_end(conn.head, searched)
            if conn.body_start is None:
                return False
            awaited = _body_bytes_awaited(conn.head, conn.body_start)
            if awaited is not None:
                conn.timeout = time.monotonic() + BODY_SECONDS + awaited / BODY_BYTES_PER_SECOND
                if _EXPECTS_CONTINUE.search(bytes(conn.head[: conn.body_start])):
                    # The client waits for this before it sends the body (gunicorn sends it again later:
                    # a client takes any number of 1xx answers).
                    with contextlib.suppress(OSError):
                        conn.sock.send(b"HTTP/1.1 100 Continue\r\n\r\n")
            return awaited is None
        return _body_bytes_awaited(conn.head, conn.body_start) is None

    def _finish(self, conn, outcome: str) -> None:
        if outcome == "serve":
            self._hand_over(conn)
        elif outcome == "gone":
            self.nr_conns -= 1
            conn.close()
        else:
            too_large = f"the request head is over {HEAD_BYTES} bytes"
            self._refuse(conn, 431, "Request Header Fields Too Large", too_large)

    def _hand_over(self, conn) -> None:
        conn.data_ready = True  # gthread's own wait for a first byte is over
        super().enqueue_req(conn)

    def handle(self, conn):
        """In the thread: give the gathered bytes back to the request parser, then serve as gthread does;
        a long poll that found nothing yet gives its thread back (``_Polling``)."""
        head, conn.head = getattr(conn, "head", None), None
        if head:
            conn.init()  # makes the parser of a new connection (once)
            conn.parser.unreader.unread(bytes(head))
            conn.request_bytes = bytes(head)  # as it arrived, for a long poll's next try
        if not hasattr(conn, "long_poll"):
            conn.long_poll = LongPoll()
        _serving.conn = conn
        try:
            result = super().handle(conn)
        except PollAgain as again:
            return _Polling(again.at)
        finally:
            _serving.conn = None
        conn.long_poll.answered()
        return result

    def finish_request(self, conn, fs):
        if not fs.cancelled() and fs.exception() is None and isinstance(fs.result(), _Polling):
            # Nothing was answered: what the parser still holds is the same request, which goes again whole.
            conn.parser.unreader.take_buffered()
            self.polling[conn] = fs.result().at
            return
        super().finish_request(conn, fs)

    def _poll_again(self, now: float) -> None:
        """Hand each long poll whose try is due (all of them when the worker stops) to a thread again; one
        whose client has gone is closed instead, so no task is locked for nobody."""
        for conn in [c for c, at in self.polling.items() if at <= now or not self.alive]:
            del self.polling[conn]
            if _closed_by_client(conn.sock):
                self.nr_conns -= 1
                conn.close()
                continue
            if not self.alive:
                conn.long_poll.stop()
            conn.head, conn.body_start = bytearray(conn.request_bytes), None
            self._hand_over(conn)

    def _stop_gathering(self, conn) -> None:
        self.gathering.remove(conn)
        with contextlib.suppress(OSError, KeyError, ValueError):  # the socket broke meanwhile
            self.poller.unregister(conn.sock)

    def _refuse(self, conn, status: int, reason: str, message: str) -> None:
        try:
            write_problem(conn.sock, status, reason, message)
        except OSError as error:  # the client is not reading: it gets no answer
            if error.errno not in (errno.EAGAIN, errno.EPIPE, errno.ECONNRESET, errno.EWOULDBLOCK, None):
                self.log.debug("Could not answer %s: %s", status, error)
        self.nr_conns -= 1
        conn.close()

    def murder_pending(self):
        """Besides gthread's own pending connections: answer 408 to every request past its deadline. (The
        event loop calls this at least every second: due long polls go on from here too.)"""
        super().murder_pending()
        now = time.monotonic()
        self._poll_again(now)
        for conn in [conn for conn in self.gathering if conn.timeout <= now]:
            self._stop_gathering(conn)
            if conn.body_start is None:
                waited = f"the request head was not complete within {HEAD_SECONDS:g} seconds"
            else:
                waited = "the request body did not arrive in the time its length allows"
            self._refuse(conn, 408, "Request Timeout", waited)

    def _cap_keepalive(self, deadline):
        # A stopping worker waits for no slow head longer than for a kept-alive connection.
        super()._cap_keepalive(deadline)
        for conn in self.gathering:
            conn.timeout = min(conn.timeout, deadline)


class _Polling:
    """What ``handle`` answers for a long poll that found nothing yet: try again at ``at``."""

    def __init__(self, at: float):
        self.at = at


def _closed_by_client(sock) -> bool:
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except (BlockingIOError, InterruptedError):
        return False  # open, and nothing more sent
    except OSError:
        return True
