"""The Finnish steps every feature is written in, each one a call to the service's REST API.

Steps are actions (start, do a task, send a message, let time pass, cancel) or checks (open tasks,
awaited messages, timers, where the process ended, what it decided). After every action the scenario
must check where the instance stands before it acts again (``Onboarding.acted``/``checked``), so no
feature drives a path blind.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from pytest_bdd import given, parsers, step

from features.service import (
    HELSINKI,
    MASKED,
    PARTIES,
    Identity,
    Onboarding,
    ServiceError,
    form_data,
    lane_of,
    value_of,
)

# Messages that arrive from outside, as the features name them → the message names in the diagrams.
MESSAGES = {
    "Kelan päätös Potilastietovarannon hakemukseen": "kela_patient_data_repository_decision",
    "Kelan päätös Resepti-palvelun hakemukseen": "kela_prescription_service_decision",
    "Kelan päätös Sosiaalihuollon asiakastietovarannon hakemukseen": (
        "kela_social_welfare_repository_decision"
    ),
    "Kelan rekisterinpitäjämuutosajo tehty": "registrar_change_batch_done",
    "Potilastietovaranto otettu käyttöön": "patient_data_repository_in_use",
}
# How the features count time → ISO 8601 durations for the service's clock.
DURATIONS = {
    "päivä": "P{}D",
    "päivää": "P{}D",
    "viikko": "P{}W",
    "viikkoa": "P{}W",
    "tunti": "PT{}H",
    "tuntia": "PT{}H",
}


# Small amounts are written out in Finnish prose ("yksi päivä", "kaksi viikkoa"); larger ones in digits.
NUMBER_WORDS = {"yksi": 1, "kaksi": 2, "kolme": 3, "neljä": 4, "viisi": 5, "kuusi": 6, "seitsemän": 7}


def _amount(text: str) -> int:
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    if not text.isdigit():
        raise AssertionError(
            f'an amount of time is a number or one of {", ".join(NUMBER_WORDS)}, not "{text}"'
        )
    return int(text)


def message_name(phrase: str) -> str:
    if phrase not in MESSAGES:
        raise AssertionError(f'unknown message "{phrase}"; the features know {", ".join(MESSAGES)}')
    return MESSAGES[phrase]


# A party in the genitive, as "Oletetaan palvelunantajan aloittaneen …" names it → the party.
GENITIVES = {
    "palvelunantajan": "palvelunantaja",
    "järjestelmätoimittajan": "järjestelmätoimittaja",
    "Kelan": "Kela",
    "THL:n": "THL",
    "hyvinvointialueen": "hyvinvointialue",
    "Kanta-välittäjän": "Kanta-välittäjä",
    "uuden liittyjän": "uusi liittyjä",
    "palvelunantajan uudella Y-tunnuksella": "palvelunantaja uudella Y-tunnuksella",
}
assert set(GENITIVES.values()) == set(PARTIES), "every party has its genitive"


def _party(text: str) -> str:
    return text


def _party_genitive(text: str) -> str:
    return GENITIVES[text]


_party.pattern = "|".join(re.escape(party) for party in PARTIES)
_party_genitive.pattern = "|".join(re.escape(genitive) for genitive in GENITIVES)


def _parser(pattern: str):
    """``{osapuoli}`` matches only a party's name, ``{osapuolen}`` only its genitive."""
    typed = pattern.replace("{osapuoli}", "{osapuoli:Osapuoli}")
    typed = typed.replace("{osapuolen}", "{osapuoli:Osapuolen}")
    return parsers.parse(typed, extra_types={"Osapuoli": _party, "Osapuolen": _party_genitive})


