"""A Camunda 7 client, unchanged, drives the real server (`kanta-onboarding serve`) through the catalogue's
patient data repository onboarding at /engine-rest: pycamunda, with the bearer token on its session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pycamunda.base
import pycamunda.message
import pycamunda.processdef
import pycamunda.processinst
import pycamunda.task
import pytest
import requests
from pycamunda.request import PathParameter

from harness.server import RunningServer

CATALOGUE = Path(__file__).resolve().parents[2] / "processes"
INTEGRATOR_TOKEN = "tok-vendor-0123456789abcdef0123456789"
VIEWER_TOKEN = "tok-viewer-0123456789abcdef0123456789"
TOKENS = f"integrator:vendor-ajas:{INTEGRATOR_TOKEN},viewer:monitor:{VIEWER_TOKEN}"
PROCESS = "patient_data_repository_onboarding"


class FormVariables(pycamunda.base.CamundaRequest):
    """GET /task/{id}/form-variables, which pycamunda 0.6 has no class for: made from its own parts."""

    id_ = PathParameter("id")

    def __init__(self, url: str, id_: str):
        super().__init__(url=url + "/task/{id}/form-variables")
        self.id_ = id_

    def __call__(self, *args, **kwargs) -> dict:
        return super().__call__(pycamunda.base.RequestMethod.GET, *args, **kwargs).json()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(tmp_path_factory.mktemp("camunda"), tokens=TOKENS, processes=CATALOGUE) as running:
        yield running


def client_session(token: str) -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def send(request, token: str = INTEGRATOR_TOKEN):
    request.session = client_session(token)
    return request()


def test_pycamunda_takes_an_onboarding_from_its_start_through_kelas_decision(server):
    url = f"{server.url}/engine-rest"

    (definition,) = send(pycamunda.processdef.GetList(url, key=PROCESS, latest_version=True), VIEWER_TOKEN)
    assert (definition.key, definition.version, definition.suspended) == (PROCESS, 1, False)
    xml = send(pycamunda.processdef.GetXML(url, key=PROCESS), VIEWER_TOKEN)
    assert 'id="Task_contact_vendor"' in xml

    start = pycamunda.processdef.StartInstance(url, key=PROCESS, business_key="0737546-2")
    start.add_variable("organisation_name", "Hoivakoti Aurinko Oy", "String")
    start.add_variable("employees", 42, "Integer")
    start.add_variable("contact", '{"email": "it@aurinko.fi"}', "Json")
    instance = send(start)
    assert (instance.business_key, instance.definition_id, instance.suspended) == (
        "0737546-2",
        f"{PROCESS}:1",
        False,
    )

    def the_task(expected: str):
        (task,) = send(pycamunda.task.GetList(url, process_instance_id=instance.id_), VIEWER_TOKEN)
        assert task.task_definition_key == expected
        return task

    contact = the_task("Task_contact_vendor")
    assert contact.form_key == "forms/pdr_vendor_contact.json"
    form = send(FormVariables(url, contact.id_), VIEWER_TOKEN)
    assert form == {
        "vendor_name": {"type": "String", "value": None, "valueInfo": {}},
        "vendor_business_id": {"type": "String", "value": None, "valueInfo": {}},
        "contacted_on": {"type": "String", "value": None, "valueInfo": {}},
    }
    by_lane = send(pycamunda.task.GetList(url, candidate_group="Palvelunantaja"), VIEWER_TOKEN)
    assert [t.id_ for t in by_lane] == [contact.id_]

    refused = pycamunda.task.Complete(url, contact.id_)
    refused.add_variable("vendor_name", "Ajas Oy", "String")
    with pytest.raises(pycamunda.BadRequest, match="/variables/contacted_on"):
        send(refused)

    today = date.today().isoformat()
    for element_id, values in (
        (
            "Task_contact_vendor",
            {
                "vendor_name": ("Ajas Oy", "String"),
                "vendor_business_id": ("2345678-0", "String"),
                "contacted_on": (today, "String"),
            },
        ),
        (
            "Task_send_preparation_instructions",
            {
                "instructions_sent_on": (today, "String"),
                "system_name": ("Ajas Hoito", "String"),
                "system_certified": (True, "Boolean"),
                "intermediary_name": ("Kanta-välittäjä Oy", "String"),
            },
        ),
        (
            "Task_complete_preparatory_tasks",
            {
                "register_entries_valid": (True, "Boolean"),
                "security_plan_ready": (True, "Boolean"),
                "server_certificates_ready": (True, "Boolean"),
                "customer_data_in_extranet": (True, "Boolean"),
                "organisation_oid": ("1.2.246.10.7375462", "String"),
            },
        ),
        (
            "Task_file_application",
            {
                "system_name": ("Ajas Hoito", "String"),
                "access_point_oid": ("1.2.246.537.6.918.18.10.13.1", "String"),
                "application_date": (today, "String"),
                "planned_test_date": (today, "String"),
                "existing_kanta_customer": (True, "Boolean"),
            },
        ),
    ):
        complete = pycamunda.task.Complete(url, the_task(element_id).id_)
        for name, (value, type_) in values.items():
            complete.add_variable(name, value, type_)
        send(complete)

    assert send(pycamunda.task.GetList(url, process_instance_id=instance.id_), VIEWER_TOKEN) == ()
    correlate = pycamunda.message.CorrelateSingle(
        url, "kela_patient_data_repository_decision", business_key="0737546-2", result_enabled=True
    )
    correlate.add_process_variable("decision", "approved", "String")
    (result,) = send(correlate)
    assert (result.result_type.value, result.execution.process_instance_id) == ("Execution", instance.id_)
    the_task("Task_deliver_test_person_ids")  # an existing customer accepts no commitment again

    variables = send(pycamunda.processinst.VariablesGetList(url, instance.id_), VIEWER_TOKEN)
    assert {name: (v.type_, v.value) for name, v in variables.items() if name in (
        "organisation_name", "employees", "contact", "decision", "system_certified")} == {
        "organisation_name": ("String", "Hoivakoti Aurinko Oy"),
        "employees": ("Integer", 42),
        "contact": ("Json", '{"email": "it@aurinko.fi"}'),
        "decision": ("String", "approved"),
        "system_certified": ("Boolean", True),
    }  # fmt: skip

    (listed,) = send(pycamunda.processinst.GetList(url, business_key="0737546-2"), VIEWER_TOKEN)
    assert listed.id_ == instance.id_
    with pytest.raises(pycamunda.Forbidden):
        send(pycamunda.processinst.Delete(url, instance.id_), VIEWER_TOKEN)
    send(pycamunda.processinst.Delete(url, instance.id_))
    with pytest.raises(pycamunda.NotFound):
        send(pycamunda.processinst.Get(url, instance.id_), VIEWER_TOKEN)

    # the native API sees the same instance, cancelled by the same caller
    status, _, history = server.call(
        "GET", f"/api/v1/process-instances/{instance.id_}/history", token=VIEWER_TOKEN
    )
    assert status == 200
    kinds = [(e["kind"], e["actor"]) for e in history if e["kind"] != "element_completed"]
    assert ("instance_started", "integrator:vendor-ajas") in kinds
    assert ("message_received", "integrator:vendor-ajas") in kinds
    assert kinds[-1] == ("instance_cancelled", "integrator:vendor-ajas")
