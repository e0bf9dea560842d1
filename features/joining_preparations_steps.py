"""Steps for the joining's signal that its preparations are done (message kanta_joining_preparations_done):
the onboardings it calls wait for it from their start, and one that has already ended no longer does, which
the joining's history records instead of refusing the throw (its contract is a signal to those waiting)."""

from __future__ import annotations

from features.service import Onboarding
from features.steps import check

PREPARATIONS_DONE = "kanta_joining_preparations_done"


def _waiting(onboarding: Onboarding) -> list[str]:
    return sorted(w["name"] for w in onboarding.refresh()["waiting_messages"])


@check("käyttöönotto odottaa liittymisen valmisteluja")
def awaits_joining_preparations(onboarding: Onboarding):
    onboarding.checked()
    assert PREPARATIONS_DONE in _waiting(onboarding), f"the instance waits for {_waiting(onboarding)}"


@check("mikään käyttöönotto ei odota liittymisen valmisteluja")
def awaits_no_joining_preparations(onboarding: Onboarding):
    onboarding.checked()
    assert PREPARATIONS_DONE not in _waiting(onboarding), f"the instance waits for {_waiting(onboarding)}"


@check("historiaan on kirjattu, ettei valmistumista odottanut enää kukaan, kun {osapuoli} teki valmistelut")
def preparations_done_with_no_one_waiting(onboarding: Onboarding, osapuoli):
    onboarding.checked()
    unheard = [e for e in onboarding.history() if e["kind"] == "message_not_waited_for"]
    assert [(e["element_id"], e["data"]) for e in unheard] == [
        ("Throw_preparations_done", {"name": PREPARATIONS_DONE})
    ], unheard
    assert unheard[0]["actor"] == f"integrator:{onboarding.identity(osapuoli).name}", unheard[0]["actor"]


@check("historiassa ei ole valmistelujen valmistumista, jota kukaan ei odottanut")
def preparations_done_heard(onboarding: Onboarding):
    onboarding.checked()
    assert not [e for e in onboarding.history() if e["kind"] == "message_not_waited_for"]


@check("historiaan ei ole kirjattu valmistelujen valmistumista")
def preparations_never_done(onboarding: Onboarding):
    """The joining ended before its preparations were done: the signal was never thrown, to anyone."""
    onboarding.checked()
    thrown = [e for e in onboarding.history() if e["element_id"] == "Throw_preparations_done"]
    assert thrown == [], thrown
