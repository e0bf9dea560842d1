"""The catalogue's social-care onboarding, usage extension and organisational change processes, run
through the engine on SQLite from the real ``processes/`` folder, checking after every step where the
instance stands."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from lxml import etree

from engine.problems import InvalidData
from tests.integration.catalogue import CATALOGUE, complete_task_of, deployed_catalogue, ended_at

PROVIDER, VENDOR, KELA, COUNTY, THL, INTERMEDIARY = (
    "user:provider",
    "user:vendor",
    "user:kela",
    "user:county",
    "user:thl",
    "user:intermediary",
)
ACCESS_POINT_OID = "1.2.246.537.6.918.18.10.13.1"
# The Y-tunnus of the organisations a form names: each plays its lane from then on.
VENDOR_ID, COUNTY_ID, INTERMEDIARY_ID = "5050505-8", "6060606-3", "1010101-6"

HELSINKI = ZoneInfo("Europe/Helsinki")  # a diagram date without an offset is Finnish time


@pytest.fixture
def engine(tmp_path, clock):
    yield from deployed_catalogue(tmp_path, clock)


def ready(instance) -> dict[str, str]:
    """element id -> task id of every ready human task."""
    return {t.element_id: t.id for t in instance.ready_tasks}


def do(engine, instance, element_id, data, actor=PROVIDER):
    return complete_task_of(engine, instance, element_id, data, actor)


def lane_of(instance, element_id) -> str:
    return next(t.lane for t in instance.ready_tasks if t.element_id == element_id)


def timers(instance) -> dict[str, datetime]:
    """element id -> due time of every pending timer."""
    return {t.element_id: t.due_at for t in instance.pending_timers}


# ---- social_welfare_repository_onboarding ------------------------------------------------------------

INTAKE = {
    "business_id": "0737546-2",
    "organisation_name": "Hoivakoti Kotisatama Oy",
    "contact_email": "kanta@kotisatama.fi",
    "service_provision": "purchased_services_for_county",
    "joining_model": "direct",
    "vendor_business_id": VENDOR_ID,
    "county_business_id": COUNTY_ID,
}
DOCUMENTS_AGREED = {
    "delivery_method": "secure_email",
    "client_rights_agreed": True,
    "agreed_on": "2026-01-20",
}
SYSTEM = {
    "system_name": "SosiaaliX",
    "system_kind": "social_care_client_system",
    "system_certified": True,
    "system_phase": "phase_2",
    "system_profile": "Sosiaalihuollon asiakastietojärjestelmä, vaihe 2",
    "registry_use_right_supported": True,
    "access_point_oid": ACCESS_POINT_OID,
}


# The producer's agreement with the organiser (Act 703/2023 section 14), which needs no registry use right.
AGREEMENT = {
    "delivery_method": "secure_email",
    "client_rights_agreed": True,
    "agreed_on": "2026-04-20",
}
# Storing the documents straight into the county's register, once the county has committed to the right.
INTO_REGISTER = {"documents_into_organisers_register": True, "register_storage_agreed_on": "2026-04-22"}


def start_social_care(engine, **intake):
    started = engine.start_instance(
        "social_welfare_repository_onboarding",
        actor=PROVIDER,
        business_key=intake.get("business_id", "0737546-2"),
    )
    assert list(ready(started)) == ["Task_study_deployment"]
    assert lane_of(started, "Task_study_deployment") == "Palvelunantaja"
    return do(engine, started, "Task_study_deployment", {**INTAKE, **intake})


# Seed 002 "Palveluntuottaja saa arkistoitua …": the producer may store into the register, and may decline.
@pytest.mark.parametrize("stores_into_register", [True, False], ids=["stores", "declines"])
def test_social_care_direct_joining_runs_to_the_registry_use_right(engine, clock, stores_into_register):
    at_system = start_social_care(engine)
    assert list(ready(at_system)) == ["Task_describe_system"]
    assert lane_of(at_system, "Task_describe_system") == "Järjestelmätoimittaja"

    preparing = do(engine, at_system, "Task_describe_system", SYSTEM, actor=VENDOR)
    assert list(ready(preparing)) == ["Task_preparatory_tasks"]
    assert preparing.variables["joining_deadline"] == "2026-09-01"
    assert preparing.variables["superseded_deadline"] == "2024-09-01"
    # The deadline is for the provider to see: no seed says anyone follows it up, so nothing waits for it.
    assert preparing.pending_timers == []

    registering = do(
        engine,
        preparing,
        "Task_preparatory_tasks",
        {
            "register_entries_valid": True,
            "security_plan_date": "2026-01-20",
        },
    )
    # Seed 001, step 3: the organisation registers for the deployment; no period, no confirmation by Kela.
    assert list(ready(registering)) == ["Task_register_for_deployment"]
    own = do(
        engine,
        registering,
        "Task_register_for_deployment",
        {"registered_on": "2026-01-26", "contact_person": "Anna Virtanen"},
    )
    assert list(ready(own)) == ["Task_own_deployment_tasks"]
    assert (own.pending_timers, own.waiting_messages) == ([], [])
    applying = do(
        engine,
        own,
        "Task_own_deployment_tasks",
        {
            "technical_preparation_done": True,
            "recording_practices_agreed": True,
            "staff_competence_ensured": True,
        },
    )
    application = {
        "application_date": "2026-03-02",
        "applicant_business_id": "0737546-2",
        "system_name": "SosiaaliX",
        "access_point_oid": ACCESS_POINT_OID,
        "registrar_oid": "1.2.246.10.7375462.10.0",
    }
    waiting = do(engine, applying, "Task_file_application", application)
    assert ready(waiting) == {}
    assert [m.name for m in waiting.waiting_messages] == ["kela_social_welfare_repository_decision"]

    rejected = engine.deliver_message(
        "kela_social_welfare_repository_decision",
        business_key="0737546-2",
        payload={"decision": "rejected"},
        actor=KELA,
    )
    assert list(ready(rejected)) == ["Task_correct_application"]
    again = do(
        engine,
        rejected,
        "Task_correct_application",
        {"correction": "Liityntäpisteen OID korjattu", "corrected_on": "2026-03-04"},
    )
    waiting = do(engine, again, "Task_file_application", application)
    approved = engine.deliver_message(
        "kela_social_welfare_repository_decision",
        business_key="0737546-2",
        payload={"decision": "approved"},
        actor=KELA,
    )
    assert list(ready(approved)) == ["Task_deployment_test"]

    failed = do(engine, approved, "Task_deployment_test", {"test_date": "2026-04-15", "result": "failed"})
    assert list(ready(failed)) == ["Task_fix_test_failure"]
    retest = do(
        engine,
        failed,
        "Task_fix_test_failure",
        {"fault": "Varmenne puuttui", "fixed_on": "2026-04-16"},
        actor=VENDOR,
    )
    # The report is due at the latest two days after the test (seed 003), counted from the test's date: a
    # test run the day before it is recorded leaves one day less than the task's opening would.
    test_day = clock.now().date() - timedelta(days=1)
    reporting = do(engine, retest, "Task_deployment_test", {"test_date": str(test_day), "result": "passed"})
    assert list(ready(reporting)) == ["Task_report_test"]
    (timer,) = reporting.pending_timers
    assert timer.element_id == "Timer_report_overdue"
    assert timer.due_at == datetime.fromisoformat(f"{test_day + timedelta(days=3)}T00:00:00+02:00")

    clock.advance(days=1)
    assert engine.fire_due_timers() == []
    clock.advance(days=1)
    assert engine.fire_due_timers() == [reporting.id]
    reminded = engine.get_instance(reporting.id)
    assert set(ready(reminded)) == {"Task_report_test", "Task_remind_report"}
    assert lane_of(reminded, "Task_remind_report") == "Kela"
    reminded = do(
        engine, reminded, "Task_remind_report", {"reminded_on": "2026-04-19", "channel": "email"}, actor=KELA
    )

    done = do(
        engine, reminded, "Task_report_test", {"report_date": "2026-04-20", "report_sent_to_kela": True}
    )
    # Seed 001: reported, the repository is in use for the provider and its onboarding ends; the county's part
    # is a process of its own, which the onboarding's message started under the provider's business ID.
    assert done.status == "completed"
    assert done.pending_timers == [] and done.ready_tasks == []
    assert ended_at(engine, done) == ["End_reminder_sent", "End_service_in_use"]
    readiness = county_process_of(engine, "0737546-2")
    assert readiness.variables["county_business_id"] == COUNTY_ID
    # Act 703/2023 section 14 (seed 002): the agreement on documents and client rights needs no registry use
    # right, so it opens at once beside the county's readiness; only the county's register waits for that.
    assert sorted(ready(readiness)) == ["Task_deliver_documents", "Task_organiser_readiness"]
    assert lane_of(readiness, "Task_organiser_readiness") == "Hyvinvointialue"
    assert lane_of(readiness, "Task_deliver_documents") == "Palvelunantaja"
    with pytest.raises(InvalidData, match="delivery_method"):
        do(
            engine,
            readiness,
            "Task_deliver_documents",
            {**AGREEMENT, "delivery_method": "into_organisers_register"},
        )
    agreed = do(engine, readiness, "Task_deliver_documents", AGREEMENT)
    assert list(ready(agreed)) == ["Task_organiser_readiness"]
    assert agreed.status == "running"
    committing = do(
        engine,
        agreed,
        "Task_organiser_readiness",
        {"organiser_joined": True, "organiser_system_supports_registry_use_right": True},
        actor=COUNTY,
    )
    # The right is opened per granted service (operations); the county's process records its commitment.
    assert list(ready(committing)) == ["Task_agree_registry_use_right"]
    storing = do(
        engine,
        committing,
        "Task_agree_registry_use_right",
        {"opens_right_when_granting_service": True, "committed_on": "2026-04-21"},
        actor=COUNTY,
    )
    # Seed 002: the county committed, the producer stores its documents straight into the county's register.
    assert list(ready(storing)) == ["Task_deliver_documents_into_register"]
    assert lane_of(storing, "Task_deliver_documents_into_register") == "Palvelunantaja"
    decided = {**INTO_REGISTER, "documents_into_organisers_register": stores_into_register}
    stored = do(engine, storing, "Task_deliver_documents_into_register", decided)
    assert stored.status == "completed"
    assert sorted(ended_at(engine, stored)) == ["End_documents_agreed", "End_documents_into_register_agreed"]
    # Each agreement keeps its own answers and date, whichever branch finished last.
    assert stored.variables["delivery_method"] == "secure_email"
    assert stored.variables["agreed_on"] == "2026-04-20"
    assert stored.variables["committed_on"] == "2026-04-21"
    assert stored.variables["documents_into_organisers_register"] is stores_into_register
    assert stored.variables["register_storage_agreed_on"] == "2026-04-22"


def test_only_the_countys_commitment_leads_to_storing_into_its_register():
    """Seed 002: the registry use right needs both joined and both systems able to take it into use, so no
    form of the county's process but the one after its commitment records documents into its register, and
    that form is reached only through the preconditions being met; the process can not end with documents
    agreed into the register of a county that is not ready."""
    bpmn = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
    camunda = "{http://camunda.org/schema/1.0/bpmn}"
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.parse(str(CATALOGUE / "county_registry_use_right.bpmn"), parser).getroot()
    into_register = set()
    for task in root.iter(f"{bpmn}userTask"):
        form = json.loads((CATALOGUE / task.get(f"{camunda}formKey")).read_text())
        fields = form["properties"]
        if "into_organisers_register" in fields.get("delivery_method", {}).get("enum", []) or (
            "documents_into_organisers_register" in fields
        ):
            into_register.add(task.get("id"))
    assert into_register == {"Task_deliver_documents_into_register"}
    flows = {}
    for flow in root.iter(f"{bpmn}sequenceFlow"):
        flows.setdefault(flow.get("sourceRef"), []).append((flow.get("id"), flow.get("targetRef")))

    def reachable(without: str) -> set[str]:
        seen, todo = set(), ["Start_in_use_for_county"]
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo += [target for flow_id, target in flows.get(node, []) if flow_id != without]
        return seen

    assert "Task_deliver_documents_into_register" in reachable(without="")
    # Flow_48 is the gateway's "both joined and both systems support it" flow.
    assert "Task_deliver_documents_into_register" not in reachable(without="Flow_48")
    assert "Task_deliver_documents" in reachable(without="Flow_48")


def county_process_of(engine, business_id):
    """The county's own process (county_registry_use_right) that the provider's onboarding started."""
    (started,) = engine.list_instances(
        process_key="county_registry_use_right", business_key=business_id
    ).items
    return engine.get_instance(started.id)


def test_a_patient_information_system_is_refused(engine):
    at_system = start_social_care(engine)
    refused = do(
        engine,
        at_system,
        "Task_describe_system",
        {**SYSTEM, "system_kind": "patient_information_system", "system_name": "PotilasY"},
        actor=VENDOR,
    )
    assert refused.status == "completed"
    assert ended_at(engine, refused) == ["End_patient_system_refused"]
    assert "joining_deadline" not in refused.variables


def test_an_uncertified_system_is_certified_beside_the_preparations_and_holds_only_the_application(engine):
    at_system = start_social_care(engine)
    certify = do(
        engine, at_system, "Task_describe_system", {**SYSTEM, "system_certified": False}, actor=VENDOR
    )
    # Seed 002: the application is made with the certified system; the preparations do not wait for it.
    assert set(ready(certify)) == {"Task_certify_system", "Task_preparatory_tasks"}
    state = _prepare(engine, certify)
    assert list(ready(state)) == ["Task_certify_system"]
    applying = do(
        engine,
        state,
        "Task_certify_system",
        {"certified_on": "2026-02-01", "listed_in_valvira_register": True},
        actor=VENDOR,
    )
    assert list(ready(applying)) == ["Task_file_application"]
    history = [e.element_id for e in engine.history(applying.id) if e.kind == "element_completed"]
    assert history.count("Task_describe_system") == 1


def test_a_phase_1_system_can_not_claim_the_registry_use_right(engine):
    at_system = start_social_care(engine)
    with pytest.raises(InvalidData, match="registry_use_right_supported"):
        do(engine, at_system, "Task_describe_system", {**SYSTEM, "system_phase": "phase_1"}, actor=VENDOR)


def test_a_joint_joiner_only_agrees_with_its_main_joiner_which_applies(engine):
    joint = start_social_care(engine, joining_model="joint_member")
    assert list(ready(joint)) == ["Task_agree_joint_joining"]
    done = do(
        engine,
        joint,
        "Task_agree_joint_joining",
        {
            "main_joiner_business_id": "1572860-0",
            "main_joiner_name": "Sosiaalipalvelut Pääliittyjä Oy",
            "agreement_date": "2026-01-15",
            "security_plan": "main_joiner_plan_covers_us",
            "main_joiner_system_has_registry_use_right": True,
        },
    )
    # Seeds 001, 002: only the main joiner files the application; the joint joiner files none of its own.
    # Producing purchased services for the county, it still makes the section 14 agreement (seed 002).
    assert list(ready(done)) == ["Task_deliver_documents"]
    agreed = do(engine, done, "Task_deliver_documents", DOCUMENTS_AGREED)
    assert agreed.status == "completed"
    assert ended_at(engine, agreed) == ["End_joined_through_main_joiner"]


FUNCTION_IN_USE = {
    "function_in_use_on": "2026-02-02",
    "system_phase": "phase_2",
    "registry_use_right_supported": True,
}


@pytest.mark.parametrize("function_first", [True, False], ids=["function_first", "preparations_first"])
def test_a_direct_joiners_system_gets_the_registry_use_right_function_before_the_application(
    engine, function_first
):
    at_system = start_social_care(engine)
    phase_1 = {**SYSTEM, "system_phase": "phase_1", "registry_use_right_supported": False}
    upgrading = do(engine, at_system, "Task_describe_system", phase_1, actor=VENDOR)
    assert set(ready(upgrading)) == {"Task_enable_registry_use_right", "Task_preparatory_tasks"}
    if function_first:
        upgraded = do(engine, upgrading, "Task_enable_registry_use_right", FUNCTION_IN_USE, actor=VENDOR)
        # The form records the function in use: the system is not described again, and only the
        # application waits for the preparations.
        assert list(ready(upgraded)) == ["Task_preparatory_tasks"]
        applying = _prepare(engine, upgraded)
    else:
        prepared = _prepare(engine, upgrading)
        assert list(ready(prepared)) == ["Task_enable_registry_use_right"]
        applying = do(engine, prepared, "Task_enable_registry_use_right", FUNCTION_IN_USE, actor=VENDOR)
    assert list(ready(applying)) == ["Task_file_application"]
    # The function's form writes the system's own data. The preparations' branch still carries the
    # system as it was described: arriving at the join last, it must not take the upgrade back.
    assert applying.variables["registry_use_right_supported"] is True
    assert applying.variables["system_phase"] == "phase_2"
    assert not {"phase_after_upgrade", "registry_use_right_function_in_use"} & set(applying.variables)
    history = [e.element_id for e in engine.history(applying.id) if e.kind == "element_completed"]
    assert history.count("Task_describe_system") == 1


def test_parallel_joining_ends_without_joining_when_only_the_organisers_data_is_recorded(engine):
    parallel = start_social_care(engine, joining_model="parallel", has_own_certified_system=False)
    assert list(ready(parallel)) == ["Task_county_offers_system"]
    assert lane_of(parallel, "Task_county_offers_system") == "Hyvinvointialue"
    offer = {"county_name": "Pirkanmaan hyvinvointialue", "organiser_business_id": "1572860-0"}
    confirm = do(
        engine,
        parallel,
        "Task_county_offers_system",
        {**offer, "county_offers_system": True, "parallel_joining_requirements_met": True},
        actor=COUNTY,
    )
    assert list(ready(confirm)) == ["Task_confirm_parallel_recording"]
    done = do(
        engine,
        confirm,
        "Task_confirm_parallel_recording",
        {"records_only_organiser_data": True, "confirmed_on": "2026-01-12"},
    )
    # It need not join, but producing purchased services for the county it makes the section 14 agreement.
    assert list(ready(done)) == ["Task_deliver_documents"]
    agreed = do(engine, done, "Task_deliver_documents", DOCUMENTS_AGREED)
    assert agreed.status == "completed"
    assert ended_at(engine, agreed) == ["End_no_own_joining"]


def test_parallel_joining_that_records_own_data_or_is_not_offered_joins_after_all(engine):
    parallel = start_social_care(engine, joining_model="parallel", has_own_certified_system=False)
    offer = {"county_name": "Pirkanmaan hyvinvointialue", "organiser_business_id": "1572860-0"}
    confirm = do(
        engine,
        parallel,
        "Task_county_offers_system",
        {**offer, "county_offers_system": True, "parallel_joining_requirements_met": True},
        actor=COUNTY,
    )
    own_data = do(
        engine,
        confirm,
        "Task_confirm_parallel_recording",
        {"records_only_organiser_data": False, "confirmed_on": "2026-01-12"},
    )
    assert list(ready(own_data)) == ["Task_describe_system"]
    # Seed 002 asks the registry use right function of the county's system in this model, not of the joiner's.
    phase_1 = {**SYSTEM, "system_phase": "phase_1", "registry_use_right_supported": False}
    preparing = do(engine, own_data, "Task_describe_system", phase_1, actor=VENDOR)
    assert list(ready(preparing)) == ["Task_preparatory_tasks"]

    not_offered = start_social_care(
        engine, business_id="1572860-0", joining_model="parallel", has_own_certified_system=False
    )
    choose = do(
        engine,
        not_offered,
        "Task_county_offers_system",
        {**offer, "county_offers_system": False},
        actor=COUNTY,
    )
    assert list(ready(choose)) == ["Task_choose_other_model"]
    other_model = {"joining_model": "direct", "vendor_business_id": VENDOR_ID}
    direct = do(engine, choose, "Task_choose_other_model", other_model)
    assert list(ready(direct)) == ["Task_describe_system"]


# The provider's own preparations in a social-care onboarding, each step with its data.
PROVIDER_PREPARATIONS = [
    ("Task_preparatory_tasks", {"register_entries_valid": True, "security_plan_date": "2026-01-20"}),
    ("Task_register_for_deployment", {"registered_on": "2026-01-26", "contact_person": "Anna Virtanen"}),
    (
        "Task_own_deployment_tasks",
        {
            "technical_preparation_done": True,
            "recording_practices_agreed": True,
            "staff_competence_ensured": True,
        },
    ),
]


def _prepare(engine, instance):
    """The provider's preparations of a social-care onboarding, one after another."""
    for element_id, data in PROVIDER_PREPARATIONS:
        instance = do(engine, instance, element_id, data)
    return instance


