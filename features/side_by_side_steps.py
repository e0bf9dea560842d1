"""Steps for the onboardings and applications that run side by side. The Patient Data Repository and
Prescription onboardings have steps of the same name ("Ota yhteyttä järjestelmätoimittajaan", "Tee
valmistelevat tehtävät" …), so while both are open a step names whose onboarding it is: each onboarding's
forms carry its prefix in the catalogue (``forms/pdr_…``, ``forms/rx_…``), and that tells the two apart. Two
applications wait for Kela at once, each for a decision of its own."""

from __future__ import annotations

from features.service import Onboarding
from features.steps import action, check, complete_as, message_name

# An onboarding in the genitive, as the steps name it → the prefix of its forms.
ONBOARDINGS = {"Potilastietovarannon": "forms/pdr_", "Resepti-palvelun": "forms/rx_"}


def _ready_task_of(onboarding: Onboarding, palvelu: str, tehtava: str) -> dict:
    if palvelu not in ONBOARDINGS:
        raise AssertionError(f'unknown onboarding "{palvelu}"; the steps know {", ".join(ONBOARDINGS)}')
    prefix = ONBOARDINGS[palvelu]
    matching = [
        t
        for t in onboarding.refresh()["ready_tasks"]
        if t["name"] == tehtava and (t["form_key"] or "").startswith(prefix)
    ]
    if len(matching) != 1:
        ready = sorted((t["name"], t["form_key"]) for t in onboarding.state["ready_tasks"])
        raise AssertionError(f'expected one open task "{tehtava}" of the {palvelu} onboarding, open: {ready}')
    return matching[0]


@action('{osapuoli} tekee {palvelu} käyttöönoton tehtävän "{tehtava}" tiedoilla:')
def complete_task_of_onboarding(onboarding: Onboarding, osapuoli, palvelu, tehtava, datatable):
    onboarding.acted(f'{osapuoli} tekee {palvelu} käyttöönoton tehtävän "{tehtava}"')
    complete_as(onboarding, osapuoli, _ready_task_of(onboarding, palvelu, tehtava), datatable)


@check('odotetaan viestejä "{viesti}" ja "{toinen}"')
def awaits_two_messages(onboarding: Onboarding, viesti, toinen):
    """Two applications wait for Kela at once, each for a decision of its own."""
    _awaits(onboarding, viesti, toinen)


@check('odotetaan viestejä "{viesti}", "{toinen}" ja "{kolmas}"')
def awaits_three_messages(onboarding: Onboarding, viesti, toinen, kolmas):
    """Kela's batch and a repository decision awaited while the change also waits to hear the repository is in
    use under the new business ID."""
    _awaits(onboarding, viesti, toinen, kolmas)


def _awaits(onboarding: Onboarding, *phrases: str) -> None:
    """The instance waits for exactly the messages these phrases name, no other."""
    onboarding.checked()
    waiting = sorted(w["name"] for w in onboarding.refresh()["waiting_messages"])
    expected = sorted(message_name(phrase) for phrase in phrases)
    assert waiting == expected, f"the instance waits for {waiting}"
