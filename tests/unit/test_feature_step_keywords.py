"""An action is written after Kun and a check after Niin (either after Oletetaan … Ja), though each is one
step definition for every keyword."""

from __future__ import annotations

import pytest

from features.steps import complete_task, keyword_fits, only_open_task, start


@pytest.mark.parametrize("step_type", ["when", "given"])
def test_an_action_follows_kun_or_oletetaan(step_type):
    keyword_fits(step_type, complete_task)


def test_an_action_after_niin_is_refused():
    with pytest.raises(AssertionError, match='one of the actions: not written after "Niin"'):
        keyword_fits("then", complete_task)


@pytest.mark.parametrize("step_type", ["then", "given"])
def test_a_check_follows_niin_or_oletetaan(step_type):
    keyword_fits(step_type, only_open_task)


def test_a_check_after_kun_is_refused():
    with pytest.raises(AssertionError, match='one of the checks: not written after "Kun"'):
        keyword_fits("when", only_open_task)


def test_an_opening_step_is_an_action_too():
    keyword_fits("given", start)
    with pytest.raises(AssertionError, match="one of the actions"):
        keyword_fits("then", start)
