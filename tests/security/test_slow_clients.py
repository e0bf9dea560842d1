"""Clients that send their request heads slowly, or never finish them, hold no thread of the real server:
the API answers within a second all along, and each slow head is answered 408 and closed."""

from __future__ import annotations

import http.client
import json
import selectors
import socket
import threading
import time

import pytest

from harness.server import RunningServer

from .conftest import ADMIN_TOKEN, TOKENS

ATTACKERS = 50
ATTACK_SECONDS = 60.0
DRIP_EVERY = 2.0  # seconds between two bytes of a dripped head
HEAD_SECONDS = 10.0  # the server's limit for a request head (api/http_worker.py)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(tmp_path_factory.mktemp("slow-clients"), tokens=TOKENS) as running:
        yield running


def timed_call(server: RunningServer, path: str, token: str | None = None) -> tuple[int, float]:
    """One request on a fresh connection that gives up after a second; (status or 0, seconds)."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=1.0)
    try:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        status = response.status
    except OSError:
        status = 0
    finally:
        connection.close()
    return status, time.monotonic() - started


class Drippers:
    """``count`` sockets each sending a request head one byte every DRIP_EVERY seconds, never finishing
    it; a socket the server closes is replaced at once, so ``count`` are dripping all the time."""

    # The bytes sent at once: a request head begun, never finished.
    opening = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "

    def __init__(self, port: int, count: int):
        self.port, self.count = port, count
        self.answers: list[bytes] = []
        self.selector = selectors.DefaultSelector()
        self.stop = threading.Event()

    def open_one(self) -> None:
        attacker = socket.create_connection(("127.0.0.1", self.port))
        attacker.sendall(self.opening)
        attacker.setblocking(False)
        self.selector.register(attacker, selectors.EVENT_READ, bytearray())

    def run(self, seconds: float) -> None:
        for _ in range(self.count):
            self.open_one()
        deadline = time.monotonic() + seconds
        next_drip = time.monotonic() + DRIP_EVERY
        while time.monotonic() < deadline and not self.stop.is_set():
            for key, _ in self.selector.select(timeout=0.2):
                self.read(key)
            if time.monotonic() >= next_drip:
                next_drip += DRIP_EVERY
                for key in list(self.selector.get_map().values()):
                    try:
                        key.fileobj.send(b"x")
                    except OSError:
                        self.replace(key)
        for key in list(self.selector.get_map().values()):
            self.selector.unregister(key.fileobj)
            key.fileobj.close()

    def read(self, key) -> None:
        try:
            data = key.fileobj.recv(4096)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if data:
            key.data.extend(data)
        else:
            self.replace(key)

    def replace(self, key) -> None:
        if key.data:
            self.answers.append(bytes(key.data))
        self.selector.unregister(key.fileobj)
        key.fileobj.close()
        self.open_one()


def _attack_and_probe(server, drippers: Drippers, seconds: float, cut_after: float, why: str) -> None:
    """While ``drippers`` attack for ``seconds``, /healthz and an authenticated call answer 200 within a
    second, twice a second; each dripper is cut off after ``cut_after`` seconds, told ``why`` as a 408
    problem, and replaced."""
    attack = threading.Thread(target=drippers.run, args=(seconds,), daemon=True)
    attack.start()
    time.sleep(1)  # every dripper connected and sent its first bytes
    probes = []
    try:
        while attack.is_alive():
            probes.append(("/healthz", *timed_call(server, "/healthz")))
            probes.append(("/api/v1/me", *timed_call(server, "/api/v1/me", token=ADMIN_TOKEN)))
            time.sleep(0.5)
    finally:
        drippers.stop.set()
        attack.join(timeout=10)

    slow = [
        (path, status, round(seconds, 2)) for path, status, seconds in probes if status != 200 or seconds >= 1
    ]
    assert len(probes) > 2 * (seconds - 5), len(probes)
    assert slow == []
    # each dripper is cut again and again, not once: a cut comes some time after ``cut_after`` (the server
    # looks at its deadlines now and then, and a loaded machine runs the attack's loop late), so one cut of
    # each dripper's may fall past the attack's end
    assert len(drippers.answers) >= ATTACKERS * (int((seconds - 1) // (cut_after + 1)) - 1)
    head, _, body = drippers.answers[0].partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408 ") and b"Content-Type: application/problem+json" in head
    assert json.loads(body)["detail"] == why


def test_fifty_clients_dripping_headers_for_a_minute_leave_the_api_answering_within_a_second(server):
    _attack_and_probe(
        server,
        Drippers(server.port, ATTACKERS),
        ATTACK_SECONDS,
        HEAD_SECONDS,
        "the request head was not complete within 10 seconds",
    )


class BodyDrippers(Drippers):
    """Each sends a whole head at once, declaring a body of 1,000 bytes, and then drips the body."""

    opening = (
        f"POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {ADMIN_TOKEN}\r\n"
        "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    ).encode()


BODY_SECONDS = 10.0  # the server's time for a body, plus a second for every 64 KiB it declares
BODY_ATTACK_SECONDS = 35.0


def test_fifty_clients_dripping_bodies_leave_the_api_answering_within_a_second(server):
    _attack_and_probe(
        server,
        BodyDrippers(server.port, ATTACKERS),
        BODY_ATTACK_SECONDS,
        BODY_SECONDS,
        "the request body did not arrive in the time its length allows",
    )


def test_a_body_that_arrives_in_pieces_within_its_time_is_served(server):
    body = json.dumps({"name": "no_such_message", "business_key": "0737546-2", "payload": {}}).encode()
    head = (
        f"POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {ADMIN_TOKEN}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as client:
        client.sendall(head)
        for start in range(0, len(body), 20):
            time.sleep(0.2)
            client.sendall(body[start : start + 20])
        answer = client.recv(65536)
    status_line = answer.split(b"\r\n", 1)[0]
    assert status_line.split()[1] in (b"404", b"409", b"422"), answer  # the app read the body and answered


def test_a_head_that_arrives_in_pieces_within_the_limit_is_served(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as client:
        for piece in (b"GET /hea", b"lthz HTTP/1.1\r\nHo", b"st: 127.0.0.1\r\n", b"\r\n"):
            client.sendall(piece)
            time.sleep(0.3)
        answer = client.recv(4096)
    assert answer.startswith(b"HTTP/1.1 200 ")


def test_kept_alive_and_pipelined_requests_are_each_answered(server):
    request = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as client:
        client.sendall(request * 3)  # three at once: the second and third are read ahead
        time.sleep(0.5)
        client.sendall(request[:10])  # a fourth, slowly, on the same connection
        time.sleep(0.5)
        client.sendall(request[10:])
        received = b""
        while received.count(b"HTTP/1.1 200 ") < 4:
            chunk = client.recv(65536)
            assert chunk, received
            received += chunk


def test_a_head_larger_than_any_real_one_is_refused_as_a_problem(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as client:
        client.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        try:
            for _ in range(20):
                client.sendall(b"X-Filler: " + b"y" * 8000 + b"\r\n")
        except OSError:
            pass  # the server answered and closed while the filler was still being sent
        answer = client.recv(65536)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 431 ")
    assert json.loads(body)["type"].endswith("/headers-too-large")
