"""The Finnish steps of a diagram changing under running onboardings: the analyst edits a copy of a process
and publishes it as a new version, the admin reads the migration plan, tries the move, moves the onboardings,
corrects an onboarding's data and retries what failed. Every call goes over the REST API, as the analyst's
and the admin's own tokens; elements are named as the diagrams name them, never by their ids.

The steps keep the same discipline as the onboarding's (``Onboarding.acted``/``checked``): an action is
followed by a check of where things stand before the next action.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from pytest_bdd import given, parsers, then, when

from engine import BPMN_NS, FLOW_NODES
from features.diagram_edits import DiagramDraft
from features.service import Onboarding, ServiceError, form_data

ANALYST_TOKEN = "tok-analyytikko-0123456789abcdef0123456789"
ADMIN_TOKEN = "tok-yllapitaja-0123456789abcdef0123456789"
ROLES = f"analyst:analyytikko:{ANALYST_TOKEN},admin:yllapitaja:{ADMIN_TOKEN}"
ADMIN_ACTOR = "admin:yllapitaja"
NEEDS_MAPPING = "vastaavuus puuttuu"  # the plan's word for an element with no place on the new version
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@dataclass
class Versions:
    """What the scenario's analyst and admin did: the draft being edited, the last plan and migration."""

    catalogue: Path
    draft: DiagramDraft | None = None
    process_key: str | None = None
    published: dict | None = None
    plan: dict | None = None
    outcome: dict | None = None
    incident: dict | None = None
    names: dict[tuple[str, int], dict[str, str]] = field(default_factory=dict)


def _call(onboarding: Onboarding, token: str, method: str, path: str, body=None, expect=(200,)):
    server = onboarding.service.server
    status, _, answer = server.call(method, "/api/v1" + path, token=token, json_body=body)
    if status not in expect:
        raise ServiceError(f"{method} {path} answered {status} (expected {expect}): {answer}")
    return answer


def _names(onboarding: Onboarding, versions: Versions, key: str, version: int) -> dict[str, str]:
    """Element id → name in ``version`` of process ``key``, as its deployed diagram says."""
    if (key, version) not in versions.names:
        xml = onboarding.service.call("GET", f"/process-definitions/{key}/xml?version={version}")
        root = etree.fromstring(xml.encode(), _PARSER)
        versions.names[(key, version)] = {
            element.get("id"): element.get("name") or element.get("id")
            for element in root.iter(f"{{{BPMN_NS}}}*")
            if etree.QName(element).localname in FLOW_NODES
        }
    return versions.names[(key, version)]


def _id_of(onboarding: Onboarding, versions: Versions, key: str, version: int, name: str) -> str:
    named = [i for i, n in _names(onboarding, versions, key, version).items() if n == name]
    if len(named) != 1:
        raise AssertionError(f'version {version} of {key} has {len(named)} elements named "{name}"')
    return named[0]


# --- the analyst: a copy of the process, edited and published ------------------------------------------


@when(parsers.parse('analyytikko avaa prosessin "{prosessi}" muokattavaksi'))
def open_draft(onboarding: Onboarding, versions: Versions, prosessi):
    key = onboarding.service.process_key_named(prosessi)
    definition = onboarding.service.call("GET", f"/process-definitions/{key}")
    versions.process_key = key
    versions.draft = DiagramDraft(versions.catalogue / definition["main_file"])


def _draft(versions: Versions) -> DiagramDraft:
    if versions.draft is None:
        raise AssertionError('the analyst edits a process opened with "analyytikko avaa prosessin …"')
    return versions.draft


@when(parsers.parse('analyytikko lisää tehtävän "{tehtava}" vaiheen "{edellinen}" jälkeen'))
def add_task(versions: Versions, tehtava, edellinen):
    _draft(versions).add_task_after(edellinen, tehtava)


@when(parsers.parse('analyytikko poistaa tehtävän "{tehtava}"'))
def remove_task(versions: Versions, tehtava):
    _draft(versions).remove_task(tehtava)


@when(parsers.parse('analyytikko ohjaa portin "{portti}" haaran "{haara}" vaiheeseen "{vaihe}"'))
def reroute(versions: Versions, portti, haara, vaihe):
    _draft(versions).reroute(portti, haara, vaihe)