def action(*patterns: str):
    """A step usable after Kun (and after Oletetaan … Ja).

    The Finnish dialect's Given keyword is "Oletetaan " alone, so a scenario can not open with the correct
    "Oletetaan, että …" (the comma is no keyword); an opening step is written as a participial phrase instead
    (``given_as``), which needs no "että".

    (pytest-bdd puts each step's fixture in the module that calls its decorator: ``stacklevel=2`` is this
    module, not this function.)"""

    def register(function):
        for pattern in patterns:
            function = step(_parser(pattern), stacklevel=2)(function)  # after Kun, or Oletetaan … Ja
        function.kind = ACTION
        return function

    return register


def given_as(*patterns: str):
    """The opening step of a scenario after Oletetaan, as a participial phrase:
    "Oletetaan palvelunantajan aloittaneen prosessin …"."""

    def register(function):
        for pattern in patterns:
            function = given(_parser(pattern), stacklevel=2)(function)
        return function

    return register


def check(*patterns: str):
    """A step usable after Niin (and after Oletetaan … Ja, where a background checks its start)."""

    def register(function):
        for pattern in patterns:
            function = step(_parser(pattern), stacklevel=2)(function)  # after Niin, or Oletetaan … Ja
        function.kind = CHECK
        return function

    return register


# An action or a check is one step definition for any keyword, and the keyword is checked before it runs
# (``keyword_fits``): pytest-bdd looks a step up among every step definition, each definition for a keyword a
# definition of its own, so one for all keywords halves what each step is looked up among.
ACTION, CHECK = "action", "check"
_NOT_AFTER = {ACTION: ("then", "Niin"), CHECK: ("when", "Kun")}


def keyword_fits(step_type: str, step_func) -> None:
    """An action follows Kun (or Oletetaan … Ja), a check Niin (or Oletetaan … Ja), never the other."""
    kind = getattr(step_func, "kind", None)
    if kind in _NOT_AFTER and step_type == _NOT_AFTER[kind][0]:
        keyword = _NOT_AFTER[kind][1]
        raise AssertionError(f'"{step_func.__name__}" is one of the {kind}s: not written after "{keyword}"')


# --- actions -------------------------------------------------------------------------------------------


def _start_body(onboarding: Onboarding, prosessi: str, y_tunnus: str, datatable) -> dict:
    service = onboarding.service
    onboarding.note_names({}, business_key=y_tunnus)
    return {
        "process_key": service.process_key_named(prosessi),
        "business_key": y_tunnus,
        "variables": form_data(datatable, service.today()),
        # Each scenario is an onboarding of its own, on one shared server: a Background or an outline starts
        # a Y-tunnus again while the scenario before left its onboarding running.
        "allow_duplicate": True,
    }


@given_as(
    '{osapuolen} aloittaneen prosessin "{prosessi}" Y-tunnukselle {y_tunnus:S}',
    '{osapuolen} aloittaneen prosessin "{prosessi}" Y-tunnukselle {y_tunnus:S} tiedoilla:',
)
@action(
    '{osapuoli} aloittaa prosessin "{prosessi}" Y-tunnukselle {y_tunnus:S}',
    '{osapuoli} aloittaa prosessin "{prosessi}" Y-tunnukselle {y_tunnus:S} tiedoilla:',
)
def start(onboarding: Onboarding, osapuoli, prosessi, y_tunnus, datatable=None):
    onboarding.acted(f'{osapuoli} aloittaa prosessin "{prosessi}"')
    body = _start_body(onboarding, prosessi, y_tunnus, datatable)
    as_party = onboarding.identity(osapuoli)
    onboarding.state = onboarding.service.call(
        "POST", "/process-instances", identity=as_party, body=body, expect=(201,)
    )
    onboarding.instance_id = onboarding.started[y_tunnus] = onboarding.state["id"]
    onboarding.note_names(body["variables"])


@action('{osapuoli} tekee tehtävän "{tehtava}" tiedoilla:', '{osapuoli} tekee tehtävän "{tehtava}"')
def complete_task(onboarding: Onboarding, osapuoli, tehtava, datatable=None):
    onboarding.acted(f'{osapuoli} tekee tehtävän "{tehtava}"')
    complete_as(onboarding, osapuoli, onboarding.ready_task_named(tehtava), datatable)