def _to_report(engine, instance, clock=None):
    """From the preparatory tasks to the report task of a social-care onboarding."""
    steps = [
        *PROVIDER_PREPARATIONS,
        (
            "Task_file_application",
            {
                "application_date": "2026-05-11",
                "applicant_business_id": "1572860-0",
                "system_name": "SosiaaliX",
                "access_point_oid": ACCESS_POINT_OID,
                "registrar_oid": "1.2.246.10.15728600.10.0",
            },
        ),
    ]
    for element_id, data in steps:
        instance = do(engine, instance, element_id, data)
    instance = engine.deliver_message(
        "kela_social_welfare_repository_decision",
        instance_id=instance.id,
        payload={"decision": "approved"},
        actor=KELA,
    )
    return do(engine, instance, "Task_deployment_test", {"test_date": "2026-06-10", "result": "passed"})


def test_self_paying_provider_needs_no_registry_use_right_and_nothing_waits_for_the_deadline(engine, clock):
    at_system = start_social_care(
        engine, business_id="1572860-0", service_provision="self_paying_clients_only"
    )
    preparing = do(engine, at_system, "Task_describe_system", SYSTEM, actor=VENDOR)
    assert preparing.variables["superseded_deadline"] == "2026-01-01"
    assert preparing.variables["joining_deadline"] == "2026-09-01"
    reporting = _to_report(engine, preparing)
    assert {t.element_id for t in reporting.pending_timers} == {"Timer_report_overdue"}
    done = do(
        engine, reporting, "Task_report_test", {"report_date": "2026-06-11", "report_sent_to_kela": True}
    )
    assert done.status == "completed"
    assert ended_at(engine, done)[-1] == "End_service_in_use"
    assert "Task_organiser_readiness" not in [e.element_id for e in engine.history(done.id)]
    assert (
        engine.list_instances(process_key="county_registry_use_right", business_key="1572860-0").items == []
    )


