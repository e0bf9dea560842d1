"""The party matrix: every endpoint that touches an instance, asked by each identity — a party that plays
the lane the endpoint is about (own), a party of the same onboarding that does not (other), a party with no
part in it (none), each as integrator and as viewer; admin and analyst are global. Against the real server
with scoped tokens only (KANTA_UNSCOPED_TOKENS=refuse), on SQLite and on PostgreSQL.

The onboarding (tests/fixtures/parties): the provider (its Y-tunnus is the business key) names its system
vendor, the vendor prepares and its worker checks the system, Kela decides, the provider reports."""

from __future__ import annotations

import itertools

import pytest

from harness.postgres import create_database
from harness.server import RunningServer
from tests.conftest import FIXTURES

PROVIDER, VENDOR, KELA, STRANGER = "0737546-2", "2345678-0", "0246246-0", "1234567-1"
PROCESS = "vendor_onboarding"
# identity -> (role, party); each token is its name, padded to the 32 characters a token needs
IDENTITIES = {
    "provider": ("integrator", PROVIDER),
    "vendor": ("integrator", VENDOR),
    "kela": ("integrator", KELA),
    "stranger": ("integrator", STRANGER),
    "provider-viewer": ("viewer", PROVIDER),
    "vendor-viewer": ("viewer", VENDOR),
    "stranger-viewer": ("viewer", STRANGER),
    "admin": ("admin", None),
    "analyst": ("analyst", None),
}
NAMES = list(IDENTITIES)


def token(name: str) -> str:
    return f"tok-{name}-".ljust(40, "0")


TOKENS = ",".join(
    f"{role}:{name}:{token(name)}" + (f":{party}" if party else "")
    for name, (role, party) in IDENTITIES.items()
)
_databases = itertools.count(1)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request, tmp_path_factory):
    database_url = None
    if request.param == "postgres":
        postgres = request.getfixturevalue("postgres_server")
        database_url = create_database(postgres.url, f"kanta_parties_{next(_databases)}")
    data = tmp_path_factory.mktemp(f"parties_{request.param}")
    with RunningServer(
        data,
        tokens=TOKENS,
        processes=FIXTURES / "parties",
        database_url=database_url,
        env={"KANTA_UNSCOPED_TOKENS": "refuse"},
    ) as running:
        yield running


def call(server, who: str, method: str, path: str, body=None):
    return server.call(method, path, token=token(who), json_body=body)


def ok(server, who, method, path, body=None) -> dict:
    status, _, answer = call(server, who, method, path, body)
    assert status in (200, 201), (status, answer)
    return answer


# ---- onboardings where they stand (made by the admin, who is global) --------------------------------------


def at_vendor_task(server) -> tuple[str, str]:
    """(instance id, the vendor's ready task id) of a new onboarding of PROVIDER with VENDOR named."""
    started = ok(server, "admin", "POST", "/api/v1/process-instances",
                 {"process_key": PROCESS, "business_key": PROVIDER, "allow_duplicate": True})  # fmt: skip
    [naming] = started["ready_tasks"]
    named = ok(server, "admin", "POST", f"/api/v1/tasks/{naming['id']}/complete",
               {"data": {"vendor_business_id": VENDOR}})  # fmt: skip
    [task] = named["ready_tasks"]
    return started["id"], task["id"]


def at_system_check(server) -> str:
    instance_id, task_id = at_vendor_task(server)
    ok(server, "admin", "POST", f"/api/v1/tasks/{task_id}/complete", {"data": {"prepared": True}})
    return instance_id


def at_kelas_decision(server) -> str:
    instance_id = at_system_check(server)
    locked = ok(server, "vendor", "POST", "/api/v1/external-tasks/fetch-and-lock", _fetch(instance_id))
    [task] = [t for t in locked if t["instance_id"] == instance_id]
    ok(server, "vendor", "POST", f"/api/v1/external-tasks/{task['id']}/complete", {"worker_id": "w"})
    return instance_id


def _fetch(instance_id: str) -> dict:
    return {
        "worker_id": "w",
        "max_tasks": 50,
        "topics": [{"name": "system-check", "lock_duration_ms": 60000}],
    }


# ---- reading ----------------------------------------------------------------------------------------------

