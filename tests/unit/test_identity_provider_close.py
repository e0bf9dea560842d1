"""The tests' identity provider stops serving its keys when it is closed, without a serving loop that
polls: its wait for a connection has no timeout, and closing wakes it."""

from __future__ import annotations

import json
import socketserver
import urllib.request
from typing import ClassVar

import pytest

from harness.identity_provider import IdentityProvider


class _RecordingSelector(socketserver._ServerSelector):
    timeouts: ClassVar[list] = []  # the timeout of every wait for a connection

    def select(self, timeout=None):
        _RecordingSelector.timeouts.append(timeout)
        return super().select(timeout)


@pytest.fixture
def recorded_waits(monkeypatch):
    _RecordingSelector.timeouts = []
    monkeypatch.setattr(socketserver, "_ServerSelector", _RecordingSelector)
    return _RecordingSelector.timeouts


def test_closing_wakes_the_wait_for_a_connection_and_ends_the_serving(recorded_waits):
    provider = IdentityProvider()
    with urllib.request.urlopen(provider.jwks_url, timeout=10) as answer:
        assert json.loads(answer.read())["keys"][0]["kid"] == "k1"
    provider.close()
    assert not provider._serving.is_alive()
    assert recorded_waits and all(timeout is None for timeout in recorded_waits)
    with pytest.raises(OSError):
        urllib.request.urlopen(provider.jwks_url, timeout=10)
    provider.close()  # again: nothing to stop