def test_without_the_preconditions_no_registry_use_right_is_opened(engine):
    at_system = start_social_care(engine, business_id="1572860-0")
    preparing = do(engine, at_system, "Task_describe_system", SYSTEM, actor=VENDOR)
    reporting = _to_report(engine, preparing)
    done = do(
        engine, reporting, "Task_report_test", {"report_date": "2026-06-11", "report_sent_to_kela": True}
    )
    assert done.status == "completed"
    readiness = county_process_of(engine, "1572860-0")
    assert sorted(ready(readiness)) == ["Task_deliver_documents", "Task_organiser_readiness"]
    agreeing = do(
        engine,
        readiness,
        "Task_organiser_readiness",
        {"organiser_joined": False, "organiser_system_supports_registry_use_right": True},
        actor=COUNTY,
    )
    assert list(ready(agreeing)) == ["Task_deliver_documents"]
    assert agreeing.status == "running"
    # Without the preconditions the organiser's register is not among the ways of delivery.
    with pytest.raises(InvalidData, match="delivery_method"):
        do(
            engine,
            agreeing,
            "Task_deliver_documents",
            {**AGREEMENT, "delivery_method": "into_organisers_register"},
        )
    with pytest.raises(InvalidData, match="client_rights_agreed"):
        do(
            engine,
            agreeing,
            "Task_deliver_documents",
            {**AGREEMENT, "delivery_method": "paper", "client_rights_agreed": False},
        )
    agreed = do(engine, agreeing, "Task_deliver_documents", {**AGREEMENT, "delivery_method": "secure_email"})
    assert agreed.status == "completed"
    assert sorted(ended_at(engine, agreed)) == ["End_documents_agreed", "End_registry_use_right_not_opened"]
    history = [e.element_id for e in engine.history(agreed.id)]
    assert "Task_agree_registry_use_right" not in history
    assert "Task_deliver_documents_into_register" not in history


# ---- usage_extension ---------------------------------------------------------------------------------

SCOPE = {
    "business_id": "0737546-2",
    "repositories_in_use": ["patient_data_repository", "social_welfare_repository"],
    "repository": "social_welfare_repository",
    "extension_kind": "new_system",
    "document_group_or_profile_change": False,
    "document_volume_growth": 600_000,
    "new_service_tasks_only": False,
    "new_access_point": True,
    "planned_change_date": "2026-05-04",
}


def start_extension(engine, **scope):
    started = engine.start_instance("usage_extension", actor=PROVIDER, business_key="0737546-2")
    assert list(ready(started)) == ["Task_describe_extension"]
    return do(engine, started, "Task_describe_extension", {**SCOPE, **scope})


def through_planning(engine, instance, **plan):
    plan = {
        "plan_agreed_on": "2026-02-02",
        "vendor_business_id": VENDOR_ID,
        "thl_oper_support_needed": False,
        "deployment_test_planned": True,
        "new_function_in_system": False,
        **plan,
    }
    instance = do(engine, instance, "Task_plan_extension", plan)
    if plan["thl_oper_support_needed"]:
        assert lane_of(instance, "Task_thl_support") == "THL"
        instance = do(
            engine,
            instance,
            "Task_thl_support",
            {"support_given_on": "2026-02-05", "advice": "Asiakirjaryhmät tarkistettu"},
            actor=THL,
        )
    return instance


# Seed 003 orders only planning first and the set-up tested before production use: once planned, these open
# side by side, with the new system's Extranet entry and Kela's customer data for a new system.
SIDE_BY_SIDE = ["Task_customer_test", "Task_train_staff", "Task_update_plans"]
NEW_SYSTEM_TASKS = sorted([*SIDE_BY_SIDE, "Task_add_new_system", "Task_update_customer_data"])


def customer_test(engine, instance, **result):
    result = {
        "tested": True,
        "tested_on": "2026-02-20",
        "customer_test_service_used": True,
        "system_certified": True,
        "intermediary_certified": True,
        **result,
    }
    return do(engine, instance, "Task_customer_test", result)


def update_plans(engine, instance):
    return do(
        engine,
        instance,
        "Task_update_plans",
        {"self_monitoring_plan_updated_on": "2026-02-23", "register_entries_checked": True},
    )


def train_staff(engine, instance):
    return do(
        engine,
        instance,
        "Task_train_staff",
        {"training_completed_on": "2026-02-25", "topics": ["national_practices", "archive_management"]},
    )


def test_usage_extension_with_a_new_system_and_access_point_runs_to_its_end(engine, clock):
    notices = start_extension(engine)
    # Seed 003 orders nothing between the notices and the rest, nor between the two notices: they are decided
    # at once and filed beside the rest and independently of each other.
    assert notices.variables["notify_kanta_by_email"] is True
    assert notices.variables["access_point_notice"] is True
    assert sorted(ready(notices)) == ["Task_access_point_notice", "Task_email_notice", "Task_plan_extension"]
    # The access-point notice is due two weeks before the change (4.5.2026): late as 21.4. begins
    assert timers(notices) == {"Timer_notice_late": datetime(2026, 4, 21, tzinfo=HELSINKI)}
    e_mail = do(
        engine,
        notices,
        "Task_access_point_notice",
        {"notice_filed_on": "2026-02-24", "access_point_oid": ACCESS_POINT_OID},
    )
    # Filed in time: no warning, and nothing waits for the change date (seed 003 sets it no wait); the e-mail
    # notice is still open, as it was before.
    assert sorted(ready(e_mail)) == ["Task_email_notice", "Task_plan_extension"]
    assert timers(e_mail) == {}
    filed = do(
        engine,
        e_mail,
        "Task_email_notice",
        {
            "email_sent_on": "2026-02-24",
            "sent_to": "kanta@kanta.fi",
            "notified_change": "Asiakirjavolyymi kasvaa 600 000 asiakirjalla",
        },
    )
    assert list(ready(filed)) == ["Task_plan_extension"]
    planned = through_planning(engine, filed, thl_oper_support_needed=True)
    # A new system changes Kela's customer data too (seed 003); no seed orders the tasks after planning.
    assert sorted(ready(planned)) == NEW_SYSTEM_TASKS
    # The new system is added in Extranet before any test.
    added = do(
        engine,
        planned,
        "Task_add_new_system",
        {"system_name": "SosiaaliX 2", "added_on": "2026-02-24", "system_certified": True},
    )
    assert sorted(ready(added)) == [
        "Task_customer_test",
        "Task_train_staff",
        "Task_update_customer_data",
        "Task_update_plans",
    ]
    testing = customer_test(engine, added)
    # The deployment test waits for the organisation's own test only (no new function here).
    assert sorted(ready(testing)) == [
        "Task_deployment_test",
        "Task_train_staff",
        "Task_update_customer_data",
        "Task_update_plans",
    ]
    failed = do(engine, testing, "Task_deployment_test", {"test_date": "2026-05-04", "result": "failed"})
    retest = do(
        engine,
        failed,
        "Task_fix_test_failure",
        {"fault": "Profiili väärin", "fixed_on": "2026-05-05"},
        actor=VENDOR,
    )
    reporting = do(engine, retest, "Task_deployment_test", {"test_date": "2026-05-05", "result": "passed"})
    assert [t.element_id for t in reporting.pending_timers] == ["Timer_report_overdue"]
    # The staff is trained before the report: the report's deadline holds nothing but itself.
    trained = train_staff(engine, reporting)
    assert sorted(ready(trained)) == ["Task_report_test", "Task_update_customer_data", "Task_update_plans"]
    reported = do(
        engine, trained, "Task_report_test", {"report_date": "2026-05-06", "report_sent_to_kela": True}
    )
    assert reported.pending_timers == []
    assert sorted(ready(reported)) == ["Task_update_customer_data", "Task_update_plans"]
    customer_data = do(
        engine,
        reported,
        "Task_update_customer_data",
        {"customer_data_updated_on": "2026-05-04", "what_changed": "Uusi järjestelmä SosiaaliX 2"},
    )
    assert customer_data.status != "completed"
    done = update_plans(engine, customer_data)
    assert done.status == "completed"
    assert ended_at(engine, done) == ["End_extension_in_use"]