# What each identity gets when it reads the onboarding (or its vendor task): the parties of the
# onboarding read it, a party with no part in it does not know it exists.
READS = dict.fromkeys(NAMES, 200) | {"stranger": 404, "stranger-viewer": 404}


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/process-instances/{instance}",
        "/api/v1/process-instances/{instance}/history",
        "/api/v1/tasks/{task}",
        "/engine-rest/process-instance/{instance}",
        "/engine-rest/process-instance/{instance}/variables",
        "/engine-rest/task/{task}",
        "/engine-rest/task/{task}/form-variables",
    ],
)
def test_the_parties_of_an_onboarding_read_it_and_nobody_else_knows_it_exists(server, path):
    instance_id, task_id = at_vendor_task(server)
    url = path.format(instance=instance_id, task=task_id)
    got = {who: call(server, who, "GET", url)[0] for who in NAMES}
    assert got == READS


def test_a_party_lists_the_onboardings_it_plays_a_lane_of_and_its_own_lanes_tasks(server):
    instance_id, task_id = at_vendor_task(server)
    instances = "/api/v1/process-instances?business_key=" + PROVIDER + "&limit=500"
    listed = {
        who: instance_id in {i["id"] for i in ok(server, who, "GET", instances)["items"]} for who in NAMES
    }
    assert listed == dict.fromkeys(NAMES, True) | {"stranger": False, "stranger-viewer": False}
    work = "/api/v1/tasks?business_key=" + PROVIDER + "&limit=500"
    tasks = {who: task_id in {t["id"] for t in ok(server, who, "GET", work)["items"]} for who in NAMES}
    # the vendor's work list holds the vendor's task; the provider sees it in its onboarding, not in its list
    mine = {"vendor", "vendor-viewer", "admin", "analyst"}
    assert tasks == {who: who in mine for who in NAMES}
    camunda = f"/engine-rest/task?processInstanceId={instance_id}"
    listed = {who: [t["id"] for t in ok(server, who, "GET", camunda)] == [task_id] for who in NAMES}
    assert listed == {who: who in mine for who in NAMES}
    count = f"/engine-rest/process-instance/count?businessKey={PROVIDER}"
    counted = {who: ok(server, who, "GET", count)["count"] > 0 for who in NAMES}
    assert counted == dict.fromkeys(NAMES, True) | {"stranger": False, "stranger-viewer": False}


def test_me_says_the_party(server):
    assert ok(server, "vendor", "GET", "/api/v1/me")["party"] == VENDOR
    assert ok(server, "vendor", "GET", "/api/v1/me")["scoped"] is True
    assert ok(server, "admin", "GET", "/api/v1/me")["scoped"] is False


# ---- acting -----------------------------------------------------------------------------------------------

ROLE_REFUSED = {"provider-viewer": 403, "vendor-viewer": 403, "stranger-viewer": 403, "analyst": 403}


@pytest.mark.parametrize("who", NAMES)
def test_only_the_vendor_completes_the_vendors_task(server, who):
    _, task_id = at_vendor_task(server)
    expected = {"vendor": 200, "admin": 200, "provider": 403, "kela": 403, "stranger": 404} | ROLE_REFUSED
    status, _, answer = call(
        server, who, "POST", f"/api/v1/tasks/{task_id}/complete", {"data": {"prepared": True}}
    )
    assert status == expected[who], answer
    if status == 403 and who in ("provider", "kela"):
        assert answer["type"].endswith("/forbidden") and "System vendor" in answer["detail"]


@pytest.mark.parametrize("who", NAMES)
def test_only_the_vendor_completes_the_vendors_task_over_engine_rest(server, who):
    _, task_id = at_vendor_task(server)
    expected = {"vendor": 204, "admin": 204, "provider": 403, "kela": 403, "stranger": 404} | ROLE_REFUSED
    body = {"variables": {"prepared": {"value": True, "type": "Boolean"}}}
    status, _, answer = call(server, who, "POST", f"/engine-rest/task/{task_id}/complete", body)
    assert status == expected[who], answer


@pytest.mark.parametrize("who", NAMES)
def test_only_the_provider_cancels(server, who):
    instance_id, _ = at_vendor_task(server)
    expected = {"provider": 200, "admin": 200, "vendor": 403, "kela": 403, "stranger": 404} | ROLE_REFUSED
    status, _, answer = call(server, who, "POST", f"/api/v1/process-instances/{instance_id}/cancel")
    assert status == expected[who], answer


@pytest.mark.parametrize("who", NAMES)
def test_only_the_provider_cancels_over_engine_rest(server, who):
    instance_id, _ = at_vendor_task(server)
    expected = {"provider": 204, "admin": 204, "vendor": 403, "kela": 403, "stranger": 404} | ROLE_REFUSED
    status, _, answer = call(server, who, "DELETE", f"/engine-rest/process-instance/{instance_id}")
    assert status == expected[who], answer


