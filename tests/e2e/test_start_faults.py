"""A start that meets a fault of the diagram stores no instance, yet the analysts see it: an incident of the
definition version, counted at each start that meets it, listed in /api/v1/incidents (and the cockpit's
process page), resolved by deploying a corrected version or by an analyst. Through the real server."""

from __future__ import annotations

import sqlite3

from harness.server import RunningServer
from tests.integration.test_limits import diagram, with_start_variables

ADMIN = "tok-admin-0123456789abcdef0123456789"
ANALYST = "tok-analyst-0123456789abcdef0123456789"
STARTER = "tok-starter-0123456789abcdef0123456789"
PROVIDER = "tok-provider-0123456789abcdef0123456789"
TOKENS = (
    f"admin:e2e:{ADMIN},analyst:modeller:{ANALYST},integrator:starter:{STARTER},"
    f"viewer:provider:{PROVIDER}:0737546-2"
)


def _routing(*, covers_pharmacies: bool) -> bytes:
    """A gateway with no default flow; the first version has no path for a pharmacy."""
    social = 'kind != "health"' if covers_pharmacies else 'kind == "social"'
    nodes = '<bpmn:exclusiveGateway id="Gateway_kind" />\n<bpmn:userTask id="Review" name="Review" />\n'
    flows = [
        ("StartEvent", "Gateway_kind", ""),
        ("Gateway_kind", "Review", 'kind == "health"'),
        ("Gateway_kind", "EndEvent", social),
        ("Review", "EndEvent", ""),
    ]
    return with_start_variables(diagram("routing", nodes, flows), "kind")


def _deploy(server: RunningServer, *, covers_pharmacies: bool) -> None:
    files = {"routing.bpmn": _routing(covers_pharmacies=covers_pharmacies)}
    status, _, answer = server.upload("/api/v1/process-definitions", files, token=ANALYST)
    assert status == 201, answer


def _start(server: RunningServer, kind: str):
    body = {
        "process_key": "routing",
        "business_key": "0737546-2",
        "variables": {"kind": kind},
        "allow_duplicate": True,
    }
    return server.call("POST", "/api/v1/process-instances", token=STARTER, json_body=body)


def _start_faults(server: RunningServer, *, token: str = ANALYST, open_only: bool = True) -> list[dict]:
    query = f"process_key=routing&open={'true' if open_only else 'false'}"
    status, _, page = server.call("GET", f"/api/v1/incidents?{query}", token=token)
    assert status == 200, page
    return [incident for incident in page["items"] if incident["instance_id"] is None]


def _audit(server: RunningServer, kind: str) -> list[tuple]:
    with sqlite3.connect(server.data_dir / "kanta.sqlite3") as database:
        return database.execute(
            "SELECT instance_id, actor, element_id, data FROM audit_events WHERE kind = ? ORDER BY id",
            (kind,),
        ).fetchall()


def test_a_start_meeting_a_fault_opens_an_incident_of_the_version_until_a_corrected_version_is_deployed(
    tmp_path,
):
    with RunningServer(tmp_path, tokens=TOKENS) as server:
        _deploy(server, covers_pharmacies=False)
        for _ in range(2):
            status, _, problem = _start(server, "pharmacy")
            assert (status, problem["type"].rsplit("/", 1)[-1]) == (422, "definition-fault"), problem
            assert problem["reason"] == "start-definition-fault", problem  # worded: no instance was started
            assert "liittymistä ei aloitettu" in problem["detail"], problem
        status, _, instances = server.call(
            "GET", "/api/v1/process-instances?process_key=routing", token=ADMIN
        )
        assert instances["total"] == 0  # the starts stored nothing

        [incident] = _start_faults(server)
        assert {
            k: incident[k] for k in ("process_key", "definition_version", "element_id", "kind", "failures")
        } == {
            "process_key": "routing",
            "definition_version": 1,
            "element_id": "Gateway_kind",
            "kind": "definition-fault",
            "failures": 2,
        }
        assert "none of the conditions of gateway Gateway_kind holds" in incident["message"]
        assert incident["opened_at"] <= incident["last_failure_at"]
        # each start that met it is in the audit trail with its caller, though no instance holds it
        met = _audit(server, "definition_fault_met")
        assert [(i, actor, element) for i, actor, element, _ in met] == [
            (None, "integrator:starter", "Gateway_kind")
        ] * 2
        # a provider's viewer sees only its onboardings' incidents: not the definition's
        assert _start_faults(server, token=PROVIDER) == []
        status, _, _ = server.call("GET", f"/api/v1/incidents/{incident['id']}", token=PROVIDER)
        assert status == 404
        # nothing stopped, so there is nothing to run again
        status, _, problem = server.call("POST", f"/api/v1/incidents/{incident['id']}/retry", token=ADMIN)
        assert (status, problem["reason"]) == (409, "incident-of-a-start"), problem
        assert "liittymistä ei tallennettu" in problem["detail"], problem

        # other data takes another path meanwhile
        status, _, instance = _start(server, "health")
        assert (status, instance["status"]) == (201, "running")

        # the analyst deploys a corrected version: the fault of the first is resolved, and pharmacies start
        _deploy(server, covers_pharmacies=True)
        assert _start_faults(server) == []
        [resolved] = _start_faults(server, open_only=False)
        assert (resolved["id"], resolved["resolved_by"]) == (incident["id"], "analyst:modeller")
        [(instance_id, actor, _, data)] = _audit(server, "incident_resolved")
        assert (instance_id, actor) == (None, "analyst:modeller")
        assert '"by": "new_version"' in data and '"new_version": 2' in data
        status, _, instance = _start(server, "pharmacy")
        assert (status, instance.get("status"), instance.get("definition_version")) == (
            201,
            "completed",
            2,
        ), instance


def test_an_analyst_marks_a_start_fault_resolved_and_an_integrator_may_not(tmp_path):
    with RunningServer(tmp_path, tokens=TOKENS) as server:
        _deploy(server, covers_pharmacies=False)
        assert _start(server, "pharmacy")[0] == 422
        [incident] = _start_faults(server)
        path = f"/api/v1/incidents/{incident['id']}/resolve"
        status, _, _ = server.call("POST", path, token=STARTER)
        assert status == 403
        status, _, resolved = server.call("POST", path, token=ANALYST)
        assert (status, resolved["resolved_by"], resolved["instance_id"]) == (200, "analyst:modeller", None)
        assert _start_faults(server) == []
        [(_, actor, _, data)] = _audit(server, "incident_resolved")
        assert actor == "analyst:modeller" and '"by": "marked"' in data
        # met again after it was resolved: a new incident counts from one
        assert _start(server, "pharmacy")[0] == 422
        [again] = _start_faults(server)
        assert again["id"] != incident["id"] and again["failures"] == 1
