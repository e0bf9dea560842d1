"""The features' kept-alive connection (``harness.server.KeptConnection``) reads an answer as ``http.client``
does: the same raw answers, written by a loopback listener, are read by both, and the status, the headers as
``dict`` of ``http.client``'s message has them, the body and whether the connection ends after it agree."""

from __future__ import annotations

import http.client
import socket
import threading

import pytest

from harness.server import KeptConnection

# Each a server's raw answer (after the head's blank line: its body); the listener reads one request, writes
# the answer, and (when the answer ends at the close) closes.
ANSWERS = {
    "content-length": (
        b"HTTP/1.1 200 OK\r\nServer: gunicorn\r\nContent-Type: application/json\r\n"
        b'Content-Length: 11\r\n\r\n{"a": "ok"}'
    ),
    "chunked": (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
        b"5;note=x\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n"
    ),
    "no length, closed": b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end",
    "closing": b"HTTP/1.1 404 NOT FOUND\r\nConnection: close\r\nContent-Length: 4\r\n\r\nnone",
    "HTTP/1.0": b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok",
    "HTTP/1.0 kept": b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok",
    "no content": b"HTTP/1.1 204 NO CONTENT\r\nX-Request: 1\r\n\r\n",
    "same header twice, cases differ": (
        b"HTTP/1.1 201 CREATED\r\nVary: Accept\r\nvary: Accept-Language\r\nX-Id: 1\r\nX-Id: 2\r\n"
        b"Content-Length: 0\r\n\r\n"
    ),
    "folded header, spaces in a value": (
        b"HTTP/1.1 200 OK\r\nX-Folded: one\r\n  two\r\nX-Spaced:   padded  \r\nContent-Length: 0\r\n\r\n"
    ),
    "no reason phrase": b"HTTP/1.1 200\r\nContent-Length: 1\r\n\r\n.",
}


class _Listener:
    """Answers each request of each connection with ``answer``; records each request's head and body."""

    def __init__(self, answer: bytes):
        self.answer, self.requests = answer, []
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            with connection, connection.makefile("rb") as reader:
                while True:
                    head = []
                    while (line := reader.readline()) not in (b"\r\n", b""):
                        head.append(line.decode("latin-1").rstrip("\r\n"))
                    if not head:
                        break
                    length = next(
                        (int(h.split(":")[1]) for h in head if h.lower().startswith("content-length")), 0
                    )
                    self.requests.append((head, reader.read(length)))
                    connection.sendall(self.answer)
                    if b"Content-Length" not in self.answer and b"chunked" not in self.answer:
                        break  # the body ends where this connection does

    def close(self) -> None:
        self.sock.close()


def _by_http_client(port: int, method: str) -> tuple[int, dict, bytes, bool]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request(method, "/api/v1/tasks", headers={"Authorization": "Bearer t"})
        response = connection.getresponse()
        return response.status, dict(response.headers), response.read(), response.will_close
    finally:
        connection.close()


def _by_kept(port: int, method: str) -> tuple[int, dict, bytes, bool]:
    connection = KeptConnection(port, 5)
    try:
        return connection.exchange(method, "/api/v1/tasks", None, {"Authorization": "Bearer t"})
    finally:
        connection.close()


# every answer to a GET; those with a length to a HEAD too (a HEAD's answer has no body, so says its length)
CALLS = [(name, "GET") for name in ANSWERS] + [
    (name, "HEAD") for name, answer in ANSWERS.items() if b"Content-Length" in answer
]


@pytest.mark.parametrize(("name", "method"), CALLS)
def test_an_answer_reads_as_http_client_reads_it(name, method):
    listener = _Listener(ANSWERS[name])
    try:
        assert _by_kept(listener.port, method) == _by_http_client(listener.port, method)
    finally:
        listener.close()


def test_a_request_is_sent_as_http_client_sends_it():
    listener = _Listener(ANSWERS["content-length"])
    try:
        for method, body in (("POST", b'{"x": 1}'), ("POST", None), ("GET", None), ("DELETE", b"")):
            headers = {"Authorization": "Bearer t", "Content-Type": "application/json"}
            connection = http.client.HTTPConnection("127.0.0.1", listener.port, timeout=5)
            connection.request(method, "/api/v1/x?y=1", body=body, headers=headers)
            connection.getresponse().read()
            connection.close()
            kept = KeptConnection(listener.port, 5)
            kept.exchange(method, "/api/v1/x?y=1", body, headers)
            kept.close()
            by_http_client, by_kept = listener.requests[-2:]
            assert by_kept == by_http_client, method
    finally:
        listener.close()


def test_calls_in_a_row_share_the_connection_and_a_closed_one_says_so():
    listener = _Listener(ANSWERS["content-length"])
    try:
        kept = KeptConnection(listener.port, 5)
        port = kept.sock.getsockname()[1]
        answers = [kept.exchange("GET", f"/api/v1/tasks?n={n}", None, {}) for n in range(3)]
        assert [answer[2] for answer in answers] == [b'{"a": "ok"}'] * 3
        assert [answer[3] for answer in answers] == [False] * 3
        assert kept.sock.getsockname()[1] == port and len(listener.requests) == 3
        kept.close()
    finally:
        listener.close()

    closed = _Listener(b"")  # reads the request and ends the connection without a word, as an idle close
    try:
        kept = KeptConnection(closed.port, 5)
        with pytest.raises(http.client.RemoteDisconnected):
            kept.exchange("GET", "/api/v1/tasks", None, {})
        kept.close()
    finally:
        closed.close()
