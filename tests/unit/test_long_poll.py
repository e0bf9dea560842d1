"""A long poll's timing: tried again every second until its time, capped, is up; then answered."""

from __future__ import annotations

import pytest

from api import long_poll
from api.long_poll import CAP_MS, LongPoll, PollAgain


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(long_poll.time, "monotonic", lambda: now[0])
    return now


def test_a_poll_is_tried_again_each_second_until_its_time_is_up(clock):
    poll = LongPoll()
    with pytest.raises(PollAgain) as again:
        poll.wait(2_500)
    assert again.value.at == 1001.0
    clock[0] = 1002.0
    with pytest.raises(PollAgain) as again:
        poll.wait(2_500)
    assert again.value.at == 1002.5  # not past the poll's end
    clock[0] = 1002.5
    poll.wait(2_500)  # time is up: the view answers the empty list
    assert poll.until is None  # and the connection's next request starts afresh


def test_a_poll_waits_at_most_the_cap_whatever_the_client_asks(clock):
    poll = LongPoll()
    with pytest.raises(PollAgain):
        poll.wait(1_800_000)
    assert poll.until == 1000.0 + CAP_MS / 1000


def test_a_stopping_server_answers_a_waiting_poll_at_once(clock):
    poll = LongPoll()
    with pytest.raises(PollAgain):
        poll.wait(10_000)
    poll.stop()
    poll.wait(10_000)
