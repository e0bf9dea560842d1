"""The features' steps take counts in good Finnish only: once is "kerran", never "1 kertaa"."""

from __future__ import annotations

import pytest

from features.steps import step_done_times, timer_fired


def test_a_step_done_once_is_said_kerran():
    with pytest.raises(AssertionError, match='once is "on tehty kerran"'):
        step_done_times(None, "Tee käyttöönottokoe", 1)


def test_a_timer_that_fired_once_is_said_kerran():
    with pytest.raises(AssertionError, match='once is "on lauennut kerran"'):
        timer_fired(None, "Raportin määräaika ylittynyt", 1)