@pytest.mark.parametrize("who", NAMES)
def test_only_kela_sends_kelas_decision(server, who):
    instance_id = at_kelas_decision(server)
    expected = {"kela": 200, "admin": 200, "provider": 403, "vendor": 403, "stranger": 404} | ROLE_REFUSED
    body = {"name": "kela_decision", "instance_id": instance_id, "payload": {"decision": "approved"}}
    status, _, answer = call(server, who, "POST", "/api/v1/messages", body)
    assert status == expected[who], answer
    if status == 200:
        assert [t["element_id"] for t in answer["ready_tasks"]] == ["Task_report"]


@pytest.mark.parametrize("who", NAMES)
def test_only_kela_sends_kelas_decision_over_engine_rest(server, who):
    instance_id = at_kelas_decision(server)
    # Camunda answers a message it can not correlate 400, whoever asks: the stranger learns nothing more
    expected = {"kela": 204, "admin": 204, "provider": 403, "vendor": 403, "stranger": 400} | ROLE_REFUSED
    body = {"messageName": "kela_decision", "processInstanceId": instance_id,
            "processVariables": {"decision": {"value": "approved", "type": "String"}}}  # fmt: skip
    status, _, answer = call(server, who, "POST", "/engine-rest/message", body)
    assert status == expected[who], answer


@pytest.mark.parametrize("who", NAMES)
def test_a_party_starts_its_own_onboardings_only(server, who):
    own = IDENTITIES[who][1] or PROVIDER
    expected = {"admin": 201} | ROLE_REFUSED
    status, _, answer = call(server, who, "POST", "/api/v1/process-instances",
                             {"process_key": PROCESS, "business_key": own,
                              "allow_duplicate": True})  # fmt: skip
    assert status == expected.get(who, 201), answer
    if who in ("vendor", "kela", "stranger"):  # for another's business key: refused
        status, _, _ = call(server, who, "POST", "/api/v1/process-instances",
                            {"process_key": PROCESS, "business_key": PROVIDER,
                             "allow_duplicate": True})  # fmt: skip
        assert status == 403


def test_idempotency_keys_are_each_partys_own(server):
    key = {"Idempotency-Key": "matrix-start-1"}

    def start(who):
        body = {"process_key": PROCESS, "business_key": IDENTITIES[who][1], "allow_duplicate": True}
        status, _, answer = server.call(
            "POST", "/api/v1/process-instances", token=token(who), headers=key, json_body=body
        )
        assert status == 201, answer
        return answer["id"]

    assert start("provider") == start("provider") != start("stranger")


def test_only_the_vendors_worker_does_the_vendors_service_task_and_incidents_are_scoped(server):
    instance_id = at_system_check(server)
    for who in ("provider", "kela", "stranger"):
        locked = ok(server, who, "POST", "/api/v1/external-tasks/fetch-and-lock", _fetch(instance_id))
        assert instance_id not in {t["instance_id"] for t in locked}, who
    locked = ok(server, "vendor", "POST", "/api/v1/external-tasks/fetch-and-lock", _fetch(instance_id))
    [task] = [t for t in locked if t["instance_id"] == instance_id]
    reads = {who: call(server, who, "GET", f"/api/v1/external-tasks/{task['id']}")[0] for who in NAMES}
    assert reads == READS
    failure = {"worker_id": "w", "error_message": "the system answers nothing", "retries": 0}
    for who, status in (("stranger", 404), ("provider", 403), ("vendor", 200)):
        got, _, answer = call(server, who, "POST", f"/api/v1/external-tasks/{task['id']}/failure", failure)
        assert got == status, (who, answer)
    incidents = {who: ok(server, who, "GET", "/api/v1/incidents")["items"] for who in NAMES}
    listed = {who: instance_id in {i["instance_id"] for i in items} for who, items in incidents.items()}
    assert listed == dict.fromkeys(NAMES, True) | {"stranger": False, "stranger-viewer": False}
    [incident] = [i for i in ok(server, "admin", "GET", "/api/v1/incidents")["items"]
                  if i["instance_id"] == instance_id]  # fmt: skip
    reads = {who: call(server, who, "GET", f"/api/v1/incidents/{incident['id']}")[0] for who in NAMES}
    assert reads == READS