@when(parsers.parse('analyytikko lisää vaiheen "{edellinen}" jälkeen skriptin "{skripti}":'))
def add_script(versions: Versions, edellinen, skripti, docstring):
    _draft(versions).add_script_after(edellinen, skripti, docstring.strip())


@when(parsers.parse('analyytikko kirjaa prosessin alkavan tiedolla "{tieto}"'))
def declare_start_variable(versions: Versions, tieto):
    _draft(versions).declare_start_variable(tieto)


@when("analyytikko julkaisee muutetun prosessin")
def publish(onboarding: Onboarding, versions: Versions):
    """The changed diagram alone is uploaded, its forms taken as deployed (as the cockpit's deploy does)."""
    onboarding.acted("analyytikko julkaisee muutetun prosessin")
    draft = _draft(versions)
    server = onboarding.service.server
    status, _, answer = server.upload(
        "/api/v1/process-definitions?forms_from_catalogue=true",
        {draft.path.name: draft.save()},
        token=ANALYST_TOKEN,
    )
    if status != 201:
        raise ServiceError(f"the changed process was not deployed ({status}): {answer}")
    [versions.published] = [d for d in answer["deployed"] if d["process_key"] == versions.process_key]


@then(parsers.parse('prosessista "{prosessi}" on julkaistu versio {versio:d}'))
def published_version(onboarding: Onboarding, versions: Versions, prosessi, versio):
    onboarding.checked()
    key = onboarding.service.process_key_named(prosessi)
    latest = onboarding.service.call("GET", f"/process-definitions/{key}")
    assert (latest["version"], latest["deployed_by"]) == (versio, "analyst:analyytikko"), latest
    assert versions.published is None or versions.published["version"] == versio, versions.published


# --- the admin: the plan, a dry run, the move ------------------------------------------------------------


@then(parsers.parse('siirtosuunnitelma prosessin "{prosessi}" versiosta {vanha:d} versioon {uusi:d} kertoo:'))
def plan_says(onboarding: Onboarding, versions: Versions, prosessi, vanha, uusi, datatable):
    """Where the onboardings of the old version wait, and where each would wait on the new one."""
    onboarding.checked()
    key = onboarding.service.process_key_named(prosessi)
    plan = _call(
        onboarding,
        ADMIN_TOKEN,
        "GET",
        f"/process-definitions/{key}/versions/{vanha}/migration-plan?to={uusi}",
    )
    versions.plan = plan
    old, new = _names(onboarding, versions, key, vanha), _names(onboarding, versions, key, uusi)
    said = sorted(
        (old[w["element_id"]], str(w["instances"]), new[w["after"]] if w["after"] else NEEDS_MAPPING)
        for w in plan["waiting"]
    )
    # the header: vaihe | odottaa | siirron jälkeen
    rows = [tuple(c.strip() for c in row) for row in datatable[1:]]
    assert said == sorted(rows), said


def _plan_names(onboarding: Onboarding, versions: Versions, kind: str) -> list[str]:
    plan = versions.plan
    if plan is None:
        raise AssertionError("no migration plan was read in this scenario")
    [process] = [p for p in plan["processes"] if p["process_key"] == plan["process_key"]]
    version = plan["to_version"] if kind == "added" else plan["from_version"]
    names = _names(onboarding, versions, plan["process_key"], version)
    ids = process[kind] if kind != "changed" else list(process["changed"])
    return sorted(names.get(i, i) for i in ids)


@then(parsers.parse('suunnitelman mukaan uusi versio lisää vaiheen "{vaihe}"'))
def plan_adds(onboarding: Onboarding, versions: Versions, vaihe):
    onboarding.checked()
    assert vaihe in _plan_names(onboarding, versions, "added"), _plan_names(onboarding, versions, "added")


@then(parsers.parse('suunnitelman mukaan uusi versio poistaa vaiheen "{vaihe}"'))
def plan_removes(onboarding: Onboarding, versions: Versions, vaihe):
    onboarding.checked()
    assert vaihe in _plan_names(onboarding, versions, "removed"), _plan_names(onboarding, versions, "removed")