def complete_as(onboarding: Onboarding, osapuoli: str, task: dict, datatable) -> None:
    """``osapuoli`` completes the ready ``task`` of its lane with the data of ``datatable``."""
    assert task["lane"] == lane_of(osapuoli), (
        f'"{task["name"]}" is a task for the lane "{task["lane"]}", not for {osapuoli} ({lane_of(osapuoli)})'
    )
    data = form_data(datatable, onboarding.service.today())
    onboarding.state = onboarding.service.call(
        "POST", f"/tasks/{task['id']}/complete", identity=onboarding.identity(osapuoli), body={"data": data}
    )
    onboarding.note_names(data)


@action('{osapuoli} yrittää aloittaa prosessin "{prosessi}" Y-tunnukselle {y_tunnus:S} tiedoilla:')
def start_refused(onboarding: Onboarding, osapuoli, prosessi, y_tunnus, datatable):
    """A start whose variables the process's start form does not take: refused before anything is stored."""
    onboarding.acted(f'{osapuoli} yrittää aloittaa prosessin "{prosessi}"')
    body = _start_body(onboarding, prosessi, y_tunnus, datatable)
    status, answer = onboarding.service.attempt(
        "POST", "/process-instances", identity=onboarding.identity(osapuoli), body=body
    )
    onboarding.refusal, onboarding.refusal_status = answer, status
    onboarding.refused_start = (body["process_key"], y_tunnus)


def _refused(onboarding: Onboarding, identity: Identity, method: str, path: str, body=None) -> None:
    """An attempt the service refuses (a form or message it can not take: 422; another party's part: 403;
    what the party may not know exists: 404): the refusal, and the instance as it stood before, which the
    check compares with the instance after."""
    onboarding.before_refusal = onboarding.refresh(as_read=True)  # compared with a read after it
    status, answer = onboarding.service.attempt(method, path, identity=identity, body=body)
    onboarding.refusal, onboarding.refusal_status = answer, status


@action('{osapuoli} yrittää tehdä tehtävän "{tehtava}" tiedoilla:')
def complete_task_refused(onboarding: Onboarding, osapuoli, tehtava, datatable):
    onboarding.acted(f'{osapuoli} yrittää tehdä tehtävän "{tehtava}"')
    task = onboarding.ready_task_named(tehtava)
    data = form_data(datatable, onboarding.service.today())
    path = f"/tasks/{task['id']}/complete"
    _refused(onboarding, onboarding.identity(osapuoli), "POST", path, {"data": data})


@action('toinen {osapuoli} (Y-tunnus {y_tunnus:S}) yrittää tehdä tehtävän "{tehtava}" tiedoilla:')
def complete_task_of_another(onboarding: Onboarding, osapuoli, y_tunnus, tehtava, datatable):
    """An organisation of the same kind with no part in this onboarding (another customer's vendor)."""
    onboarding.acted(f'toinen {osapuoli} yrittää tehdä tehtävän "{tehtava}"')
    task = onboarding.ready_task_named(tehtava)
    data = form_data(datatable, onboarding.service.today())
    path = f"/tasks/{task['id']}/complete"
    _refused(onboarding, Identity(osapuoli, y_tunnus), "POST", path, {"data": data})


def _message(onboarding: Onboarding, viesti: str, datatable) -> dict:
    """The message, for this scenario's instance, with the data table as its payload."""
    return {
        "name": message_name(viesti),
        "instance_id": onboarding.required_id(),
        "payload": form_data(datatable, onboarding.service.today()),
    }


@action('{osapuoli} lähettää viestin "{viesti}"', '{osapuoli} lähettää viestin "{viesti}" tiedoilla:')
def send_message(onboarding: Onboarding, osapuoli, viesti, datatable=None):
    onboarding.acted(f'{osapuoli} lähettää viestin "{viesti}"')
    body = _message(onboarding, viesti, datatable)
    onboarding.service.call("POST", "/messages", identity=onboarding.identity(osapuoli), body=body)
    onboarding.note_names(body["payload"])
    onboarding.refresh()