def test_the_usage_extension_goes_on_while_the_countys_own_process_still_waits(engine):
    """The missing social-care repository is joined by its onboarding; once the provider's test is reported
    that onboarding ends and the extension goes on to its planning, while the county's readiness and
    commitment wait in the county's own process, started by the onboarding's message. The access-point notice
    waits for none of it; the e-mail notice of the new document groups opens only once the provider's own
    joining has put the repository in use."""
    state = start_extension(engine, repositories_in_use=["patient_data_repository"])
    steps = [
        ("Task_study_deployment_for_caller", PROVIDER,
         {"service_provision": "purchased_services_for_county", "vendor_business_id": VENDOR_ID,
          "county_business_id": COUNTY_ID, "contact_email": "kanta@kotisatama.fi"}),
        ("Task_choose_joining_model", PROVIDER, {"joining_model": "direct", "vendor_business_id": VENDOR_ID}),
        ("Task_describe_system", VENDOR, SYSTEM),
        ("Task_preparatory_tasks", PROVIDER,
         {"register_entries_valid": True, "security_plan_date": "2026-01-20"}),
        ("Task_register_for_deployment", PROVIDER,
         {"registered_on": "2026-01-26", "contact_person": "Anna Virtanen"}),
        ("Task_own_deployment_tasks", PROVIDER,
         {"technical_preparation_done": True, "recording_practices_agreed": True,
          "staff_competence_ensured": True}),
        ("Task_file_application", PROVIDER,
         {"application_date": "2026-03-02", "applicant_business_id": "0737546-2", "system_name": "SosiaaliX",
          "access_point_oid": ACCESS_POINT_OID, "registrar_oid": "1.2.246.10.7375462.10.0"}),
    ]  # fmt: skip
    # The access-point notice runs beside the repository's onboarding from the description on: it has its
    # own deadline from the planned change date and needs nothing the onboarding brings. The e-mail notice is
    # about a change to a repository in use, so it is not open while the repository is being joined.
    assert state.variables["notify_kanta_by_email"] is True
    notices = ["Task_access_point_notice"]
    for element_id, actor, data in steps:
        assert sorted(ready(state)) == sorted([element_id, *notices])
        state = do(engine, state, element_id, data, actor=actor)
    state = engine.deliver_message(
        "kela_social_welfare_repository_decision",
        business_key="0737546-2",
        payload={"decision": "approved"},
        actor=KELA,
    )
    state = do(engine, state, "Task_deployment_test", {"test_date": "2026-04-15", "result": "passed"})
    assert sorted(ready(state)) == sorted(["Task_report_test", *notices])
    state = do(engine, state, "Task_report_test", {"report_date": "2026-04-16", "report_sent_to_kela": True})
    # The onboarding has ended: the extension is past Gateway_repository_ready, at its planning.
    assert state.status == "running"
    assert "End_service_in_use" in ended_at(engine, state)
    assert sorted(ready(state)) == ["Task_access_point_notice", "Task_email_notice", "Task_plan_extension"]
    assert not {"Task_organiser_readiness", "Task_deliver_documents"} & set(ready(state))
    county = county_process_of(engine, "0737546-2")
    assert county.status == "running"
    # The section 14 agreement waits for no readiness, so it is open in the county's process beside it.
    assert sorted(ready(county)) == ["Task_deliver_documents", "Task_organiser_readiness"]
    assert lane_of(county, "Task_organiser_readiness") == "Hyvinvointialue"
    assert lane_of(county, "Task_deliver_documents") == "Palvelunantaja"


def test_a_late_access_point_notice_warns_the_provider_and_holds_back_nothing(engine, clock):
    # Planned for 15.1.2026: the notice was due by 1.1., so the provider is warned as soon as the task opens.
    scope = {"new_access_point": True, "document_volume_growth": 0, "planned_change_date": "2026-01-15"}
    warned = start_extension(engine, **scope)
    assert warned.variables["notify_kanta_by_email"] is False
    assert sorted(ready(warned)) == [
        "Task_access_point_notice",
        "Task_note_late_notice",
        "Task_plan_extension",
    ]
    assert lane_of(warned, "Task_note_late_notice") == "Palvelunantaja"
    noted = do(
        engine, warned, "Task_note_late_notice", {"noted_on": "2026-01-05", "note": "Muutos siirretään"}
    )
    assert sorted(ready(noted)) == ["Task_access_point_notice", "Task_plan_extension"]
    filed = do(
        engine,
        noted,
        "Task_access_point_notice",
        {"notice_filed_on": "2026-01-05", "access_point_oid": ACCESS_POINT_OID},
    )
    assert list(ready(filed)) == ["Task_plan_extension"]
    assert timers(filed) == {}
    assert ended_at(engine, filed) == ["End_late_notice_noted"]


@pytest.mark.parametrize(
    ("scope", "email", "access_point", "first_task"),
    [
        (
            {"new_access_point": False, "document_volume_growth": 1000, "new_service_tasks_only": True},
            False,
            False,
            "Task_add_new_system",
        ),
        (
            {
                "new_access_point": False,
                "document_volume_growth": 500_000,
                "document_group_or_profile_change": True,
            },
            True,
            False,
            "Task_email_notice",
        ),
        ({"new_access_point": False, "document_volume_growth": 500_001}, True, False, "Task_email_notice"),
        ({"new_access_point": True, "document_volume_growth": 0}, False, True, "Task_access_point_notice"),
        # The e-mail notices are the social-care repository's (seed 003 lists them under it alone).
        (
            {
                "repository": "patient_data_repository",
                "new_access_point": False,
                "document_group_or_profile_change": True,
                "document_volume_growth": 600_000,
            },
            False,
            False,
            "Task_add_new_system",
        ),
        (
            {
                "repository": "patient_data_repository",
                "new_access_point": True,
                "document_group_or_profile_change": True,
                "document_volume_growth": 600_000,
            },
            False,
            True,
            "Task_access_point_notice",
        ),
        (
            {"new_access_point": False, "document_volume_growth": 500_000, "new_service_tasks_only": True},
            False,
            False,
            "Task_add_new_system",
        ),
    ],
)
def test_the_notification_decision(engine, scope, email, access_point, first_task):
    # The notices are decided as soon as the extension is described, beside its planning.
    notices = start_extension(engine, **scope)
    if first_task == "Task_add_new_system":  # no notice: the notice track has ended at once
        assert list(ready(notices)) == ["Task_plan_extension"]
        assert sorted(ready(through_planning(engine, notices))) == NEW_SYSTEM_TASKS
        return
    assert (notices.variables["notify_kanta_by_email"], notices.variables["access_point_notice"]) == (
        email,
        access_point,
    )
    assert sorted(ready(notices)) == sorted([first_task, "Task_plan_extension"])


def test_a_new_service_goes_straight_to_planning_and_may_skip_the_test(engine):
    # No seed makes one new service wait for another ("imaging needs the patient repository" is gone).
    scope = {
        "extension_kind": "new_service",
        "new_service": "health_certificates",
        "repository": "patient_data_repository",
        "new_access_point": False,
        "document_volume_growth": 0,
    }
    applying = start_extension(engine, **scope)
    # Seeds 003/004: the service has its own instructions and its own application, not filed in Extranet yet
    assert sorted(ready(applying)) == ["Task_apply_new_service", "Task_plan_extension"]
    with pytest.raises(InvalidData, match="filed_outside_extranet"):
        do(engine, applying, "Task_apply_new_service", {"service_instructions_followed": True})
    planning = do(
        engine,
        applying,
        "Task_apply_new_service",
        {
            "service_instructions_followed": True,
            "application_filed_on": "2026-03-02",
            "filed_outside_extranet": True,
        },
    )
    assert list(ready(planning)) == ["Task_plan_extension"]
    planned = through_planning(engine, planning, deployment_test_planned=False)
    assert sorted(ready(planned)) == sorted([*SIDE_BY_SIDE, "Task_update_customer_data"])
    trained = train_staff(engine, planned)
    customer_data = do(
        engine,
        trained,
        "Task_update_customer_data",
        {"customer_data_updated_on": "2026-03-19", "what_changed": "Terveydenhuollon todistusten välitys"},
    )
    assert sorted(ready(customer_data)) == ["Task_customer_test", "Task_update_plans"]
    # No deployment test planned: the organisation's own test ends its track.
    tested = customer_test(engine, customer_data)
    assert list(ready(tested)) == ["Task_update_plans"]
    done = update_plans(engine, tested)
    assert done.status == "completed"
    assert "Task_deployment_test" not in [e.element_id for e in engine.history(done.id)]
    with pytest.raises(InvalidData, match="new_service"):
        start_extension(engine, extension_kind="new_service", new_service="imaging_data_repository")