@then(parsers.parse('suunnitelman mukaan uusi versio muuttaa vaihetta "{vaihe}"'))
def plan_changes(onboarding: Onboarding, versions: Versions, vaihe):
    onboarding.checked()
    assert vaihe in _plan_names(onboarding, versions, "changed"), _plan_names(onboarding, versions, "changed")


def _migrate(onboarding, versions, prosessi, vanha, uusi, datatable, *, dry_run: bool):
    key = onboarding.service.process_key_named(prosessi)
    mapping = {
        _id_of(onboarding, versions, key, vanha, old.strip()): _id_of(
            onboarding, versions, key, uusi, new.strip()
        )
        for old, new in (datatable or [])[1:]  # the header: vanha vaihe | uusi vaihe
    }
    body = {
        "process_key": key,
        "from_version": vanha,
        "to_version": uusi,
        "mapping": mapping,
        "dry_run": dry_run,
    }
    versions.outcome = _call(onboarding, ADMIN_TOKEN, "POST", "/migrations", body)


@when(
    parsers.parse(
        'ylläpitäjä kokeilee siirtää prosessin "{prosessi}" liittymiset versiosta {vanha:d} versioon {uusi:d}'
    )
)
def try_migration(onboarding: Onboarding, versions: Versions, prosessi, vanha, uusi):
    onboarding.acted("ylläpitäjä kokeilee siirtoa")
    _migrate(onboarding, versions, prosessi, vanha, uusi, None, dry_run=True)


@when(
    parsers.parse(
        'ylläpitäjä siirtää prosessin "{prosessi}" liittymiset versiosta {vanha:d} versioon {uusi:d}'
    ),
)
@when(
    parsers.parse(
        'ylläpitäjä siirtää prosessin "{prosessi}" liittymiset versiosta {vanha:d} versioon {uusi:d} '
        "vastaavuuksin:"
    ),
)
def migrate(onboarding: Onboarding, versions: Versions, prosessi, vanha, uusi, datatable=None):
    onboarding.acted("ylläpitäjä siirtää liittymiset")
    _migrate(onboarding, versions, prosessi, vanha, uusi, datatable, dry_run=False)


def _outcome(versions: Versions) -> dict:
    if versions.outcome is None:
        raise AssertionError("no migration was asked for in this scenario")
    return versions.outcome


@then(
    parsers.parse(
        "kokeilu siirtäisi {maara:d} liittymistä, mutta ei Y-tunnuksen {y_tunnus} liittymistä, "
        'joka odottaa vaiheessa "{vaihe}"'
    )
)
def dry_run_says(onboarding: Onboarding, versions: Versions, maara, y_tunnus, vaihe):
    onboarding.checked()
    outcome = _outcome(versions)
    assert outcome["dry_run"] and len(outcome["migrated"]) == maara, outcome
    [refused] = outcome["refused"]
    assert refused["instance_id"] == onboarding.started[y_tunnus], outcome
    element = _id_of(onboarding, versions, outcome["process_key"], outcome["from_version"], vaihe)
    assert any(f'waits at "{element}"' in reason for reason in refused["reasons"]), refused
    for instance_id in onboarding.started.values():  # a dry run moves nothing
        instance = onboarding.service.call("GET", f"/process-instances/{instance_id}")
        assert instance["definition_version"] == outcome["from_version"], instance


@then(parsers.parse("siirrettiin {maara:d} liittymistä versioon {versio:d}, eikä yhtään jäänyt siirtämättä"))
@then(parsers.parse("siirrettiin yksi liittyminen versioon {versio:d}, eikä yhtään jäänyt siirtämättä"))
def migrated(onboarding: Onboarding, versions: Versions, versio, maara=1):
    onboarding.checked()
    outcome = _outcome(versions)
    assert not outcome["dry_run"] and outcome["refused"] == [], outcome
    assert len(outcome["migrated"]) == maara, outcome
    for instance_id in outcome["migrated"]:
        instance = onboarding.service.call("GET", f"/process-instances/{instance_id}")
        assert instance["definition_version"] == versio, instance
        history = onboarding.service.call("GET", f"/process-instances/{instance_id}/history")
        moves = [e for e in history if e["kind"] == "instance_migrated"]
        assert moves and moves[-1]["actor"] == ADMIN_ACTOR, moves
        assert moves[-1]["data"]["to_version"] == versio, moves