def test_camunda_operators_set_retries_and_query_only_their_own_partys_tasks(server):
    instance_id = at_system_check(server)
    [task] = [
        t for t in ok(server, "admin", "GET", f"/engine-rest/external-task?processInstanceId={instance_id}")
    ]
    retries = f"/engine-rest/external-task/{task['id']}/retries"
    for who, status in (("stranger", 404), ("provider", 403), ("vendor", 204)):
        got, _, answer = call(server, who, "PUT", retries, {"retries": 2})
        assert got == status, (who, answer)
    query = {"processInstanceIdIn": [instance_id]}
    found = {who: len(ok(server, who, "POST", "/engine-rest/external-task", query)) for who in NAMES}
    assert found == dict.fromkeys(NAMES, 1) | {"stranger": 0, "stranger-viewer": 0}
    history = ok(server, "admin", "GET", f"/api/v1/process-instances/{instance_id}/history")
    changed = [e for e in history if e["kind"] == "external_task_retries_set"]
    assert [(e["actor"], e["data"]["retries"]) for e in changed] == [("integrator:vendor", 2)]


def test_a_viewer_or_integrator_token_without_a_party_is_refused_at_start(tmp_path):
    with pytest.raises(RuntimeError, match="names no party"):
        RunningServer(
            tmp_path, tokens=f"integrator:bot:{token('bot')}", env={"KANTA_UNSCOPED_TOKENS": "refuse"}
        ).start()


# ---- personal data ----------------------------------------------------------------------------------------

EMAIL = "maija.meikalainen@aurinko.example"
# Who is shown the contact person's e-mail (marked x-personal-data in the provider's and the vendor's forms):
# the parties whose lanes' forms have it, and admin and analyst; never a viewer; not Kela, whose lane never
# saw it. Who may not read the onboarding at all is answered 404 (above).
SHOWN = {"provider": EMAIL, "vendor": EMAIL, "admin": EMAIL, "analyst": EMAIL}


def test_personal_data_is_shown_only_to_the_lanes_that_saw_it_and_every_read_is_logged(server):
    started = ok(server, "admin", "POST", "/api/v1/process-instances",
                 {"process_key": PROCESS, "business_key": PROVIDER, "allow_duplicate": True})  # fmt: skip
    [naming] = started["ready_tasks"]
    data = {"vendor_business_id": VENDOR, "contact_email": EMAIL}
    named = ok(server, "provider", "POST", f"/api/v1/tasks/{naming['id']}/complete", {"data": data})
    [task] = named["ready_tasks"]
    readers = [who for who in NAMES if READS[who] == 200]

    def shown(path, pick):
        return {who: pick(ok(server, who, "GET", path.format(instance=started["id"], task=task["id"])))
                for who in readers}  # fmt: skip

    expected = {who: SHOWN.get(who, "***") for who in readers}
    assert (
        shown("/api/v1/process-instances/{instance}", lambda i: i["variables"]["contact_email"]) == expected
    )
    assert shown("/api/v1/tasks/{task}", lambda t: t["data"]["contact_email"]) == expected
    assert shown("/engine-rest/process-instance/{instance}/variables",
                 lambda v: v["contact_email"]["value"]) == expected  # fmt: skip

    def completed(events):
        return next(e for e in events if e["kind"] == "task_completed")["data"]["contact_email"]

    assert shown("/api/v1/process-instances/{instance}/history", completed) == expected

    status, _, log = call(server, "admin", "GET", f"/api/v1/usage-log?instance_id={started['id']}&limit=500")
    assert status == 200, log
    reads = {(e["actor"], e["purpose"]): e for e in log["items"]}
    kela = reads[("integrator:kela", "GET /api/v1/process-instances/<string:instance_id>")]
    assert (kela["party"], kela["masked"]) == (KELA, ["contact_email"])
    assert "vendor_business_id" in kela["fields"] and "contact_email" not in kela["fields"]
    vendor = reads[("integrator:vendor", "GET /api/v1/tasks/<string:task_id>")]
    assert "contact_email" in vendor["fields"] and vendor["masked"] == []
    assert ("viewer:provider-viewer", "GET /api/v1/process-instances/<string:instance_id>/history") in reads
    assert len(log["items"]) == 4 * len(readers) + 2  # and the answers of the start and of the completion
    assert {who: call(server, who, "GET", "/api/v1/usage-log")[0] for who in NAMES} == {
        who: 200 if who == "admin" else 403 for who in NAMES
    }