@action('{osapuoli} yrittää lähettää viestin "{viesti}" tiedoilla:')
def send_message_refused(onboarding: Onboarding, osapuoli, viesti, datatable):
    """A message the process can not go on with (e.g. without the data its next gateway reads), or one that
    is not the party's to send."""
    onboarding.acted(f'{osapuoli} yrittää lähettää viestin "{viesti}"')
    body = _message(onboarding, viesti, datatable)
    _refused(onboarding, onboarding.identity(osapuoli), "POST", "/messages", body)


@action('{osapuoli} tekee järjestelmätyön "{tyo}" tiedoilla:')
def complete_external_task(onboarding: Onboarding, osapuoli, tyo, datatable):
    """The party's worker fetches the service task's work by its topic, as any worker would, and completes
    it with the data table as variables. Work of other scenarios it fetched on the way is released."""
    onboarding.acted(f'{osapuoli} tekee järjestelmätyön "{tyo}"')
    service, task = onboarding.service, onboarding.external_task_named(tyo)
    as_party = onboarding.identity(osapuoli)
    worker = f"{osapuoli}-worker"
    topics = [{"name": task["topic"], "lock_duration_ms": 60_000}]
    fetched = service.call(
        "POST",
        "/external-tasks/fetch-and-lock",
        identity=as_party,
        body={"worker_id": worker, "max_tasks": 100, "topics": topics},
    )
    for other in fetched:
        if other["id"] != task["id"]:
            service.call("POST", f"/external-tasks/{other['id']}/unlock", identity=as_party)
    assert task["id"] in [t["id"] for t in fetched], f'the worker could not fetch "{tyo}"'
    body = {"worker_id": worker, "variables": form_data(datatable, service.today())}
    onboarding.state = service.call(
        "POST", f"/external-tasks/{task['id']}/complete", identity=as_party, body=body
    )
    onboarding.note_names(body["variables"])


@action("aikaa on kulunut {maara} {yksikko}")
def time_passes(onboarding: Onboarding, maara, yksikko):
    onboarding.acted(f"aikaa on kulunut {maara} {yksikko}")
    amount = _amount(maara)
    if yksikko not in DURATIONS:
        raise AssertionError(f'time is counted in {", ".join(DURATIONS)}, not in "{yksikko}"')
    if (amount == 1) != (yksikko in ("päivä", "viikko", "tunti")):
        raise AssertionError(f'"{maara} {yksikko}" is not Finnish: one is "päivä", more are "päivää"')
    onboarding.service.advance_clock(DURATIONS[yksikko].format(amount))
    onboarding.refresh()


@action("on kulunut aikaa päivään {paiva}")
def time_passes_until(onboarding: Onboarding, paiva):
    """For dates set in law (the social-care joining deadline 1.9.2026), not counted from the start: the
    shared clock stands wherever earlier scenarios left it, so only a date brings it there."""
    onboarding.acted(f"on kulunut aikaa päivään {paiva}")
    day, month, year = (int(part) for part in paiva.split("."))
    days = (date(year, month, day) - onboarding.service.today()).days
    assert days > 0, f"the shared clock is already at {onboarding.service.today()}, not before {paiva}"
    onboarding.service.advance_clock(f"P{days}D")
    onboarding.refresh()


@action("{osapuoli} yrittää perua prosessin")
def cancel_refused(onboarding: Onboarding, osapuoli):
    onboarding.acted(f"{osapuoli} yrittää perua prosessin")
    path = f"/process-instances/{onboarding.required_id()}/cancel"
    _refused(onboarding, onboarding.identity(osapuoli), "POST", path)


@action("{osapuoli} peruu prosessin")
def cancel(onboarding: Onboarding, osapuoli):
    onboarding.acted(f"{osapuoli} peruu prosessin")
    path = f"/process-instances/{onboarding.required_id()}/cancel"
    onboarding.state = onboarding.service.call("POST", path, identity=onboarding.identity(osapuoli))


