"""A keep-alive HTTP client for the benchmark, timing each call, and the onboarding path driven through it.

One connection carries one instance's calls back to back (opened before the first call is timed), so
the figures are the server's work and not TCP connection setup. A fresh connection per instance lets
the kernel hand instances to whichever gunicorn worker accepts first, as a load balancer would, and
never meets a connection the server closed while it sat idle between rounds.
"""

from __future__ import annotations

import http.client
import json
import time
from collections import defaultdict

from bench.pdr_path import PROCESS_KEY, START_VARIABLES, STEPS

API = "/api/v1"


class CallFailed(RuntimeError):
    pass


class Latencies:
    """Seconds per call, by kind of call (start, complete, message, get_instance, …)."""

    def __init__(self) -> None:
        self.by_kind: dict[str, list[float]] = defaultdict(list)

    def add(self, kind: str, seconds: float) -> None:
        self.by_kind[kind].append(seconds)

    def extend(self, other: Latencies) -> None:
        for kind, values in other.by_kind.items():
            self.by_kind[kind].extend(values)

    def all(self) -> list[float]:
        return [value for values in self.by_kind.values() for value in values]


class Client:
    def __init__(self, port: int, token: str, timeout: float = 60.0):
        self.port, self.timeout = port, timeout
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        self.connection: http.client.HTTPConnection | None = None

    def connect(self) -> None:
        self.close()
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        self.connection.connect()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def call(self, method: str, path: str, body=None, *, expect: int = 200) -> tuple[object, float]:
        """One request on the open connection; answers the JSON body and the seconds it took."""
        if self.connection is None:
            self.connect()
        data = None if body is None else json.dumps(body).encode()
        started = time.perf_counter()
        self.connection.request(method, API + path, body=data, headers=self.headers)
        response = self.connection.getresponse()
        raw = response.read()
        elapsed = time.perf_counter() - started
        if response.status != expect:
            raise CallFailed(f"{method} {path} answered {response.status}: {raw[:500]!r}")
        return json.loads(raw) if raw else None, elapsed


def start(client: Client, business_key: str, latencies: Latencies) -> dict:
    body = {"process_key": PROCESS_KEY, "business_key": business_key, "variables": START_VARIABLES}
    instance, seconds = client.call("POST", "/process-instances", body, expect=201)
    latencies.add("start", seconds)
    return instance


def complete(client: Client, instance: dict, element_id: str, data: dict, latencies: Latencies) -> dict:
    [task] = [t for t in instance["ready_tasks"] if t["element_id"] == element_id]
    instance, seconds = client.call("POST", f"/tasks/{task['id']}/complete", {"data": data})
    latencies.add("complete", seconds)
    return instance


def deliver(client: Client, business_key: str, name: str, payload: dict, latencies: Latencies) -> dict:
    body = {"name": name, "business_key": business_key, "payload": payload}
    instance, seconds = client.call("POST", "/messages", body)
    latencies.add("message", seconds)
    return instance


def run_path(client: Client, business_key: str, latencies: Latencies, after_step=None) -> dict:
    """Drive one instance from start to its end over one fresh keep-alive connection.
    ``after_step(instance)`` is called after every write (for measuring stored bytes)."""
    client.connect()
    try:
        instance = start(client, business_key, latencies)
        if after_step:
            after_step(instance, "started")
        for kind, name, data in STEPS:
            if kind == "task":
                instance = complete(client, instance, name, data, latencies)
            else:
                instance = deliver(client, business_key, name, data, latencies)
            if after_step:
                after_step(instance, f"{name}" if kind == "task" else f"message {data}")
    finally:
        client.close()
    if instance["status"] != "completed":
        raise CallFailed(f"instance {instance['id']} ended {instance['status']}, not completed")
    return instance