# --- several onboardings in one scenario ------------------------------------------------------------


@given(parsers.parse("katsotaan Y-tunnuksen {y_tunnus} liittymistä"))
@when(parsers.parse("katsotaan Y-tunnuksen {y_tunnus} liittymistä"))
@then(parsers.parse("katsotaan Y-tunnuksen {y_tunnus} liittymistä"))
def look_at(onboarding: Onboarding, y_tunnus):
    """The steps that follow act on and check the onboarding of ``y_tunnus`` (started in this scenario)."""
    if y_tunnus not in onboarding.started:
        raise AssertionError(
            f"no onboarding of {y_tunnus} was started in this scenario: {sorted(onboarding.started)}"
        )
    if onboarding.unchecked is not None:
        raise AssertionError(
            f'look where the onboarding stands after "{onboarding.unchecked}" before turning away'
        )
    onboarding.instance_id = onboarding.started[y_tunnus]
    onboarding.refresh()


@then(parsers.parse("liittyminen on versiossa {versio:d}"))
@given(parsers.parse("liittyminen on versiossa {versio:d}"))
def runs_on_version(onboarding: Onboarding, versio):
    onboarding.checked()
    assert onboarding.refresh()["definition_version"] == versio, onboarding.state["definition_version"]


# --- incidents: the data corrected, the failed step retried ---------------------------------------------


@then(parsers.parse('prosessi on pysähtynyt häiriöön vaiheessa "{vaihe}"'))
def stopped_at(onboarding: Onboarding, versions: Versions, vaihe):
    onboarding.checked()
    instance = onboarding.refresh()
    assert instance["status"] == "error", instance["status"]
    page = _call(onboarding, ADMIN_TOKEN, "GET", f"/incidents?instance_id={instance['id']}")
    [incident] = page["items"]
    names = _names(onboarding, versions, instance["process_key"], instance["definition_version"])
    assert names.get(incident["element_id"]) == vaihe, incident
    versions.incident = incident


@then(parsers.parse('häiriön syy on, ettei tietoa "{tieto}" ole'))
def incident_names(versions: Versions, tieto):
    if versions.incident is None:
        raise AssertionError("no incident was looked at in this scenario")
    assert tieto in versions.incident["message"], versions.incident


@when("ylläpitäjä korjaa liittymisen tiedot:")
def correct_variables(onboarding: Onboarding, datatable):
    onboarding.acted("ylläpitäjä korjaa liittymisen tiedot")
    values = form_data(datatable, onboarding.service.today())
    path = f"/process-instances/{onboarding.required_id()}/correct-variables"
    onboarding.state = _call(onboarding, ADMIN_TOKEN, "POST", path, {"set": values})


@then(parsers.parse('historiaan on kirjattu, että ylläpitäjä korjasi tiedon "{tieto}"'))
def correction_audited(onboarding: Onboarding, tieto):
    onboarding.checked()
    changes = [e for e in onboarding.history() if e["kind"] == "variables_changed"]
    assert changes and changes[-1]["actor"] == ADMIN_ACTOR, changes
    data = changes[-1]["data"]
    assert data["old"][tieto] is None and data["new"][tieto] == onboarding.refresh()["variables"][tieto], data


@when("ylläpitäjä yrittää häiriön vaihetta uudelleen")
def retry(onboarding: Onboarding, versions: Versions):
    onboarding.acted("ylläpitäjä yrittää häiriön vaihetta uudelleen")
    if versions.incident is None:
        raise AssertionError("no incident was looked at in this scenario")
    onboarding.state = _call(onboarding, ADMIN_TOKEN, "POST", f"/incidents/{versions.incident['id']}/retry")


@then("häiriö on ratkaistu")
def incident_resolved(onboarding: Onboarding, versions: Versions):
    onboarding.checked()
    incident = _call(onboarding, ADMIN_TOKEN, "GET", f"/incidents/{versions.incident['id']}")
    assert (incident["resolved_by"], incident["failures"]) == (ADMIN_ACTOR, 1), incident
    assert onboarding.refresh()["status"] == "running", onboarding.state["status"]