# --- checks --------------------------------------------------------------------------------------------


def _open_tasks(onboarding: Onboarding) -> list[tuple[str, str]]:
    return sorted((t["lane"], t["name"]) for t in onboarding.refresh()["ready_tasks"])


@check('avoinna on vain tehtävä "{tehtava}", jonka tekee {osapuoli}')
def only_open_task(onboarding: Onboarding, tehtava, osapuoli):
    onboarding.checked()
    assert _open_tasks(onboarding) == [(lane_of(osapuoli), tehtava)], _open_tasks(onboarding)


@check("avoimina ovat tehtävät:")
def open_tasks(onboarding: Onboarding, datatable):
    onboarding.checked()
    rows = [row for row in datatable if [c.strip() for c in row] != ["osapuoli", "tehtävä"]]
    expected = sorted((lane_of(party.strip()), task.strip()) for party, task in rows)
    assert _open_tasks(onboarding) == expected


@check('avoinna ovat vain tehtävät "{tehtava}", jonka tekee {osapuoli}, ja "{toinen}", jonka tekee {tekija}')
def only_open_two_tasks(onboarding: Onboarding, tehtava, osapuoli, toinen, tekija):
    onboarding.checked()
    expected = sorted([(lane_of(osapuoli), tehtava), (lane_of(tekija), toinen)])
    assert _open_tasks(onboarding) == expected, _open_tasks(onboarding)


@check('järjestelmätyö "{tyo}" odottaa')
def external_task_waits(onboarding: Onboarding, tyo):
    onboarding.checked()
    onboarding.external_task_named(tyo)


@check("avoimia tehtäviä ei ole")
def no_open_tasks(onboarding: Onboarding):
    onboarding.checked()
    assert _open_tasks(onboarding) == []


@check('odotetaan viestiä "{viesti}"')
def awaits_message(onboarding: Onboarding, viesti):
    onboarding.checked()
    waiting = sorted({w["name"] for w in onboarding.refresh()["waiting_messages"]})
    assert waiting == [message_name(viesti)], f"the instance waits for {waiting}"


@check("viestejä ei odoteta")
def awaits_no_message(onboarding: Onboarding):
    onboarding.checked()
    assert onboarding.refresh()["waiting_messages"] == []


def _days_until(due_at: str, onboarding: Onboarding) -> int:
    due = datetime.fromisoformat(due_at).astimezone(HELSINKI).date()
    return (due - onboarding.service.today()).days


@check('ajastin "{ajastin}" laukeaa {paivia:d} päivän kuluttua')
def timer_due_in(onboarding: Onboarding, ajastin, paivia):
    onboarding.checked()
    timers = [t for t in onboarding.refresh()["pending_timers"] if t["name"] == ajastin]
    pending = [(t["name"], t["due_at"]) for t in onboarding.state["pending_timers"]]
    assert len(timers) == 1, f'expected one pending timer "{ajastin}", pending: {pending}'
    assert _days_until(timers[0]["due_at"], onboarding) == paivia, pending


@check("odottavia ajastimia on {maara:d}")
def timer_count(onboarding: Onboarding, maara):
    onboarding.checked()
    pending = [(t["name"], t["due_at"]) for t in onboarding.refresh()["pending_timers"]]
    assert len(pending) == maara, pending


@check("ajastimia ei ole")
def no_timers(onboarding: Onboarding):
    onboarding.checked()
    assert onboarding.refresh()["pending_timers"] == []


def _times_done(onboarding: Onboarding, name: str) -> int:
    return sum(1 for e in onboarding.completed_elements() if (e["data"] or {}).get("name") == name)


@check('ajastin "{ajastin}" on lauennut kerran')
def timer_fired_once(onboarding: Onboarding, ajastin):
    onboarding.checked()
    fired = _times_done(onboarding, ajastin)
    assert fired == 1, f'"{ajastin}" fired {fired} times'


