"""A server called on kept-alive connections (``RunningServer(keep_alive=True)``, as the features call
theirs): the calls in a row share one connection, and a call that meets the connection closed by the server
as idle is sent again on a new one, and done once."""

from __future__ import annotations

import time

from harness.server import DEFAULT_ADMIN_TOKEN, RunningServer

TOKEN = DEFAULT_ADMIN_TOKEN
IDLE_CLOSE_SECONDS = 2  # gunicorn's keep-alive time: a connection idle this long is closed by the server


def _local_port(server: RunningServer) -> int:
    """The client's port of the connection the last call left open."""
    return server._kept.connection.sock.getsockname()[1]


def test_calls_share_a_connection_and_a_call_after_an_idle_close_is_done_once(tmp_path):
    with RunningServer(tmp_path, keep_alive=True) as server:
        ports = set()
        for _ in range(3):
            status, _, _ = server.call("GET", "/api/v1/tasks", token=TOKEN)
            assert status == 200
            ports.add(_local_port(server))
        assert len(ports) == 1, ports

        time.sleep(IDLE_CLOSE_SECONDS + 1)
        start = {
            "process_key": "simple_onboarding",
            "business_key": "KEPT-1",
            "variables": {"region": "Uusimaa"},
        }
        status, _, started = server.call("POST", "/api/v1/process-instances", token=TOKEN, json_body=start)

        assert status == 201, started
        assert _local_port(server) not in ports  # the kept connection was closed: the call went on a new one
        status, _, instances = server.call(
            "GET", "/api/v1/process-instances?business_key=KEPT-1", token=TOKEN
        )
        assert status == 200 and instances["total"] == 1, instances
    assert server._kept.connection is None  # closed with the server