def test_what_an_action_answers_is_masked_and_logged_as_a_read(server):
    started = ok(server, "admin", "POST", "/api/v1/process-instances",
                 {"process_key": PROCESS, "business_key": PROVIDER, "allow_duplicate": True})  # fmt: skip
    data = {"vendor_business_id": VENDOR, "contact_email": EMAIL}
    named = ok(server, "provider", "POST", f"/api/v1/tasks/{started['ready_tasks'][0]['id']}/complete",
               {"data": data})  # fmt: skip
    assert named["variables"]["contact_email"] == EMAIL  # the provider's own lane gave it
    ok(server, "vendor", "POST", f"/api/v1/tasks/{named['ready_tasks'][0]['id']}/complete", {"data": {}})
    locked = ok(server, "vendor", "POST", "/api/v1/external-tasks/fetch-and-lock", _fetch(started["id"]))
    [task] = [t for t in locked if t["instance_id"] == started["id"]]
    ok(server, "vendor", "POST", f"/api/v1/external-tasks/{task['id']}/complete", {"worker_id": "w"})
    body = {"name": "kela_decision", "instance_id": started["id"], "payload": {"decision": "approved"}}
    decided = ok(server, "kela", "POST", "/api/v1/messages", body)
    assert decided["variables"]["contact_email"] == "***"
    log = ok(server, "admin", "GET", f"/api/v1/usage-log?instance_id={started['id']}")["items"]
    [kela] = [e for e in log if e["actor"] == "integrator:kela"]
    assert (kela["purpose"], kela["masked"]) == ("POST /api/v1/messages", ["contact_email"])


def test_an_admins_correction_of_personal_data_is_logged_as_a_use_of_it(server):
    started = ok(server, "admin", "POST", "/api/v1/process-instances",
                 {"process_key": PROCESS, "business_key": PROVIDER, "allow_duplicate": True})  # fmt: skip
    data = {"vendor_business_id": VENDOR, "contact_email": EMAIL}
    naming = started["ready_tasks"][0]["id"]
    ok(server, "provider", "POST", f"/api/v1/tasks/{naming}/complete", {"data": data})
    path = f"/api/v1/process-instances/{started['id']}/correct-variables"
    corrected = ok(server, "admin", "POST", path, {"set": {"contact_email": "kanta@aurora.example.fi"}})
    assert corrected["variables"]["contact_email"] == "kanta@aurora.example.fi"
    log = ok(server, "admin", "GET", f"/api/v1/usage-log?instance_id={started['id']}")["items"]
    [correction] = [e for e in log if e["purpose"].endswith("/correct-variables")]
    assert (correction["actor"], correction["party"], correction["masked"]) == ("admin:admin", None, [])
    assert {"contact_email", "vendor_business_id"} <= set(correction["fields"])
    history = ok(server, "admin", "GET", f"/api/v1/process-instances/{started['id']}/history")
    [changed] = [e for e in history if e["kind"] == "variables_changed"]
    assert changed["data"]["old"] == {"contact_email": EMAIL}  # the audit shows the old value: a use of it


# ---- a process's counts and oversight ---------------------------------------------------------------------


def _running(server, who) -> int:
    """How many running instances of the process ``who`` counts, over every version."""
    counts = ok(server, who, "GET", f"/api/v1/process-definitions/{PROCESS}/instance-counts")
    return sum(version["statuses"].get("running", 0) for version in counts["versions"])


def _waiting_at(server, who, element_id) -> int:
    oversight = ok(server, who, "GET", f"/api/v1/process-definitions/{PROCESS}/oversight")
    return sum(w["instances"] for w in oversight["waiting"] if w["element_id"] == element_id)


def test_a_partys_counts_and_oversight_cover_only_the_onboardings_it_plays_a_lane_of(server):
    _, task_id = at_vendor_task(server)
    element_id = ok(server, "admin", "GET", f"/api/v1/tasks/{task_id}")["element_id"]
    before = {who: (_running(server, who), _waiting_at(server, who, element_id)) for who in NAMES}
    at_vendor_task(server)  # one more onboarding of PROVIDER, waiting at the vendor's task
    after = {who: (_running(server, who), _waiting_at(server, who, element_id)) for who in NAMES}
    grew = {who: (after[who][0] - before[who][0], after[who][1] - before[who][1]) for who in NAMES}
    # Kela plays its lane of every onboarding (a fixed party); the stranger no lane of this provider's
    assert grew == dict.fromkeys(NAMES, (1, 1)) | {"stranger": (0, 0), "stranger-viewer": (0, 0)}
    for who in ("stranger", "stranger-viewer"):  # it plays lanes of its own onboardings only
        oversight = ok(server, who, "GET", f"/api/v1/process-definitions/{PROCESS}/oversight")
        listed = oversight["overdue"] + oversight["due_soon"] + oversight["late"]
        assert PROVIDER not in {entry["business_key"] for entry in listed}