@check('ajastin "{ajastin}" on lauennut {kertaa:d} kertaa', 'ajastin "{ajastin}" on lauennut')
def timer_fired(onboarding: Onboarding, ajastin, kertaa=None):
    if kertaa == 1:
        raise AssertionError('"on lauennut 1 kertaa" is not Finnish: once is "on lauennut kerran"')
    onboarding.checked()
    fired = _times_done(onboarding, ajastin)
    assert fired == kertaa if kertaa is not None else fired >= 1, f'"{ajastin}" fired {fired} times'


@check('ajastin "{ajastin}" ei ole lauennut')
def timer_not_fired(onboarding: Onboarding, ajastin):
    onboarding.checked()
    assert _times_done(onboarding, ajastin) == 0


@check('vaihe "{vaihe}" on tehty')
def step_done(onboarding: Onboarding, vaihe):
    onboarding.checked()
    assert _times_done(onboarding, vaihe) >= 1, f'"{vaihe}" has not been done'


@check('vaihe "{vaihe}" on tehty kerran')
def step_done_once(onboarding: Onboarding, vaihe):
    onboarding.checked()
    done = _times_done(onboarding, vaihe)
    assert done == 1, f'"{vaihe}" was done {done} times'


@check('vaihe "{vaihe}" on tehty {kertaa:d} kertaa')
def step_done_times(onboarding: Onboarding, vaihe, kertaa):
    if kertaa == 1:
        raise AssertionError('"on tehty 1 kertaa" is not Finnish: once is "on tehty kerran"')
    onboarding.checked()
    done = _times_done(onboarding, vaihe)
    assert done == kertaa, f'"{vaihe}" was done {done} times'


@check('vaihetta "{vaihe}" ei ole tehty')
def step_not_done(onboarding: Onboarding, vaihe):
    onboarding.checked()
    assert _times_done(onboarding, vaihe) == 0, f'"{vaihe}" was done'


@check('tiedon "{tieto}" arvo on {arvo}')
def variable_is(onboarding: Onboarding, tieto, arvo):
    """Said as "the value of x is …" (``tiedon "x" arvo on ei``): "tieto x on ei" reads as "x is not"."""
    onboarding.checked()
    variables = onboarding.refresh()["variables"]
    assert tieto in variables, f'no "{tieto}" among {sorted(variables)}'
    assert variables[tieto] == value_of(arvo, onboarding.service.today()), variables[tieto]


# A personal field is masked (``MASKED``) for the parties whose lanes' forms do not have it: the check reads
# the instance as that party.


def _variable_as(onboarding: Onboarding, party: str, name: str):
    onboarding.checked()
    path = f"/process-instances/{onboarding.required_id()}"
    variables = onboarding.service.call("GET", path, identity=onboarding.identity(party))["variables"]
    assert name in variables, f'no "{name}" among {sorted(variables)}'
    return variables[name]


@check('{osapuoli} näkee tiedon "{tieto}" arvona {arvo}')
def party_sees_value(onboarding: Onboarding, osapuoli, tieto, arvo):
    shown = _variable_as(onboarding, osapuoli, tieto)
    assert shown == value_of(arvo, onboarding.service.today()), f"{osapuoli} is shown {shown!r}"


@check('{osapuoli} näkee tiedon "{tieto}" peitettynä')
def party_sees_masked(onboarding: Onboarding, osapuoli, tieto):
    shown = _variable_as(onboarding, osapuoli, tieto)
    assert shown == MASKED, f"{osapuoli} is shown {shown!r}, not {MASKED!r}"


@check("prosessi on käynnissä")
def is_running(onboarding: Onboarding):
    onboarding.checked()
    assert onboarding.refresh()["status"] == "running"


def _end_events(onboarding: Onboarding) -> list[str]:
    key = onboarding.state["process_key"]
    return [
        e["data"]["name"]
        for e in onboarding.completed_elements()
        if e["data"].get("type") == "EndEvent" and e["data"].get("process") == key
    ]


