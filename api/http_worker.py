"""The gunicorn worker ``serve`` runs: gunicorn's threaded worker, except that no thread waits for a client.

gunicorn's ``gthread`` worker hands a connection to one of its threads as soon as the first byte arrives,
and the thread then blocks until the request's head (request line and headers) is complete: four clients
sending their headers a byte every few seconds hold all four threads, and the API stops answering. Here
the worker's event loop gathers each request's head without blocking, on new and kept-alive connections
alike, and a thread is given only to a request whose head is complete. A head not complete within
``HEAD_SECONDS`` of waiting for it is answered 408 and the connection closed; one larger than
``HEAD_BYTES`` is answered 431. A waiting client costs a socket and its few bytes, not a thread, up to
gunicorn's ``worker_connections`` per worker.
"""

from __future__ import annotations

import contextlib
import errno
import json
import selectors
import time
from collections import deque
from functools import partial

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker

from .problems import PROBLEM_JSON, TYPE_BASE, http_kind

# A client on any network sends its request's head in well under this; a slower one is holding a socket.
HEAD_SECONDS = 10.0
# Far above any real head (gunicorn itself refuses a header field over 8190 bytes).
HEAD_BYTES = 64 * 1024
_READ_SIZE = 16 * 1024


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


def _head_complete(head: bytearray, searched_from: int) -> bool:
    start = max(0, searched_from - 3)
    return head.find(b"\r\n\r\n", start) >= 0 or head.find(b"\n\n", start) >= 0


class HeadGatheringWorker(ThreadWorker):
    """gthread, with each request's head gathered by the event loop before a thread takes the request."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Connections whose request head is still arriving, oldest deadline first (every deadline is the
        # same span from when it was set, so appending keeps the order).
        self.gathering: deque = deque()

    def enqueue_req(self, conn):
        """Every way a connection reaches a thread passes here: a new connection, a kept-alive one that
        became readable, bytes read ahead after the previous request. Only a complete head goes on."""
        read_ahead = conn.parser.unreader.take_buffered() if conn.parser is not None else b""
        conn.head = bytearray(read_ahead)
        if _head_complete(conn.head, 0):
            self._hand_over(conn)
            return
        conn.sock.setblocking(False)
        # Most heads have arrived whole by now (a kept-alive connection became readable, a new client sent
        # its request at once): take what is there before waiting on the poller for the rest.
        outcome = self._read_head(conn)
        if outcome is not None:
            self._finish(conn, outcome)
            return
        conn.timeout = time.monotonic() + HEAD_SECONDS
        self.gathering.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_head_readable, conn))

    def _on_head_readable(self, conn, client) -> None:
        outcome = self._read_head(conn)
        if outcome is not None:
            self._stop_gathering(conn)
            self._finish(conn, outcome)

    def _read_head(self, conn) -> str | None:
        """Read what has arrived of the head: None while it is incomplete, else what to do now."""
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
        if _head_complete(conn.head, searched):
            return "serve"
        return "too large" if len(conn.head) > HEAD_BYTES else None

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
        """In the thread: give the gathered bytes back to the request parser, then serve as gthread does."""
        head, conn.head = getattr(conn, "head", None), None
        if head:
            conn.init()  # makes the parser of a new connection (once)
            conn.parser.unreader.unread(bytes(head))
        return super().handle(conn)

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
        """Besides gthread's own pending connections: answer 408 to every head past its deadline."""
        super().murder_pending()
        now = time.monotonic()
        while self.gathering and self.gathering[0].timeout <= now:
            conn = self.gathering[0]
            self._stop_gathering(conn)
            waited = f"the request head was not complete within {HEAD_SECONDS:g} seconds"
            self._refuse(conn, 408, "Request Timeout", waited)

    def _cap_keepalive(self, deadline):
        # A stopping worker waits for no slow head longer than for a kept-alive connection.
        super()._cap_keepalive(deadline)
        for conn in self.gathering:
            conn.timeout = min(conn.timeout, deadline)