def test_kela_decides_the_extent_of_a_new_functions_deployment_test(engine):
    # Seed 003: for a new function Kela decides case by case in what extent the test is run; it is run.
    scope = {"extension_kind": "new_content", "new_access_point": False, "document_volume_growth": 0}
    notices = through_planning(
        engine, start_extension(engine, **scope), deployment_test_planned=False, new_function_in_system=True
    )
    # Kela decides beside the other tasks; the deployment test waits for its decision and the own test.
    assert sorted(ready(notices)) == sorted([*SIDE_BY_SIDE, "Task_decide_test_extent"])
    assert lane_of(notices, "Task_decide_test_extent") == "Kela"
    tested = customer_test(engine, notices)
    assert sorted(ready(tested)) == ["Task_decide_test_extent", "Task_train_staff", "Task_update_plans"]
    testing = do(
        engine,
        tested,
        "Task_decide_test_extent",
        {"decided_on": "2026-02-24", "test_extent": "Uuden toiminnallisuuden asiakirjat"},
        actor=KELA,
    )
    assert sorted(ready(testing)) == ["Task_deployment_test", "Task_train_staff", "Task_update_plans"]
    assert testing.variables["test_extent"] == "Uuden toiminnallisuuden asiakirjat"


# ---- organisation_change -----------------------------------------------------------------------------

IMPACT = {
    "business_id": "0737546-2",
    "organisation_name": "Lääkäriasema Kotisatama Oy",
    "change_date": "2026-03-16",
    "access_point_change_date": "2026-03-16",
    "joiner_oid": "1.2.246.10.7375462.10.0",
    "registrar_oid": "1.2.246.10.7375462.10.0",
    "new_business_id": False,
    "new_joiners": False,
    "merger": True,
    "documents_move_registrar": True,
    "vendor_business_id": VENDOR_ID,
    "new_registrar_oid": "1.2.246.10.15728600.10.0",
    "new_registrar_is_this_organisation": True,
    "is_independent_practitioner": False,
    "access_point_changes": True,
    "access_point_filed_by": "intermediary",
    "intermediary_business_id": INTERMEDIARY_ID,
    "renewal_routing_changes": True,
    "receiving_units_end": True,
    "receiver_mark_removal": True,
    "prescription_readiness": False,
    "prescription_service_in_use": True,
    "deployment_check": "none",
    "joiner_stops": False,
}


def start_change(engine, **impact):
    started = engine.start_instance("organisation_change", actor=PROVIDER, business_key="0737546-2")
    assert list(ready(started)) == ["Task_map_impact"]
    return do(engine, started, "Task_map_impact", {**IMPACT, **impact})


def test_a_merger_with_a_registrar_change_runs_its_tracks_side_by_side_to_the_termination(engine, clock):
    # the organisation's documents move to the continuing party's register: it is not the new registrar
    tracks = start_change(engine, new_registrar_is_this_organisation=False)
    # Seeds 003/004: each track is counted back from the change date (16.3.2026) on its own; the merger's
    # agreement is one of them, so the access-point notice and its deadline do not wait for it, and the
    # access-point notice and the registrar change do not wait for the receiver mark's removal.
    assert sorted(ready(tracks)) == [
        "Task_agree_customership",
        "Task_intermediary_access_point_notice",
        "Task_notify_new_receivers",
        "Task_schedule_registrar_change",
    ]
    assert lane_of(tracks, "Task_intermediary_access_point_notice") == "Kanta-välittäjä"
    assert timers(tracks) == {
        # the notice is due by 2.3., 14 days before the change: as that day ends, it is late
        "Timer_intermediary_notice_late": datetime(2026, 3, 3, tzinfo=HELSINKI),
    }
    tracks = do(
        engine,
        tracks,
        "Task_agree_customership",
        {"continuing_business_id": "1572860-0", "customership_ends": True},
    )
    assert sorted(ready(tracks)) == [
        "Task_intermediary_access_point_notice",
        "Task_notify_new_receivers",
        "Task_schedule_registrar_change",
    ]
    # seed 004: the new receivers are notified to THL's code service, copy to Kanta
    marking = do(
        engine,
        tracks,
        "Task_notify_new_receivers",
        {
            "email_sent_on": "2026-01-05",
            "copy_to_kanta": True,
            "register": "sote_organisation_register",
            "receiver_oids": ["1.2.246.10.15728600.10.3"],
            "receipt_service_in_kanta": True,
        },
    )
    # seed 004: the mark comes off a day or two before the change; the request to THL may go at once
    assert "Task_ask_receiver_mark_removal" in ready(marking)
    assert "Timer_before_change" not in timers(marking)
    asked = do(
        engine,
        marking,
        "Task_ask_receiver_mark_removal",
        {
            "email_sent_on": "2026-01-05",
            "copy_to_kanta": True,
            "register": "sote_organisation_register",
            "service_unit_oids": ["1.2.246.10.7375462.10.12"],
        },
    )
    scheduling = do(
        engine,
        asked,
        "Task_intermediary_access_point_notice",
        {
            "intermediary_name": "Välityspalvelu Silta Oy",
            "new_access_point_oid": ACCESS_POINT_OID,
            "filed_on": "2026-01-05",
            "customers_covered": ["0737546-2", "1572860-0"],
            "customers_informed": True,
            "access_point_is_new": False,
        },
        actor=INTERMEDIARY,
    )
    assert timers(scheduling) == {"Timer_before_change": datetime(2026, 3, 14, tzinfo=HELSINKI)}
    before = do(
        engine,
        scheduling,
        "Task_schedule_registrar_change",
        {"registrar_change_batch_date": "2026-03-16", "partners_agreed": True},
    )
    # seed 004 orders none of these after another: the test before, the notice and the vendor's local change
    # for the chosen batch date all open at once
    assert sorted(ready(before)) == [
        "Task_file_registrar_notice",
        "Task_local_registrar_change",
        "Task_test_before_change",
    ]
    before = do(
        engine,
        before,
        "Task_local_registrar_change",
        {"changed_on": "2026-03-16", "covers_data_before_joining": True},
        actor=VENDOR,
    )
    failed = do(engine, before, "Task_test_before_change", {"test_date": "2026-03-10", "result": "failed"})
    assert lane_of(failed, "Task_fix_before_change") == "Järjestelmätoimittaja"
    retest = do(
        engine,
        failed,
        "Task_fix_before_change",
        {"fault": "Varmenne", "fixed_on": "2026-03-11"},
        actor=VENDOR,
    )
    reporting_before = do(
        engine, retest, "Task_test_before_change", {"test_date": "2026-03-12", "result": "passed"}
    )
    # seed 003: every deployment test is reported within two days, the one before the change too
    assert "Task_report_test_before_change" in ready(reporting_before)
    assert timers(reporting_before)["Timer_report_before_change_overdue"] == datetime(
        2026, 3, 15, tzinfo=HELSINKI
    )
    notice = do(
        engine,
        reporting_before,
        "Task_report_test_before_change",
        {"report_date": "2026-03-13", "report_sent_to_kela": True},
    )
    assert list(ready(notice)) == ["Task_file_registrar_notice"]
    waiting = do(
        engine,
        notice,
        "Task_file_registrar_notice",
        {
            "notice_filed_on": "2026-03-12",
            "old_registrar_oid": "1.2.246.10.7375462.10.0",
            "new_registrar_oid": "1.2.246.10.15728600.10.0",
        },
    )
    assert [m.name for m in waiting.waiting_messages] == ["registrar_change_batch_done"]
    # the receiver mark comes off two days before the change, while the registrar track waits for Kela
    clock.set(datetime(2026, 3, 14, tzinfo=HELSINKI))
    assert engine.fire_due_timers() == [waiting.id]
    thl = engine.get_instance(waiting.id)
    assert lane_of(thl, "Task_remove_receiver_mark") == "THL"
    pending = do(engine, thl, "Task_remove_receiver_mark", {"removed_on": "2026-03-14"}, actor=THL)
    handled = do(
        engine,
        pending,
        "Task_handle_pending_renewal_requests",
        {"handled_on": "2026-03-15", "pending_requests_handled": 3, "all_pending_requests_handled": True},
    )
    assert ready(handled) == {}
    local = engine.deliver_message(
        "registrar_change_batch_done",
        business_key="0737546-2",
        payload={"batch_date": "2026-03-16", "documents_updated": 48210},
        actor=KELA,
    )
    assert local.variables["documents_updated"] == 48210
    # seed 004: after the batch the vendor's system sends no active registrar, beside the test after the
    # change; the changes to the moved documents are the new registrar's, and this organisation is not it
    assert sorted(ready(local)) == [
        "Task_stop_sending_active_registrar",
        "Task_test_after_change_recommended",
    ]
    assert lane_of(local, "Task_stop_sending_active_registrar") == "Järjestelmätoimittaja"
    after = do(
        engine,
        local,
        "Task_stop_sending_active_registrar",
        {
            "checked_on": "2026-03-16",
            "active_registrar_not_sent": True,
            "returned_active_registrar_removed": True,
        },
        actor=VENDOR,
    )
    assert list(ready(after)) == ["Task_test_after_change_recommended"]
    failed = do(
        engine,
        after,
        "Task_test_after_change_recommended",
        {"test_date": "2026-03-17", "result": "failed", "documents_moved_checked": False},
    )
    retest = do(
        engine,
        failed,
        "Task_fix_after_change",
        {"fault": "Rekisterinpitäjä väärin", "fixed_on": "2026-03-18"},
        actor=VENDOR,
    )
    reporting = do(
        engine,
        retest,
        "Task_test_after_change_recommended",
        {"test_date": "2026-03-18", "result": "passed", "documents_moved_checked": True},
    )
    assert [t.element_id for t in reporting.pending_timers] == ["Timer_report_overdue"]
    terminating = do(
        engine, reporting, "Task_report_tests", {"report_date": "2026-03-19", "report_sent_to_kela": True}
    )
    assert list(ready(terminating)) == ["Task_file_termination"]
    closing = do(
        engine,
        terminating,
        "Task_file_termination",
        {"filed_on": "2026-03-19", "last_day_of_use": "2026-03-31"},
    )
    done = do(engine, closing, "Task_close_connections", {"closed_on": "2026-04-01"}, actor=KELA)
    assert done.status == "completed"
    assert ended_at(engine, done) == ["End_customership_terminated"]
    completed = {e.element_id for e in engine.history(done.id) if e.kind == "element_completed"}
    assert "Task_new_registrar_document_changes" not in completed