@check('prosessi on päättynyt tapahtumaan "{loppu}"')
def ended_at(onboarding: Onboarding, loppu):
    onboarding.checked()
    status = onboarding.refresh()["status"]
    assert status == "completed", f'the process is {status}, not completed at "{loppu}"'
    assert _end_events(onboarding) == [loppu], _end_events(onboarding)


@check("prosessi on päättynyt tapahtumiin:")
def ended_at_all(onboarding: Onboarding, datatable):
    """A process whose side branches (a reminder on a non-interrupting timer) have end events of their own."""
    onboarding.checked()
    status = onboarding.refresh()["status"]
    expected = sorted(row[0].strip() for row in datatable)
    assert status == "completed", f"the process is {status}, not completed at {expected}"
    assert sorted(_end_events(onboarding)) == expected, _end_events(onboarding)


@check('prosessi on päättynyt virheeseen "{loppu}"')
def ended_in_error(onboarding: Onboarding, loppu):
    onboarding.checked()
    assert onboarding.refresh()["status"] == "error"
    assert _end_events(onboarding) == [loppu], _end_events(onboarding)


@check("prosessi on peruttu")
def is_cancelled(onboarding: Onboarding):
    onboarding.checked()
    assert onboarding.refresh()["status"] == "cancelled"


def _refusal(onboarding: Onboarding, status: int) -> dict:
    """The scenario's refusal, which must be ``status``, after which the instance is as it was before."""
    if onboarding.refusal is None:
        raise ServiceError("nothing was refused in this scenario")
    assert onboarding.refusal_status == status, (onboarding.refusal_status, onboarding.refusal)
    before, after = onboarding.before_refusal, onboarding.refresh()
    kept = ("status", "ready_tasks", "variables", "waiting_messages", "pending_timers", "parties")
    assert {k: after[k] for k in kept} == {k: before[k] for k in kept}, (
        "a refused attempt changed the instance"
    )
    return onboarding.refusal


@check("viesti hylätään, eikä mikään muutu")
def message_refused(onboarding: Onboarding):
    onboarding.checked()
    refusal = _refusal(onboarding, 422)
    # Refused by the message's payload schema (naming its fields), or by the process it could not move on.
    if refusal["type"].endswith("/invalid-data"):
        assert refusal.get("errors"), refusal
    else:
        assert refusal["type"].endswith("/script-failure"), refusal


@check('lomake hylätään kentän "{kentta}" kohdalta')
def form_refused_at(onboarding: Onboarding, kentta):
    onboarding.checked()
    fields = [e.get("field") for e in _refusal(onboarding, 422).get("errors", [])]
    assert f"/data/{kentta}" in fields, f"the form was refused at {fields}"


@check('aloitus hylätään kentän "{kentta}" kohdalta, eikä prosessia aloiteta')
def start_refused_at(onboarding: Onboarding, kentta):
    onboarding.checked()
    assert onboarding.refusal_status == 422, (onboarding.refusal_status, onboarding.refusal)
    fields = [e.get("field") for e in onboarding.refusal.get("errors", [])]
    assert f"/variables/{kentta}" in fields, f"the start was refused at {fields}"
    process_key, business_key = onboarding.refused_start
    query = f"/process-instances?process_key={process_key}&business_key={business_key}"
    assert onboarding.service.call("GET", query)["items"] == [], "the refused start left an instance behind"


@check("palvelu vastaa, ettei sellaista ole, eikä mikään muutu")
def refused_as_unknown(onboarding: Onboarding):
    """404: a party with no part in the onboarding does not learn that it exists."""
    onboarding.checked()
    _refusal(onboarding, 404)


@check("palvelu kieltää sen, eikä mikään muutu")
def refused_as_not_its_part(onboarding: Onboarding):
    """403: a party of the onboarding tried another party's part of it."""
    onboarding.checked()
    _refusal(onboarding, 403)
