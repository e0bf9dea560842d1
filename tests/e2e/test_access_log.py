"""`kanta-onboarding serve` logs a line per request unless told not to (a load balancer that logs them)."""

from __future__ import annotations

import pytest

from harness.server import DEFAULT_ADMIN_TOKEN, RunningServer


@pytest.mark.parametrize("access_log", [True, False], ids=["default", "no-access-log"])
def test_the_access_log_has_a_line_per_request_unless_turned_off(tmp_path, access_log):
    with RunningServer(tmp_path, access_log=access_log) as server:
        status, _, _ = server.call("GET", "/api/v1/process-definitions?limit=7", token=DEFAULT_ADMIN_TOKEN)
        assert status == 200
        server.stop()  # gunicorn flushes its log as it stops
        logged = server.output()
    assert ("GET /api/v1/process-definitions?limit=7" in logged) is access_log, logged
    assert "deployed" in logged  # the start-up lines are there either way