HELMI = {"business_id": "1572860-0", "organisation_name": "Suuhygienia Helmi Oy"}
# A joiner with no electronic system and no prescriptions: its joining ends with no obligation at once.
NO_OBLIGATION = {
    "organisation_kind": "private_provider",
    "licence": "health",
    "system_kind": "none",
    "writes_prescriptions": False,
    "vendor_business_id": VENDOR_ID,
}


@pytest.mark.parametrize(
    ("joining", "call", "test_after"),
    [
        # the organisation joins again with a new business ID, but that joining ends with no obligation: it
        # joined no Patient Data Repository, so it is no new joiner of it and has no storing there to test
        ({"new_business_id": True, "new_business_id_value": "1572860-0"}, "Call_join_with_new_business_id",
         None),
        # another organisation joins: it tests in its own joining, the changing organisation's test stays
        # strongly recommended
        ({"new_joiners": True, "new_joiner_organisations": [HELMI]},
         "Call_join_new_joiners[0]", "Task_test_after_change_recommended"),
    ],
    ids=["new business ID without the repository", "another new joiner"],
)  # fmt: skip
def test_a_new_joiner_elsewhere_or_of_no_repository_is_not_asked_the_compulsory_test_after_the_change(
    engine, joining, call, test_after
):
    # Seed 004: "(uusi liittyjä tekee joka tapauksessa käyttöönottokokeen)", and the test checks that
    # "uudessa organisaatiossa tallennus onnistuu": the compulsory test is that of a new joiner of the
    # Patient Data Repository
    scheduling = start_change(
        engine, merger=False, access_point_changes=False, renewal_routing_changes=False, **joining
    )
    # seed 004: the new joiner joins Kanta with its own business ID, beside the registrar change; its name
    # came in with it, and the joining is its own work
    assert sorted(ready(scheduling)) == ["Task_enter_organisation_profile", "Task_schedule_registrar_change"]
    called_lane = f"Palvelunantaja @organisation_change/{call}"
    assert lane_of(scheduling, "Task_enter_organisation_profile") == called_lane
    assert scheduling.parties[called_lane] == "1572860-0"
    notice = do(
        engine,
        scheduling,
        "Task_schedule_registrar_change",
        {"registrar_change_batch_date": "2026-03-16", "partners_agreed": True},
    )
    skipped = do(
        engine,
        notice,
        "Task_test_before_change",
        {"result": "skipped", "skip_reason": "Testattu helmikuussa"},
    )
    waiting = do(
        engine,
        skipped,
        "Task_file_registrar_notice",
        {
            "notice_filed_on": "2026-03-12",
            "old_registrar_oid": "1.2.246.10.7375462.10.0",
            "new_registrar_oid": "1.2.246.10.15728600.10.0",
        },
    )
    local = engine.deliver_message(
        "registrar_change_batch_done",
        business_key="0737546-2",
        payload={"batch_date": "2026-03-16", "documents_updated": 12},
        actor=KELA,
    )
    after = do(
        engine,
        local,
        "Task_local_registrar_change",
        {"changed_on": "2026-03-16", "covers_data_before_joining": True},
        actor=VENDOR,
    )
    assert waiting.id == after.id
    duties = ["Task_new_registrar_document_changes", "Task_stop_sending_active_registrar"]
    if test_after is None:
        # the test after the change waits for the joining under the new business ID as well as for the batch
        assert sorted(ready(after)) == sorted(["Task_enter_organisation_profile", *duties])
        after = do(engine, after, "Task_enter_organisation_profile", NO_OBLIGATION)
        # the joining ended with no obligation: no test after the change, compulsory or recommended, opens
        assert sorted(ready(after)) == sorted(duties)
        completed = {e.element_id for e in engine.history(after.id) if e.kind == "element_completed"}
        assert "Gateway_joining_and_batch_join" in completed
        assert not {"Task_test_after_change", "Task_test_after_change_recommended"} & completed
    else:
        # another joiner's joining holds nothing here
        assert sorted(ready(after)) == sorted([*duties, test_after, "Task_enter_organisation_profile"])
        skipped_after = do(engine, after, test_after, {"result": "skipped", "skip_reason": "Ei tarvita"})
        assert test_after not in ready(skipped_after)


def test_a_change_without_kanta_effects_ends_at_once(engine):
    done = start_change(
        engine,
        merger=False,
        documents_move_registrar=False,
        access_point_changes=False,
        renewal_routing_changes=False,
    )
    assert done.status == "completed"
    assert ended_at(engine, done) == ["End_change_done"]


def test_an_organisation_that_stops_using_kanta_is_not_the_new_registrar(engine):
    # Seed 004: "Uuden rekisterinpitäjän on hoidettava ne asiakirjamuutokset, jotka kohdistuvat asiakirjaan,
    # joka on laadittu ennen organisaatiomuutosta, ja joka on siirretty uuden rekisterinpitäjän rekisteriin"
    with pytest.raises(InvalidData, match="new_registrar_is_this_organisation"):
        start_change(engine, joiner_stops=True, new_registrar_is_this_organisation=True)


@pytest.mark.parametrize(
    ("impact", "agreement", "contradiction", "agreed"),
    [
        # Seed 004: the new registrar must handle the changes to the documents moved to it, so the
        # organisation that is the new registrar can not say its own customership ends in the merger
        (
            {"new_registrar_is_this_organisation": True},
            "Task_agree_customership_as_new_registrar",
            True,
            False,
        ),
        # a joiner that stops using Kanta ends its customership: it can not say its own continues
        (
            {"new_registrar_is_this_organisation": False, "joiner_stops": True},
            "Task_agree_customership_joiner_stops",
            False,
            True,
        ),
    ],
)
def test_a_mergers_answer_on_the_customership_agrees_with_the_impact_mapping(
    engine, impact, agreement, contradiction, agreed
):
    tracks = start_change(engine, **impact)
    assert agreement in ready(tracks) and "Task_agree_customership" not in ready(tracks)
    answer = {"continuing_business_id": "1572860-0", "customership_ends": contradiction}
    with pytest.raises(InvalidData, match="customership_ends"):
        do(engine, tracks, agreement, answer)
    agreed_on = do(engine, tracks, agreement, {**answer, "customership_ends": agreed})
    assert sorted(ready(agreed_on)) == sorted(set(ready(tracks)) - {agreement})


def test_an_independent_practitioners_documents_can_not_move(engine):
    with pytest.raises(InvalidData, match="documents_move_registrar"):
        start_change(engine, is_independent_practitioner=True)


def test_a_new_business_id_calls_the_joining_process(engine):
    joining = start_change(
        engine, new_business_id=True, new_business_id_value="1572860-0", merger=False,
        documents_move_registrar=False, access_point_changes=False, renewal_routing_changes=False,
    )  # fmt: skip
    (task,) = joining.ready_tasks
    own = (CATALOGUE / "organisation_change.bpmn").read_text(encoding="utf-8")
    assert f'id="{task.element_id}"' not in own
    assert f'id="{task.element_id}"' in (CATALOGUE / "kanta_joining.bpmn").read_text(encoding="utf-8")
    assert task.business_key == "0737546-2"
    # ... on behalf of the new ID: the organisation under its new Y-tunnus plays the joining's provider lane
    called_lane = "Palvelunantaja @organisation_change/Call_join_with_new_business_id"
    assert task.lane == called_lane
    assert joining.parties[called_lane] == "1572860-0"
    assert joining.parties["Palvelunantaja"] == "0737546-2"
    # The joining runs with the new ID as its business ID and sees nothing else of the change: its task's
    # data is the joining's own (the instance's merged view also holds the change's data, since the change
    # waits beside the call to hear that the repository is in use under the new ID).
    seen = engine.get_task(task.id).data
    assert seen["business_id"] == "1572860-0"
    assert "change_date" not in seen and "merger" not in seen
    assert [w.name for w in joining.waiting_messages] == ["patient_data_repository_in_use"]
    # The identity came in by the call's In mappings: it is not asked again.
    assert task.element_id == "Task_enter_organisation_profile"
    with pytest.raises(InvalidData, match="business_id"):
        profile = {"business_id": "1572860-0", "licence": "health"}
        do(engine, joining, "Task_enter_organisation_profile", profile)
    joined = do(
        engine,
        joining,
        "Task_enter_organisation_profile",
        {"organisation_kind": "private_provider", "licence": "health", "system_kind": "none",
         "writes_prescriptions": False},
    )  # fmt: skip
    assert ended_at(engine, joined) == ["End_no_obligation", "End_change_done"]
    # Back in the change: the old ID and name are still there to end the old customership with; the
    # joining's results come back under names of their own.
    variables = joined.variables
    assert variables["business_id"] == "0737546-2"
    assert variables["organisation_name"] == IMPACT["organisation_name"]
    assert variables["new_business_id_value"] == "1572860-0"
    assert variables["patient_data_repository_required"] is False
    assert "organisation_kind" not in variables and "licence" not in variables


