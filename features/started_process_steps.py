"""Steps for a process that another process starts by its message: the wellbeing services county's own part
(county_registry_use_right), which the social-care onboarding starts when the provider's repository is in
use. A scenario follows the started process from where its starter left it, or starts it itself by sending
the message under the provider's business ID, as the onboarding's throw does."""

from __future__ import annotations

from features.service import Onboarding
from features.steps import action, check, form_data, given_as

# The messages a process throws to start another, as the features name them (the contract's title).
STARTING_MESSAGES = {
    "Sosiaalihuollon asiakastietovaranto palveluntuottajan käytössä": (
        "social_welfare_repository_in_use_for_county"
    ),
}


def _message_name(phrase: str) -> str:
    if phrase not in STARTING_MESSAGES:
        raise AssertionError(f'unknown message "{phrase}"; the steps know {", ".join(STARTING_MESSAGES)}')
    return STARTING_MESSAGES[phrase]


@given_as('{osapuolen} käyttöönoton lähettäneen viestin "{viesti}" Y-tunnukselle {y_tunnus:S} tiedoilla:')
@action('{osapuoli} lähettää viestin "{viesti}" Y-tunnukselle {y_tunnus:S} tiedoilla:')
def send_starting_message(onboarding: Onboarding, osapuoli, viesti, y_tunnus, datatable):
    """The message by business key, with no instance waiting for it: it starts the process whose message
    start event waits for it (201, "started"), which the scenario follows from here."""
    onboarding.acted(f'{osapuoli} lähettää viestin "{viesti}"')
    onboarding.note_names({}, business_key=y_tunnus)
    body = {
        "name": _message_name(viesti),
        "business_key": y_tunnus,
        "payload": form_data(datatable, onboarding.service.today()),
    }
    answer = onboarding.service.call(
        "POST", "/messages", identity=onboarding.identity(osapuoli), body=body, expect=(201,)
    )
    assert answer["message_outcome"] == "started", answer
    onboarding.instance_id = onboarding.started[y_tunnus] = answer["id"]
    onboarding.note_names(body["payload"])
    onboarding.refresh()


@check('prosessi "{prosessi}" on alkanut Y-tunnukselle {y_tunnus:S}, ja tapaus seuraa sitä')
def follows_started_process(onboarding: Onboarding, prosessi, y_tunnus):
    """The one running instance of ``prosessi`` for the business key, which a message of the scenario's
    process started: the steps after this one act on it and check it."""
    onboarding.checked()
    service = onboarding.service
    key = service.process_key_named(prosessi)
    page = service.call("GET", f"/process-instances?process_key={key}&business_key={y_tunnus}")
    found = page["items"] if isinstance(page, dict) else page
    running = [i for i in found if i["status"] == "running"]
    assert len(running) == 1, f'expected one running "{prosessi}" for {y_tunnus}, found {found}'
    onboarding.instance_id = onboarding.started[y_tunnus] = running[0]["id"]
    state = onboarding.refresh()
    onboarding.note_names(state.get("variables") or {})