def test_the_new_joiners_join_beside_the_joining_with_a_new_business_id(engine):
    # Seed 004 sets no order between the joinings a change needs ("Muutostilanne voi edellyttää uusia
    # liittymisiä Kanta-palveluun"): the new joiners do not wait for the joining with the new business ID.
    both = start_change(
        engine, new_business_id=True, new_business_id_value="1572860-0", new_joiners=True,
        new_joiner_organisations=[{"business_id": "2938470-6", "organisation_name": "Suuhygienia Helmi Oy"}],
        merger=False, documents_move_registrar=False, access_point_changes=False,
        renewal_routing_changes=False,
    )  # fmt: skip
    new_id_lane = "Palvelunantaja @organisation_change/Call_join_with_new_business_id"
    joiner_lane = "Palvelunantaja @organisation_change/Call_join_new_joiners[0]"
    assert sorted((t.element_id, t.lane) for t in both.ready_tasks) == [
        ("Task_enter_organisation_profile", joiner_lane),
        ("Task_enter_organisation_profile", new_id_lane),
    ]
    assert both.parties[new_id_lane] == "1572860-0"
    assert both.parties[joiner_lane] == "2938470-6"
    (joiner_task,) = [t for t in both.ready_tasks if t.lane == joiner_lane]
    profile = {"organisation_kind": "private_provider", "licence": "health", "system_kind": "none",
               "writes_prescriptions": False}  # fmt: skip
    joined = engine.complete_task(joiner_task.id, profile, actor=PROVIDER)
    # the new joiner's joining has ended; the joining with the new business ID still waits where it was
    assert [(t.element_id, t.lane) for t in joined.ready_tasks] == [
        ("Task_enter_organisation_profile", new_id_lane)
    ]
    assert joined.status == "running"
    (new_id_task,) = joined.ready_tasks
    done = engine.complete_task(new_id_task.id, profile, actor=PROVIDER)
    assert done.status == "completed"
    assert ended_at(engine, done) == ["End_no_obligation", "End_no_obligation", "End_change_done"]


def test_only_a_prescription_service_user_is_offered_the_readiness_verification(engine):
    # Seed 004: "Muutostilanteissa organisaatio voi palvelun käyttäjäksi hyväksymisen jälkeen tarvittaessa
    # tehdä teknisen tuotantovalmiuden varmistamisen käyttöönottokoetta vastaavilla tapauksilla"
    quiet = {"merger": False, "documents_move_registrar": False, "access_point_changes": False,
             "renewal_routing_changes": False}  # fmt: skip
    with pytest.raises(InvalidData, match="prescription_readiness"):
        start_change(engine, prescription_readiness=True, prescription_service_in_use=False, **quiet)
    # Seed 004: "Reseptissä käyttöönottokoe tehdään vain esim. uuden järjestelmän ensimmäisessä käyttöönotossa
    # tai Kelan pyynnöstä": the provider records why a test is run (deployment_check); no task waits for Kela
    with pytest.raises(InvalidData, match="deployment_check"):
        start_change(
            engine, prescription_readiness=False, prescription_service_in_use=False,
            deployment_check="deployment_test_requested_by_kela", **quiet,
        )  # fmt: skip
    user = start_change(
        engine, prescription_readiness=True, prescription_service_in_use=True,
        deployment_check="deployment_test_first_deployment_of_new_system", **quiet,
    )  # fmt: skip
    assert sorted(ready(user)) == ["Task_prescription_test", "Task_verify_prescription_readiness"]
    asked = start_change(
        engine, prescription_readiness=False, prescription_service_in_use=True,
        deployment_check="deployment_test_requested_by_kela", **quiet,
    )  # fmt: skip
    assert sorted(ready(asked)) == ["Task_prescription_test"]
    assert lane_of(asked, "Task_prescription_test") == "Palvelunantaja"
    # the seed's reasons are examples ("esim."): another reason, written out, runs the test too
    other = {"prescription_readiness": False, "prescription_service_in_use": True,
             "deployment_check": "deployment_test_other_reason", **quiet}  # fmt: skip
    with pytest.raises(InvalidData, match="deployment_test_reason"):
        start_change(engine, **other)
    otherwise = start_change(engine, deployment_test_reason="Kanta-liityntäpiste vaihtuu", **other)
    assert sorted(ready(otherwise)) == ["Task_prescription_test"]
    untested = start_change(
        engine, prescription_readiness=False, prescription_service_in_use=True,
        deployment_check="none", **quiet,
    )  # fmt: skip
    assert untested.status == "completed"
    assert ended_at(engine, untested) == ["End_change_done"]


def test_under_a_new_business_id_the_readiness_and_the_test_are_the_new_joinings(engine):
    # Seed 004: "Muutostilanteissa organisaatio voi palvelun käyttäjäksi hyväksymisen jälkeen tarvittaessa
    # tehdä teknisen tuotantovalmiuden varmistamisen …": under a new business ID the organisation is accepted
    # as the service's user in the joining under that ID, whose Prescription onboarding offers both; the
    # change refuses them rather than run them under the old ID or ask them twice.
    new_id = {"new_business_id": True, "new_business_id_value": "1414213-0", "merger": False,
              "documents_move_registrar": False, "access_point_changes": False,
              "renewal_routing_changes": False, "prescription_service_in_use": True}  # fmt: skip
    with pytest.raises(InvalidData, match="prescription_readiness"):
        start_change(engine, prescription_readiness=True, deployment_check="none", **new_id)
    with pytest.raises(InvalidData, match="deployment_check"):
        start_change(engine, deployment_check="deployment_test_requested_by_kela", **new_id)
    joining = start_change(engine, prescription_readiness=False, deployment_check="none", **new_id)
    joining_lane = "Palvelunantaja @organisation_change/Call_join_with_new_business_id"
    assert [(t.element_id, t.lane) for t in joining.ready_tasks] == [
        ("Task_enter_organisation_profile", joining_lane)
    ]


def test_only_a_prescription_service_user_has_renewal_requests_to_route(engine):
    # Seed 004: "Myös Kanta-palvelussa organisaatiolla tulee olla käytettävänä palveluna uusimispyynnön
    # vastaanotto/haku"
    with pytest.raises(InvalidData, match="prescription_service_in_use"):
        start_change(engine, prescription_service_in_use=False)


def test_the_strongly_recommended_test_before_a_registrar_change_is_skipped_only_with_a_reason(engine):
    # Seed 004: strongly recommended ("vahvasti suositeltava"); earlier test data may be reused.
    scheduling = start_change(engine, merger=False, access_point_changes=False, renewal_routing_changes=False)
    before = do(
        engine,
        scheduling,
        "Task_schedule_registrar_change",
        {"registrar_change_batch_date": "2026-03-16", "partners_agreed": True},
    )
    assert "Task_test_before_change" in ready(before)
    with pytest.raises(InvalidData, match="skip_reason"):
        do(engine, before, "Task_test_before_change", {"result": "skipped"})
    # seed 004: earlier test data may be used in the test, not instead of it
    with pytest.raises(InvalidData, match="earlier_test_data_reused"):
        do(
            engine,
            before,
            "Task_test_before_change",
            {"result": "skipped", "skip_reason": "Testattu helmikuussa", "earlier_test_data_reused": True},
        )
    notice = do(
        engine,
        before,
        "Task_test_before_change",
        {"result": "skipped", "skip_reason": "Testattu helmikuussa"},
    )
    assert sorted(ready(notice)) == ["Task_file_registrar_notice", "Task_local_registrar_change"]
    assert "Task_fix_before_change" not in [e.element_id for e in engine.history(notice.id)]


def test_a_parallel_start_without_the_county_is_refused_at_its_field_before_anything_is_stored(engine):
    # The county decides whether it offers its system (seed 002): without it the parallel model has no one
    # to ask, so the start form of the social-care onboarding refuses such a start.
    with pytest.raises(InvalidData) as refused:
        engine.start_instance(
            "social_welfare_repository_onboarding",
            actor=PROVIDER,
            business_key="4898979-4",
            variables={
                "business_id": "4898979-4",
                "organisation_name": "Kotihoito Oy",
                "joining_model": "parallel",
            },
        )
    assert [e.field for e in refused.value.errors] == ["/variables/county_business_id"]
    assert engine.list_instances(business_key="4898979-4").items == []
    started = engine.start_instance(
        "social_welfare_repository_onboarding",
        actor=PROVIDER,
        business_key="4898979-4",
        variables={
            "business_id": "4898979-4",
            "organisation_name": "Kotihoito Oy",
            "joining_model": "parallel",
            "county_business_id": COUNTY_ID,
        },
    )
    assert list(ready(started)) == ["Task_study_deployment_for_caller"]


def test_new_joiners_join_side_by_side_each_playing_its_own_joinings_lane(engine):
    # Seed 004 "Muutostilanne voi edellyttää uusia liittymisiä Kanta-palveluun" sets no order between them:
    # every new joiner's joining opens at once, and each joining's provider lane is its own joiner's.
    joiners = [
        {"business_id": "2938470-6", "organisation_name": "Suuhygienia Helmi Oy"},
        {"business_id": "1572860-0", "organisation_name": "Fysioterapia Kallio Oy"},
    ]
    both = start_change(
        engine, new_joiners=True, new_joiner_organisations=joiners, merger=False,
        documents_move_registrar=False, access_point_changes=False, renewal_routing_changes=False,
    )  # fmt: skip
    lanes = {t.lane: t.element_id for t in both.ready_tasks}
    first, second = (f"Palvelunantaja @organisation_change/Call_join_new_joiners[{i}]" for i in (0, 1))
    assert lanes == {first: "Task_enter_organisation_profile", second: "Task_enter_organisation_profile"}
    assert both.parties[first] == "2938470-6"
    assert both.parties[second] == "1572860-0"
    profile = {"organisation_kind": "private_provider", "licence": "health", "system_kind": "none",
               "writes_prescriptions": False}  # fmt: skip
    # the second joiner finishes first: the first one's joining still waits where it was, with its own party
    (second_task,) = [t for t in both.ready_tasks if t.lane == second]
    one_joined = engine.complete_task(second_task.id, profile, actor=PROVIDER)
    assert [(t.element_id, t.lane) for t in one_joined.ready_tasks] == [
        ("Task_enter_organisation_profile", first)
    ]
    assert one_joined.parties[first] == "2938470-6"
    assert one_joined.status == "running"
    (first_task,) = one_joined.ready_tasks
    done = engine.complete_task(first_task.id, profile, actor=PROVIDER)
    assert done.status == "completed"
    assert sorted(ended_at(engine, done)) == ["End_change_done", "End_no_obligation", "End_no_obligation"]


NEW_ID, NEW_ID_LANE = "1572860-0", "Call_join_with_new_business_id"
HELMI_ELSEWHERE = {"business_id": "2938470-6", "organisation_name": "Suuhygienia Helmi Oy"}
HELMI_LANE = "Call_join_new_joiners[0]"


def do_in(engine, instance, element_id, call, data, actor=PROVIDER):
    """Complete the ready task ``element_id`` of the joining the change's call activity ``call`` runs: two
    joinings side by side have tasks of the same id, and their lanes tell them apart."""
    (task,) = [t for t in instance.ready_tasks if t.element_id == element_id and f"/{call}" in (t.lane or "")]
    return engine.complete_task(task.id, data, actor=actor)


def in_joining(instance, call) -> list[str]:
    return sorted(t.element_id for t in instance.ready_tasks if f"/{call}" in (t.lane or ""))


def completed(engine, instance) -> list[str]:
    return [e.element_id for e in engine.history(instance.id) if e.kind == "element_completed"]


def join_the_patient_data_repository(engine, state, call, test_date):
    """One joining of the change, a direct joiner of the Patient Data Repository only, from its organisation
    profile to the report of its deployment test; nothing else of the joining runs meanwhile, so the only
    register check and the only decision awaited are its own."""
    profile = {"organisation_kind": "private_provider", "licence": "health", "system_kind": "patient_system",
               "writes_prescriptions": False, "vendor_business_id": VENDOR_ID}  # fmt: skip
    state = do_in(engine, state, "Task_enter_organisation_profile", call, profile)
    state = do_in(engine, state, "Task_choose_joining_model", call, {"joining_model": "direct"})
    # the vendor's lane is the change's own vendor's: its tasks are told apart by their ids alone
    assert in_joining(state, call) == [
        "Task_contact_vendor", "Task_settle_health_care_commitment", "Task_write_security_plan",
    ]  # fmt: skip
    assert "Task_confirm_certified_system" in ready(state)
    contact = {"vendor_name": "Ajas Oy", "contacted_on": "2026-01-12", "vendor_business_id": VENDOR_ID}
    state = do_in(engine, state, "Task_contact_vendor", call, contact)
    instructions = {"instructions_sent_on": "2026-01-13", "system_name": "eRA", "system_certified": True,
                    "intermediary_name": "Ajas Oy"}  # fmt: skip
    state = do(engine, state, "Task_send_preparation_instructions", instructions, actor=VENDOR)
    prepared = {"access_point": "intermediary", "customer_data_in_extranet": True,
                "organisation_oid": "1.2.246.10.15728707.10.0"}  # fmt: skip
    state = do_in(engine, state, "Task_complete_preparatory_tasks_joining_prepared", call, prepared)
    plan = {"security_plan_date": "2026-01-08", "self_monitoring_in_place": True,
            "covers_independent_practitioners": False}  # fmt: skip
    state = do_in(engine, state, "Task_write_security_plan", call, plan)
    system = {"system_name": "eRA", "system_certified": True, "intermediary_name": "Ajas Oy",
              "access_point_oid": ACCESS_POINT_OID}  # fmt: skip
    state = do(engine, state, "Task_confirm_certified_system", system, actor=VENDOR)
    (check,) = [t for t in engine.list_external_tasks(instance_id=state.id).items]
    assert check.element_id == "Task_check_register_entries"
    engine.fetch_and_lock(
        "register-worker", [{"name": check.topic, "lock_duration_ms": 60_000}], 10, actor=PROVIDER
    )
    state = engine.complete_external_task(
        check.id, "register-worker",
        {"register": "sote_organisation_register", "organisation_oid": "1.2.246.10.15728707.10.0",
         "register_entries_valid": True, "checked_on": "2026-01-14"},
        actor=PROVIDER,
    )  # fmt: skip
    application = {"system_name": "eRA", "access_point_oid": ACCESS_POINT_OID,
                   "application_date": "2026-01-14", "planned_test_date": test_date}  # fmt: skip
    state = do_in(engine, state, "Task_file_application_commitment_settled", call, application)
    state = engine.deliver_message(
        "kela_patient_data_repository_decision", business_key=state.business_key,
        payload={"decision": "approved"}, actor=KELA,
    )  # fmt: skip
    ids = {"test_person_ids_delivered_on": "2026-02-09"}
    state = do(engine, state, "Task_deliver_test_person_ids", ids, actor=VENDOR)
    state = do_in(
        engine, state, "Task_run_deployment_test", call, {"test_date": test_date, "test_result": "passed"}
    )
    return do_in(engine, state, "Task_report_test", call, {"report_sent_on": test_date})


def test_a_new_joiners_repository_in_use_first_does_not_spend_the_wait_for_the_new_business_ids(
    engine, clock
):
    # Seed 004: the test after the change checks "että uudessa organisaatiossa tallennus onnistuu": it waits
    # for the repository in use under the new business ID, however many other new joiners the change has and
    # in whichever order their repositories come into use.
    today = clock.now().date()
    batch_day, later = str(today - timedelta(days=1)), str(today)
    state = start_change(
        engine, new_business_id=True, new_business_id_value=NEW_ID, new_joiners=True,
        new_joiner_organisations=[HELMI_ELSEWHERE], merger=False, access_point_changes=False,
        renewal_routing_changes=False,
    )  # fmt: skip
    state = do(engine, state, "Task_schedule_registrar_change",
               {"registrar_change_batch_date": batch_day, "partners_agreed": True})  # fmt: skip
    state = do(
        engine, state, "Task_test_before_change", {"result": "skipped", "skip_reason": "Testattu helmikuussa"}
    )
    notice = {"notice_filed_on": "2026-03-12", "old_registrar_oid": "1.2.246.10.7375462.10.0",
              "new_registrar_oid": "1.2.246.10.15728600.10.0"}  # fmt: skip
    state = do(engine, state, "Task_file_registrar_notice", notice)
    state = engine.deliver_message(
        "registrar_change_batch_done", business_key="0737546-2",
        payload={"batch_date": batch_day, "documents_updated": 12}, actor=KELA,
    )  # fmt: skip
    state = do(engine, state, "Task_local_registrar_change",
               {"changed_on": batch_day, "covers_data_before_joining": True}, actor=VENDOR)  # fmt: skip
    # The batch is done; the joining under the new business ID has not begun its repository onboarding.
    assert in_joining(state, NEW_ID_LANE) == ["Task_enter_organisation_profile"]
    assert "Task_test_after_change" not in ready(state)
    # The other new joiner's repository comes into use first, on a day after the batch: its joining is
    # asked for no message, so the change's wait is not spent and takes none of its data.
    state = join_the_patient_data_repository(engine, state, HELMI_LANE, later)
    assert in_joining(state, HELMI_LANE) == ["Task_settle_health_care_commitment"]
    assert "Task_test_after_change" not in ready(state)
    assert [w.name for w in state.waiting_messages] == ["patient_data_repository_in_use"]
    assert "repository_in_use_test_date" not in state.variables
    # its repository is in use all the same, without a word to the change
    assert "Event_repository_in_use" in completed(engine, state)
    assert "Throw_repository_in_use_to_caller" not in completed(engine, state)
    # The new business ID's repository comes into use on the batch day: that test can not have checked the
    # documents' move, so the new joiner's compulsory test after the change opens, under the new ID.
    state = join_the_patient_data_repository(engine, state, NEW_ID_LANE, batch_day)
    assert "Task_test_after_change" in ready(state)
    assert lane_of(state, "Task_test_after_change") == "Palvelunantaja uudella Y-tunnuksella"
    assert state.parties["Palvelunantaja uudella Y-tunnuksella"] == NEW_ID
    assert state.variables["repository_in_use_test_date"] == batch_day
    assert state.variables["repository_in_use_business_id"] == NEW_ID
    assert state.waiting_messages == []
    # it was heard once, from the new business ID's onboarding alone, while that joining still runs
    assert completed(engine, state).count("Throw_repository_in_use_to_caller") == 1
    assert completed(engine, state).count("Event_repository_in_use") == 2
    assert completed(engine, state).count("Event_repository_in_use_under_new_business_id") == 1
    assert in_joining(state, NEW_ID_LANE) == ["Task_settle_health_care_commitment"]
