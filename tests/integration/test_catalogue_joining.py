"""The joining processes of the catalogue driven through the engine: kanta_joining with the onboardings it
calls, and the patient data repository, prescription service and vendor package processes on their own.

After every step the test checks where the instance stands: which tasks are ready (and in which lane),
which messages and timers it waits for.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from engine.problems import Forbidden, InvalidData
from engine.vocabulary import Refusal
from tests.integration.catalogue import CATALOGUE, complete_task_of, deployed_catalogue, ended_at

ANALYST, PROVIDER, VENDOR, KELA, THL = (
    "analyst:test", "integrator:provider", "integrator:vendor", "integrator:kela", "integrator:thl"
)  # fmt: skip
# Realistic Finnish data: business IDs with valid check digits, OIDs under 1.2.246.
CLINIC_ID, PRACTITIONER_ID, CARE_HOME_ID = "0737546-2", "1572860-0", "2345678-0"
ERA, ERA_ACCESS_POINT = "eRA", "1.2.246.537.6.918.18.10.13.1"
CLINIC_OID = "1.2.246.10.7375462.10.0"
AJAS_ID = "5050505-8"  # the system vendor's Y-tunnus: it plays the vendor's lane


@pytest.fixture
def engine(tmp_path, clock):
    yield from deployed_catalogue(tmp_path, clock)


# --- helpers ------------------------------------------------------------------------------------------


def complete(engine, instance, element_id, data, actor=PROVIDER):
    return complete_task_of(engine, instance, element_id, data, actor)


def ready(instance) -> list[str]:
    return sorted(t.element_id for t in instance.ready_tasks)


def waiting_work(engine, instance) -> list[str]:
    """The service tasks the instance waits at for a worker."""
    return sorted(t.element_id for t in engine.list_external_tasks(instance_id=instance.id).items)


def work(engine, instance, element_id, variables, worker="register-worker"):
    """A worker fetches the instance's service task by its topic and completes it with ``variables``."""
    (task,) = [
        t for t in engine.list_external_tasks(instance_id=instance.id).items if t.element_id == element_id
    ]
    topics = [{"name": task.topic, "lock_duration_ms": 60_000}]
    fetched = engine.fetch_and_lock(worker, topics, 100, actor=PROVIDER)
    assert task.id in [t.id for t in fetched]
    return engine.complete_external_task(task.id, worker, variables, actor=PROVIDER)


def lanes(instance) -> dict[str, str | None]:
    return {t.element_id: t.lane for t in instance.ready_tasks}


def messages(instance) -> list[str]:
    return sorted(m.name for m in instance.waiting_messages)


def timers(instance) -> dict[str, datetime]:
    return {t.element_id: t.due_at for t in instance.pending_timers}


def helsinki_midnight(day: str) -> datetime:
    """The start of ``day`` in Finnish time: when a deadline that ended with the day before falls due."""
    return datetime.fromisoformat(f"{day}T00:00:00").replace(tzinfo=ZoneInfo("Europe/Helsinki"))


CLINIC = {
    "organisation_name": "Lääkärikeskus Aurora Oy",
    "business_id": CLINIC_ID,
    "organisation_kind": "private_provider",
    "licence": "health",
    "system_kind": "patient_system",
    "writes_prescriptions": True,
    "vendor_business_id": AJAS_ID,
    "contact_email": "kanta@aurora.example.fi",
}


# --- kanta_service_obligation, through kanta_joining -----------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ({"licence": "health", "system_kind": "patient_system", "writes_prescriptions": True}, (1, 0, 1)),
        ({"licence": "health", "system_kind": "patient_system", "writes_prescriptions": False}, (1, 0, 0)),
        ({"licence": "social", "system_kind": "client_system", "writes_prescriptions": False}, (0, 1, 0)),
        # social licence with only a patient system: see test_only_a_patient_system_is_refused_…_at_once
        (
            {"licence": "health_and_social", "system_kind": "patient_and_client_systems",
             "writes_prescriptions": True},
            (1, 1, 1),
        ),
        (
            {"licence": "health_and_social", "system_kind": "client_system", "writes_prescriptions": False},
            (0, 1, 0),
        ),
        (
            {"licence": "none", "system_kind": "patient_system", "writes_prescriptions": True,
             "organisation_kind": "independent_practitioner", "tenant_of_company": False},
            (1, 0, 1),
        ),
        ({"licence": "none", "system_kind": "none", "writes_prescriptions": False,
          "organisation_kind": "pharmacy"}, (0, 0, 1)),
        ({"licence": "none", "system_kind": "none", "writes_prescriptions": True}, (0, 0, 1)),
        # Obliged providers the table once let off (seed 001: independent practitioners included, any
        # electronic client or patient system): the repository follows the system,
        # where the licence does not say.
        ({"licence": "none", "system_kind": "client_system", "writes_prescriptions": False,
          "organisation_kind": "independent_practitioner", "tenant_of_company": False}, (0, 1, 0)),
        ({"licence": "none", "system_kind": "patient_system", "writes_prescriptions": False}, (1, 0, 0)),
        # A health-care licence pairs with the Patient Data Repository, never with the social-care one
        # (seed 001), whatever system the provider has.
        ({"licence": "health", "system_kind": "client_system", "writes_prescriptions": False}, (1, 0, 0)),
        ({"licence": "health", "system_kind": "patient_and_client_systems", "writes_prescriptions": False},
         (1, 0, 0)),
    ],
)  # fmt: skip
def test_the_obligation_table_decides_which_services_to_join(engine, profile, expected):
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=CLINIC_ID)
    assert ready(started) == ["Task_enter_organisation_data"]
    decided = complete(engine, started, "Task_enter_organisation_data", {**CLINIC, **profile})
    services = tuple(
        int(decided.variables[f"{key}_required"])
        for key in ("patient_data_repository", "social_welfare_repository", "prescription_service")
    )
    assert services == expected
    # An obligation asks the joining model first; nothing is prepared before it.
    assert ready(decided) == ["Task_choose_joining_model"]
    assert waiting_work(engine, decided) == []
    # Then the preparations open at once and side by side (health care has no transition period, seed 001).
    # A joint member agrees with its main joiner beside them: no seed orders the agreement after the
    # preparations. It makes no application (seed 001: only the main joiner applies) and uses its main
    # joiner's system, so its own vendor confirms no certified system or access point.
    member = {"joining_model": "joint_member", "main_joiner_business_id": CLINIC_ID}
    chosen = complete(engine, decided, "Task_choose_joining_model", member)
    # A member of the social-care repository also makes sure its main joiner's system has the registry use
    # right function (seed 002), where it agrees with the main joiner.
    agreement = "Task_agree_with_main_joiner_social_care" if services[1] else "Task_agree_with_main_joiner"
    # Only a joiner that archives client or patient data electronically (joins a repository) writes the
    # security plan (seed 001).
    plan = ["Task_write_security_plan"] if services[0] or services[1] else []
    assert ready(chosen) == sorted([agreement, *plan])
    assert waiting_work(engine, chosen) == ["Task_check_register_entries"]  # a worker checks the register


@pytest.mark.parametrize(
    "profile",
    [
        {"licence": "health", "system_kind": "patient_system", "writes_prescriptions": False},
        {"licence": "none", "system_kind": "none", "writes_prescriptions": True},
        {
            "licence": "none",
            "system_kind": "none",
            "writes_prescriptions": False,
            "organisation_kind": "pharmacy",
        },
    ],
)  # fmt: skip
def test_an_organisation_that_may_be_obliged_names_its_vendor_who_plays_the_vendors_lane(engine, profile):
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=CLINIC_ID)
    unnamed = {key: value for key, value in {**CLINIC, **profile}.items() if key != "vendor_business_id"}
    with pytest.raises(InvalidData) as refused:
        complete(engine, started, "Task_enter_organisation_data", unnamed)
    assert "/data/vendor_business_id" in [e.field for e in refused.value.errors]
    named = complete(
        engine, started, "Task_enter_organisation_data", {**unnamed, "vendor_business_id": AJAS_ID}
    )
    assert ready(named) == ["Task_choose_joining_model"]
    assert named.parties["Järjestelmätoimittaja"] == AJAS_ID


def test_an_organisation_without_a_system_or_prescriptions_has_no_obligation(engine):
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=CARE_HOME_ID)
    profile = {"licence": "social", "system_kind": "none", "writes_prescriptions": False}
    # nothing can be obligatory, so no vendor is asked for
    unnamed = {key: value for key, value in {**CLINIC, **profile}.items() if key != "vendor_business_id"}
    done = complete(engine, started, "Task_enter_organisation_data", unnamed)
    assert done.status == "completed"
    assert ended_at(engine, done) == ["End_no_obligation"]
    assert not any(done.variables[k] for k in done.variables if k.endswith("_required"))


# --- kanta_joining end to end ------------------------------------------------------------------------------


def _prerequisites(engine, instance, register_valid=True, beside=(), vendor_confirms=True, writes_plan=True):
    """Register entries, certified system and security plan: the parallel prerequisites of kanta_joining,
    none of which waits for another, made once the joining model is chosen; ``beside`` are the ready tasks of
    the onboardings opened beside them, which none of the preparations waits for. ``vendor_confirms`` False:
    only the social-care onboarding is called, whose own vendor describes the system, so the joining does not
    ask its vendor to confirm one, nor for a joint member, which makes no application of its own.
    ``writes_plan`` False: the joiner joins no repository, so it archives nothing electronically and writes no
    security plan (seed 001)."""
    system = ["Task_confirm_certified_system"] if vendor_confirms else []
    plan = ["Task_write_security_plan"] if writes_plan else []
    state = work(
        engine,
        instance,
        "Task_check_register_entries",
        {"register": "sote_organisation_register", "organisation_oid": CLINIC_OID,
         "register_entries_valid": register_valid, "checked_on": "2026-01-05"},
    )  # fmt: skip
    if not register_valid:
        assert ready(state) == sorted([
            *system, "Task_request_licence_correction", *plan, *beside,
        ])  # fmt: skip
        state = complete(
            engine,
            state,
            "Task_request_licence_correction",
            {"what_to_correct": "Palveluyksikkö Aurora Espoo puuttuu", "requested_on": "2026-01-05"},
        )  # fmt: skip
        assert lanes(state)["Task_update_register_entry"] == "THL"
        state = complete(
            engine, state, "Task_update_register_entry",
            {"organisation_oid": CLINIC_OID, "updated_on": "2026-01-07"}, actor=THL,
        )  # fmt: skip
    assert ready(state) == sorted([*system, *plan, *beside])
    if vendor_confirms:
        state = complete(
            engine,
            state,
            "Task_confirm_certified_system",
            {"system_name": ERA, "system_certified": True, "intermediary_name": "Ajas Oy",
             "access_point_oid": ERA_ACCESS_POINT},
            actor=VENDOR,
        )  # fmt: skip
    assert ready(state) == sorted([*plan, *beside])
    if not writes_plan:
        assert "Task_write_security_plan" not in _completed(engine, state)
        return state
    return complete(
        engine, state, "Task_write_security_plan",
        {"security_plan_date": "2026-01-08", "self_monitoring_in_place": True,
         "covers_independent_practitioners": True},
    )  # fmt: skip


PDR_DECISION, PRESCRIPTION_DECISION = (
    "kela_patient_data_repository_decision",
    "kela_prescription_service_decision",
)
SOCIAL_CARE_DECISION = "kela_social_welfare_repository_decision"
PREPARED = "kanta_joining_preparations_done"


def forms(instance) -> list[str]:
    """The forms of the ready tasks: onboardings that run side by side have steps of the same id and name,
    and their forms tell them apart."""
    return sorted(t.form_key.removeprefix("forms/").removesuffix(".json") for t in instance.ready_tasks)


def fill(engine, instance, form, data, actor=PROVIDER):
    """Complete the one ready task whose form is ``form``."""
    (task,) = [t for t in instance.ready_tasks if t.form_key == f"forms/{form}.json"]
    return engine.complete_task(task.id, data, actor=actor)


def _settle_commitment(engine, state, *, existing_customer):
    """The joining settles the health-care commitment once, beside its health-care onboardings."""
    assert "Task_settle_health_care_commitment" in ready(state)
    answer = {"existing_kanta_customer": existing_customer}
    if not existing_customer:
        answer |= {"commitment_accepted_on": "2026-01-09", "signatory_name": "Aino Virtanen",
                   "commitment_accepted": True}  # fmt: skip
    return complete(engine, state, "Task_settle_health_care_commitment", answer)


def _patient_data_repository_until_the_decision(engine, state, *, in_joining=True):
    contact = {"vendor_name": "Ajas Oy", "vendor_business_id": AJAS_ID, "contacted_on": "2026-01-12"}
    state = fill(engine, state, "pdr_vendor_contact", contact)
    state = fill(engine, state, "pdr_preparation_instructions",
                 {"instructions_sent_on": "2026-01-13", "system_name": ERA, "system_certified": True,
                  "intermediary_name": "Ajas Oy"}, actor=VENDOR)  # fmt: skip
    prepared = {
        "server_certificates_ready": True,
        "customer_data_in_extranet": True,
        "organisation_oid": CLINIC_OID,
    }
    if in_joining:  # the joining checked the register entries and the security plan: not asked again
        state = fill(engine, state, "pdr_preparatory_tasks_joining_prepared", prepared)
    else:
        state = fill(engine, state, "pdr_preparatory_tasks",
                     {**prepared, "register_entries_valid": True, "security_plan_ready": True})  # fmt: skip
    application = {"system_name": ERA, "access_point_oid": ERA_ACCESS_POINT, "application_date": "2026-01-14",
                   "planned_test_date": "2026-02-16"}  # fmt: skip
    if in_joining:  # the joining settles the health-care commitment: the application does not ask it
        return fill(engine, state, "pdr_application_commitment_settled", application)
    return fill(engine, state, "pdr_application", {**application, "existing_kanta_customer": True})


def _patient_data_repository_after_approval(engine, state, clock):
    state = fill(
        engine, state, "pdr_test_person_ids", {"test_person_ids_delivered_on": "2026-02-09"}, actor=VENDOR
    )
    today = str(clock.now().date())
    state = fill(engine, state, "pdr_deployment_test", {"test_date": today, "test_result": "passed"})
    return fill(engine, state, "pdr_test_report", {"report_sent_on": today})


def _prescription_until_the_decision(engine, state):
    contact = {"vendor_name": "Ajas Oy", "vendor_business_id": AJAS_ID, "contacted_on": "2026-01-12"}
    state = fill(engine, state, "rx_vendor_contact", contact)
    state = fill(engine, state, "rx_preparation_instructions",
                 {"instructions_sent_on": "2026-01-13", "system_name": ERA}, actor=VENDOR)  # fmt: skip
    # the joining settles the health-care commitment and checked the register entries and the security plan:
    # the preparations ask none of them
    state = fill(engine, state, "rx_preparatory_tasks_joining_prepared",
                 {"server_certificates_ready": True, "planned_start_date": "2026-03-02"})  # fmt: skip
    extranet = {"application_date": "2026-01-14", "system_name": ERA, "access_point_oid": ERA_ACCESS_POINT}
    state = fill(engine, state, "rx_extranet_actions", extranet)
    # seed 001: step 4, the own deployment tasks, follows the Extranet actions, beside the wait for Kela
    assert "rx_own_deployment_tasks" in forms(state) and PRESCRIPTION_DECISION in messages(state)
    state = fill(engine, state, "rx_own_deployment_tasks",
                 {"staff_trained": True, "deployment_check": "none",
                  "production_readiness_verification": False})  # fmt: skip
    assert "rx_start_of_use" not in forms(state) and PRESCRIPTION_DECISION in messages(state)
    return state


def _prescription_after_approval(engine, state):
    # the own tasks were done while Kela decided: the approval leads straight to the start of use
    assert "rx_own_deployment_tasks" not in forms(state)
    # seed 004: the units receiving renewal requests are marked only now, after the approval
    return fill(engine, state, "rx_start_of_use",
                {"start_date": "2026-03-02", "renewal_request_receivers_marked": True,
                 "renewal_request_service_in_use": True})  # fmt: skip


def decide(engine, state, message, decision):
    return engine.deliver_message(
        message, business_key=state.business_key, payload={"decision": decision}, actor=KELA
    )


def test_kanta_joining_runs_the_patient_data_repository_and_prescription_onboardings_side_by_side(
    engine, clock
):
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=CLINIC_ID)
    state = complete(engine, started, "Task_enter_organisation_data", CLINIC)
    state = complete(engine, state, "Task_choose_joining_model", {"joining_model": "direct"})
    state = _prerequisites(
        engine,
        state,
        register_valid=False,
        beside=["Task_contact_vendor", "Task_contact_vendor", "Task_settle_health_care_commitment"],
    )
    # Both onboardings, each its own application, open at once (the social-care one is not required), and
    # beside them the health-care commitment, which holds neither back …
    assert forms(state) == ["kj_customer_commitment", "pdr_vendor_contact", "rx_vendor_contact"]
    state = _patient_data_repository_until_the_decision(engine, state)
    assert forms(state) == ["kj_customer_commitment", "rx_vendor_contact"] and messages(state) == [
        PDR_DECISION
    ]
    state = _prescription_until_the_decision(engine, state)
    assert ready(state) == ["Task_settle_health_care_commitment"]
    # … and a new Kanta customer accepts it once, in the joining.
    state = _settle_commitment(engine, state, existing_customer=False)
    # Both applications wait for Kela at once, each for a decision of its own; neither asks the commitment.
    assert ready(state) == [] and messages(state) == [PDR_DECISION, PRESCRIPTION_DECISION]

    # The Prescription decision arrives first and refuses; the correction does not hold the other wait.
    state = decide(engine, state, PRESCRIPTION_DECISION, "rejected")
    assert forms(state) == ["rx_application_correction"] and messages(state) == [PDR_DECISION]
    state = fill(engine, state, "rx_application_correction",
                 {"correction": "Yhteyshenkilö lisätty", "corrected_on": "2026-01-20"})  # fmt: skip
    assert ready(state) == [] and messages(state) == [PDR_DECISION, PRESCRIPTION_DECISION]
    state = decide(engine, state, PDR_DECISION, "approved")
    assert forms(state) == ["pdr_test_person_ids"] and messages(state) == [PRESCRIPTION_DECISION]
    state = _patient_data_repository_after_approval(engine, state, clock)
    # One onboarding done: the join waits for the other one it opened.
    assert state.status == "running" and ready(state) == [] and messages(state) == [PRESCRIPTION_DECISION]
    assert "End_joined" not in ended_at(engine, state)
    state = decide(engine, state, PRESCRIPTION_DECISION, "approved")
    state = _prescription_after_approval(engine, state)

    assert state.status == "completed" and state.error is None
    assert ended_at(engine, state)[-1] == "End_joined"
    completed = _completed(engine, state)
    assert {
        "Call_patient_data_repository",
        "Call_prescription_service",
        "Gateway_onboardings_join",
    } <= completed
    assert not {"Call_social_welfare_repository", "Task_accept_customer_commitment"} & completed
    assert {
        "Task_file_application_commitment_settled",
        "Task_complete_preparatory_tasks_joining_prepared",
        "Throw_preparations_done",
        "Catch_joining_preparations_done",
    } <= completed
    # the Patient Data Repository's own "Task_complete_preparatory_tasks" asks nothing of the commitment
    assert "Task_file_application" not in completed


PREPARATIONS_DONE = "kanta_joining_preparations_done"


def test_the_patient_data_repository_onboarding_prepares_beside_the_joining_and_applies_after_it(
    engine,
):
    """Health care has no transition period (seed 001): the onboarding's vendor contact, instructions and
    preparatory tasks run while the joining's own preparations are still open, and only its application waits
    for them (seed 001 "Kun tarvittavat valmistelut on tehty, tee liittymishakemus Kanta-Ekstranetissä.")."""
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=CLINIC_ID)
    state = complete(
        engine, started, "Task_enter_organisation_data", {**CLINIC, "writes_prescriptions": False}
    )
    state = complete(engine, state, "Task_choose_joining_model", {"joining_model": "direct"})
    assert ready(state) == [
        "Task_confirm_certified_system", "Task_contact_vendor", "Task_settle_health_care_commitment",
        "Task_write_security_plan",
    ]  # fmt: skip
    assert waiting_work(engine, state) == ["Task_check_register_entries"]
    # the called onboarding waits for the joining's preparations from its start
    assert messages(state) == [PREPARATIONS_DONE]
    contact = {"vendor_name": "Ajas Oy", "vendor_business_id": AJAS_ID, "contacted_on": "2026-01-12"}
    state = fill(engine, state, "pdr_vendor_contact", contact)
    state = fill(engine, state, "pdr_preparation_instructions",
                 {"instructions_sent_on": "2026-01-13", "system_name": ERA, "system_certified": True,
                  "intermediary_name": "Ajas Oy"}, actor=VENDOR)  # fmt: skip
    # what the joining checks is not asked again
    (task,) = [
        t for t in state.ready_tasks if t.form_key.endswith("pdr_preparatory_tasks_joining_prepared.json")
    ]
    prepared = {
        "server_certificates_ready": True,
        "customer_data_in_extranet": True,
        "organisation_oid": CLINIC_OID,
    }
    with pytest.raises(InvalidData) as refused:
        engine.complete_task(task.id, {**prepared, "register_entries_valid": True}, actor=PROVIDER)
    assert "/data/register_entries_valid" in [e.field for e in refused.value.errors]
    state = fill(engine, state, "pdr_preparatory_tasks_joining_prepared", prepared)
    # its preparations done, the onboarding still waits for the joining's: no application yet
    assert forms(state) == ["kj_certified_system", "kj_customer_commitment", "kj_security_plan"]
    assert messages(state) == [PREPARATIONS_DONE]
    # only the joining's throw sends it: a party that sends it itself is refused, and nothing moves
    for party in (None, CLINIC_ID):
        with pytest.raises(Forbidden) as refused:
            engine.deliver_message(PREPARATIONS_DONE, business_key=CLINIC_ID, actor=PROVIDER, party=party)
        assert refused.value.reason == Refusal.MESSAGE_THROWN_ONLY
    assert messages(engine.get_instance(state.id)) == [PREPARATIONS_DONE]
    state = _prerequisites(engine, state, beside=["Task_settle_health_care_commitment"])
    assert messages(state) == []
    assert forms(state) == ["kj_customer_commitment", "pdr_application_commitment_settled"]
    assert {"Throw_preparations_done", "Catch_joining_preparations_done"} <= _completed(engine, state)


def test_a_patient_data_repository_onboarding_started_on_its_own_waits_for_no_joining(engine):
    started = engine.start_instance(
        "patient_data_repository_onboarding", actor=PROVIDER, business_key=CLINIC_ID
    )
    assert ready(started) == ["Task_contact_vendor"] and messages(started) == []


@pytest.mark.parametrize("first", [PDR_DECISION, PRESCRIPTION_DECISION])
def test_the_decisions_of_applications_side_by_side_may_arrive_in_either_order(engine, clock, first):
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=CLINIC_ID)
    state = complete(engine, started, "Task_enter_organisation_data", CLINIC)
    state = complete(engine, state, "Task_choose_joining_model", {"joining_model": "direct"})
    state = _prerequisites(
        engine,
        state,
        beside=["Task_contact_vendor", "Task_contact_vendor", "Task_settle_health_care_commitment"],
    )
    state = _settle_commitment(engine, state, existing_customer=True)
    state = _prescription_until_the_decision(engine, state)
    state = _patient_data_repository_until_the_decision(engine, state)
    assert messages(state) == [PDR_DECISION, PRESCRIPTION_DECISION]
    state = decide(engine, state, first, "approved")
    second = PRESCRIPTION_DECISION if first == PDR_DECISION else PDR_DECISION
    # Only the application the decision names goes on; the other still waits for its own.
    assert messages(state) == [second]
    assert forms(state) == (["pdr_test_person_ids"] if first == PDR_DECISION else ["rx_start_of_use"])
    state = decide(engine, state, second, "approved")
    assert forms(state) == ["pdr_test_person_ids", "rx_start_of_use"] and messages(state) == []
    state = _prescription_after_approval(engine, state)
    assert state.status == "running" and forms(state) == ["pdr_test_person_ids"]
    state = _patient_data_repository_after_approval(engine, state, clock)
    assert state.status == "completed" and ended_at(engine, state)[-1] == "End_joined"


def _social_welfare_repository_path(engine, state, **intake):
    """Modeller B's social_welfare_repository_onboarding, direct joining for self-paying clients (no registry
    use right) unless ``intake`` says otherwise, driven with the data its forms ask for."""
    steps = [
        # the joining passed the identity and the joining model in: the intake does not ask them again
        ("Task_study_deployment_for_caller", PROVIDER,
         {"service_provision": "self_paying_clients_only", "vendor_business_id": AJAS_ID, **intake}),
        ("Task_describe_system", VENDOR,
         {"system_name": "SosiaaliX", "system_kind": "social_care_client_system", "system_certified": True,
          "system_phase": "phase_2", "system_profile": "Sosiaalihuollon asiakastietojärjestelmä, vaihe 2",
          "registry_use_right_supported": True, "access_point_oid": ERA_ACCESS_POINT}),
        # the joining checked the register entries and had the security plan written: not asked again
        ("Task_register_for_deployment", PROVIDER,
         {"registered_on": "2026-03-04", "contact_person": "Aino Virtanen"}),
        ("Task_own_deployment_tasks", PROVIDER,
         {"technical_preparation_done": True, "recording_practices_agreed": True,
          "staff_competence_ensured": True}),
        ("Task_file_application", PROVIDER,
         {"application_date": "2026-05-11", "applicant_business_id": state.business_key,
          "system_name": "SosiaaliX", "access_point_oid": ERA_ACCESS_POINT, "registrar_oid": CLINIC_OID}),
    ]  # fmt: skip
    for element_id, actor, data in steps:
        assert element_id in ready(state), (element_id, ready(state))
        state = complete(engine, state, element_id, data, actor=actor)
    assert "Task_preparatory_tasks" not in _completed(engine, state)
    assert messages(state) == ["kela_social_welfare_repository_decision"]
    state = engine.deliver_message(
        "kela_social_welfare_repository_decision",
        business_key=state.business_key,
        payload={"decision": "approved"},
        actor=KELA,
    )
    state = complete(engine, state, "Task_deployment_test", {"test_date": "2026-06-10", "result": "passed"})
    return complete(
        engine, state, "Task_report_test", {"report_date": "2026-06-11", "report_sent_to_kela": True}
    )


def _obligations(state) -> tuple[bool, bool, bool]:
    """What the obligation decision table decided: patient data repository, social welfare, prescription."""
    variables = state.variables
    return (
        variables["patient_data_repository_required"],
        variables["social_welfare_repository_required"],
        variables["prescription_service_required"],
    )


def test_kanta_joining_runs_all_three_onboardings_for_health_and_social_care(engine, clock):
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=CLINIC_ID)
    both = {**CLINIC, "licence": "health_and_social", "system_kind": "patient_and_client_systems"}
    state = complete(engine, started, "Task_enter_organisation_data", both)
    assert _obligations(state) == (True, True, True)
    # A main joiner of the whole joining; the social-care onboarding gets the same model and applies itself.
    state = complete(engine, state, "Task_choose_joining_model", {"joining_model": "joint_main_joiner"})
    # All three onboardings open at once beside the preparations, the social-care one too (it waits for them
    # only before it registers for the deployment), and the health-care commitment beside them.
    assert messages(state) == [PREPARED, PREPARED, PREPARED]
    state = _prerequisites(
        engine,
        state,
        beside=[
            "Task_contact_vendor", "Task_contact_vendor", "Task_settle_health_care_commitment",
            "Task_study_deployment_for_caller",
        ],
    )  # fmt: skip
    # the preparations' message reached all three, and none is recorded as waited for by no one
    assert messages(state) == []
    assert not [e for e in engine.history(state.id) if e.kind == "message_not_waited_for"]
    assert ready(state) == [
        "Task_contact_vendor", "Task_contact_vendor", "Task_settle_health_care_commitment",
        "Task_study_deployment_for_caller",
    ]  # fmt: skip
    state = _settle_commitment(engine, state, existing_customer=True)
    state = _patient_data_repository_until_the_decision(engine, state)
    state = _prescription_until_the_decision(engine, state)
    assert ready(state) == ["Task_study_deployment_for_caller"]
    assert messages(state) == [PDR_DECISION, PRESCRIPTION_DECISION]
    state = decide(engine, state, PDR_DECISION, "approved")
    state = _patient_data_repository_after_approval(engine, state, clock)
    state = decide(engine, state, PRESCRIPTION_DECISION, "approved")
    state = _prescription_after_approval(engine, state)
    # Two of the three are done; the join waits for the social-care onboarding it opened too.
    assert state.status == "running"
    assert ended_at(engine, state).count("End_in_use") == 2 and "End_joined" not in ended_at(engine, state)
    assert ready(state) == ["Task_study_deployment_for_caller"]
    state = _social_welfare_repository_path(engine, state)
    assert state.status == "completed"
    assert ended_at(engine, state)[-1] == "End_joined"
    completed = {e.element_id for e in engine.history(state.id) if e.kind == "element_completed"}
    assert {
        "Call_patient_data_repository", "Call_social_welfare_repository", "Call_prescription_service",
        "End_service_in_use",
    } <= completed  # fmt: skip
    # Each onboarding gave back only its results, under names of their own: none overwrote the joining's
    # joining model or the system the vendor confirmed, and none left its own working data behind.
    variables = state.variables
    assert variables["joining_model"] == "joint_main_joiner"
    assert variables["system_name"] == ERA and variables["business_id"] == CLINIC_ID
    assert variables["social_care_joining_model"] == "joint_main_joiner"
    assert variables["social_care_joining_deadline"] == "2026-09-01"
    assert variables["patient_data_repository_test_date"] == str(clock.now().date())
    assert variables["patient_data_repository_report_sent_on"] == str(clock.now().date())
    assert variables["prescription_service_start_date"]
    assert not {"decision", "test_date", "service_provision", "vendor_name"} & set(variables)


# An independent practitioner without a licence of its own, who may join through a main joiner.
PRACTITIONER = {
    **CLINIC,
    "organisation_name": "Fysioterapeutti Aino Virtanen",
    "business_id": PRACTITIONER_ID,
    "organisation_kind": "independent_practitioner",
    "tenant_of_company": False,
    "licence": "none",
    "writes_prescriptions": False,
}


def test_kanta_joining_through_a_main_joiner_ends_without_an_own_application(engine):
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=PRACTITIONER_ID)
    state = complete(engine, started, "Task_enter_organisation_data", PRACTITIONER)
    assert state.variables["patient_data_repository_required"] is True
    state = complete(
        engine, state, "Task_choose_joining_model",
        {"joining_model": "joint_member", "main_joiner_business_id": CLINIC_ID},
    )  # fmt: skip
    # The agreement with the main joiner opens beside the preparations (no seed orders them) and stays open
    # while they are made.
    state = _prerequisites(engine, state, beside=("Task_agree_with_main_joiner",), vendor_confirms=False)
    assert state.status == "running" and ready(state) == ["Task_agree_with_main_joiner"]
    state = complete(
        engine, state, "Task_agree_with_main_joiner",
        {
            "contract_signed_on": "2026-01-09",
            "responsibilities_in_contract": True,
            "service_provision": "self_paying_clients_only",
        },
    )  # fmt: skip
    # No application of its own: the agreement on the joint model is all (seed 001); a member that produces
    # for no other provider makes no section 14 agreement.
    assert state.status == "completed" and ready(state) == []
    assert ended_at(engine, state) == ["End_joined_through_main_joiner"]
    assert not {
        "Task_settle_health_care_commitment",
        "Call_patient_data_repository",
        "Task_deliver_documents",
        "Task_confirm_certified_system",
    } & _completed(engine, state)


def test_a_joint_member_producing_for_a_county_agrees_on_delivering_documents_before_its_joining_ends(engine):
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=PRACTITIONER_ID)
    state = complete(engine, started, "Task_enter_organisation_data", PRACTITIONER)
    state = complete(
        engine, state, "Task_choose_joining_model",
        {"joining_model": "joint_member", "main_joiner_business_id": CLINIC_ID},
    )  # fmt: skip
    # The agreement is made before any preparation: it waits for none of them. The member's vendor confirms no
    # system: the member makes no application (seed 001) and uses its main joiner's system.
    assert ready(state) == ["Task_agree_with_main_joiner", "Task_write_security_plan"]
    state = complete(
        engine, state, "Task_agree_with_main_joiner",
        {
            "contract_signed_on": "2026-01-09",
            "responsibilities_in_contract": True,
            "service_provision": "purchased_services_for_county",
        },
    )  # fmt: skip
    # Section 14 binds whoever provides services on another provider's behalf, whatever its joining model
    # (seed 002), so the joint member agrees on the documents before its joining ends.
    assert ready(state) == ["Task_deliver_documents", "Task_write_security_plan"]
    state = complete(
        engine, state, "Task_deliver_documents",
        {"delivery_method": "secure_email", "client_rights_agreed": True, "agreed_on": "2026-01-10"},
    )  # fmt: skip
    # Both agreements made, the joining still waits for its preparations.
    assert state.status == "running" and "End_joined_through_main_joiner" not in _completed(engine, state)
    state = _prerequisites(engine, state, vendor_confirms=False)
    assert state.status == "completed" and ready(state) == []
    assert ended_at(engine, state) == ["End_joined_through_main_joiner"]


def test_kanta_joining_calls_the_social_welfare_repository_onboarding(engine):
    social_diagram = CATALOGUE / "social_welfare_repository_onboarding.bpmn"
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=CARE_HOME_ID)
    care_home = {
        **CLINIC,
        "organisation_name": "Hoivakoti Kielo Oy",
        "business_id": CARE_HOME_ID,
        "licence": "social",
        "system_kind": "client_system",
        "writes_prescriptions": False,
    }
    state = complete(engine, started, "Task_enter_organisation_data", care_home)
    state = complete(engine, state, "Task_choose_joining_model", {"joining_model": "direct"})
    # The called process opens beside the preparations and waits for them from its start.
    assert ready(state) == ["Task_study_deployment_for_caller", "Task_write_security_plan"]
    assert messages(state) == [PREPARED]
    state = _prerequisites(engine, state, beside=("Task_study_deployment_for_caller",), vendor_confirms=False)
    # The instance is now inside the called process: its first steps wait, none of kanta_joining's.
    assert state.status == "running"
    social_source = social_diagram.read_text(encoding="utf-8")
    waiting_on = ready(state) + [m.element_id for m in state.waiting_messages] + list(timers(state))
    assert waiting_on
    assert all(f'id="{element_id}"' in social_source for element_id in waiting_on), waiting_on
    joining_source = (CATALOGUE / "kanta_joining.bpmn").read_text(encoding="utf-8")
    assert not any(f'id="{element_id}"' in joining_source for element_id in waiting_on)


# --- patient_data_repository_onboarding -------------------------------------------------------------------


def _patient_data_repository_main_path(engine, state, clock, *, first_kanta_service):
    """From "Contact the system vendor" to the end of the patient data repository onboarding; a first
    Kanta service accepts the commitment right after the approval (no seed sets a time for it) and lets the
    late-report timer fire; the application is refused once and the first deployment test fails."""
    state = complete(
        engine,
        state,
        "Task_contact_vendor",
        {"vendor_name": "Ajas Oy", "vendor_business_id": AJAS_ID, "contacted_on": "2026-01-05"},
    )
    assert lanes(state) == {"Task_send_preparation_instructions": "Järjestelmätoimittaja"}
    state = complete(
        engine, state, "Task_send_preparation_instructions",
        {"instructions_sent_on": "2026-01-06", "system_name": ERA, "system_certified": True,
         "intermediary_name": "Ajas Oy"},
        actor=VENDOR,
    )  # fmt: skip
    state = complete(
        engine, state, "Task_complete_preparatory_tasks",
        {"register_entries_valid": True, "security_plan_ready": True, "server_certificates_ready": True,
         "customer_data_in_extranet": True, "organisation_oid": CLINIC_OID},
    )  # fmt: skip
    application = {
        "system_name": ERA,
        "access_point_oid": ERA_ACCESS_POINT,
        "application_date": "2026-01-07",
        "planned_test_date": "2026-02-16",
        "existing_kanta_customer": not first_kanta_service,
    }
    state = complete(engine, state, "Task_file_application", application)
    assert ready(state) == [] and messages(state) == ["kela_patient_data_repository_decision"]

    state = engine.deliver_message(
        "kela_patient_data_repository_decision",
        business_key=state.business_key,
        payload={"decision": "rejected"},
        actor=KELA,
    )
    assert ready(state) == ["Task_correct_application"] and messages(state) == []
    state = complete(
        engine, state, "Task_correct_application",
        {"correction": "Liityntäpisteen OID korjattu", "corrected_on": "2026-01-08"},
    )  # fmt: skip
    state = complete(engine, state, "Task_file_application", application)
    state = engine.deliver_message(
        "kela_patient_data_repository_decision",
        business_key=state.business_key,
        payload={"decision": "approved"},
        actor=KELA,
    )

    if first_kanta_service:
        # Nothing waits for a date: the commitment is open as soon as the application is approved, beside
        # the test person IDs, which it does not hold back.
        both = ["Task_accept_customer_commitment", "Task_deliver_test_person_ids"]
        assert ready(state) == both and timers(state) == {}
        state = complete(
            engine, state, "Task_accept_customer_commitment",
            {"signatory_name": "Aino Virtanen", "commitment_accepted_on": "2026-01-09",
             "commitment_accepted": True},
        )  # fmt: skip
    assert ready(state) == ["Task_deliver_test_person_ids"]
    assert timers(state) == {}
    state = complete(
        engine,
        state,
        "Task_deliver_test_person_ids",
        {"test_person_ids_delivered_on": "2026-02-09"},
        actor=VENDOR,
    )
    state = complete(
        engine, state, "Task_run_deployment_test", {"test_date": "2026-02-16", "test_result": "failed"}
    )
    assert lanes(state) == {"Task_fix_test_failure": "Järjestelmätoimittaja"}
    state = complete(
        engine, state, "Task_fix_test_failure",
        {"fault_description": "Palvelinvarmenne vanhentunut", "fixed_on": "2026-02-17"}, actor=VENDOR,
    )  # fmt: skip
    # The test ran yesterday and is recorded today: the report is due two days after the test (seed 003),
    # so Kela hears of a missing report as that day ends, counted from the test, not from now.
    yesterday = clock.now().date() - timedelta(days=1)
    state = complete(
        engine, state, "Task_run_deployment_test", {"test_date": str(yesterday), "test_result": "passed"}
    )
    assert ready(state) == ["Task_report_test"]
    assert timers(state) == {"Timer_report_overdue": helsinki_midnight(str(yesterday + timedelta(days=3)))}
    if first_kanta_service:
        # The report is late: two days after the successful test Kela asks for it.
        clock.advance(days=2)
        engine.fire_due_timers()
        state = engine.get_instance(state.id)
        assert ready(state) == ["Task_ask_for_report", "Task_report_test"]
        state = complete(engine, state, "Task_ask_for_report", {"requested_on": "2026-02-20"}, actor=KELA)
    state = complete(engine, state, "Task_report_test", {"report_sent_on": "2026-02-20"})
    assert timers(state) == {}
    return state


def test_patient_data_repository_onboarding_main_path(engine, clock):
    started = engine.start_instance(
        "patient_data_repository_onboarding", actor=PROVIDER, business_key=CLINIC_ID
    )
    assert lanes(started) == {"Task_contact_vendor": "Palvelunantaja"}
    done = _patient_data_repository_main_path(engine, started, clock, first_kanta_service=False)
    assert done.status == "completed"
    assert ended_at(engine, done) == ["End_in_use"]


def test_patient_data_repository_onboarding_for_a_first_kanta_service(engine, clock):
    started = engine.start_instance(
        "patient_data_repository_onboarding", actor=PROVIDER, business_key=CLINIC_ID
    )
    done = _patient_data_repository_main_path(engine, started, clock, first_kanta_service=True)
    assert done.status == "completed"
    assert sorted(ended_at(engine, done)) == ["End_in_use", "End_report_requested"]


# --- prescription_service_onboarding ----------------------------------------------------------------------


def _prescription_main_path(engine, state, clock, *, existing_customer, verify=False, in_joining=False):
    state = complete(
        engine,
        state,
        "Task_contact_vendor",
        {"vendor_name": "Ajas Oy", "vendor_business_id": AJAS_ID, "contacted_on": "2026-03-02"},
    )
    state = complete(
        engine, state, "Task_send_preparation_instructions",
        {"instructions_sent_on": "2026-03-03", "system_name": ERA},
        actor=VENDOR,
    )  # fmt: skip
    planned_start = (clock.now() + timedelta(days=35)).date()
    preparations = {
        "register_entries_valid": True,
        "security_plan_ready": True,
        "server_certificates_ready": True,
        "planned_start_date": planned_start.isoformat(),
    }
    if in_joining:  # the calling joining settles the commitment and checked the register and the plan
        assert ready(state) == ["Task_complete_preparatory_tasks_joining_prepared"]
        checked_by_joining = ("register_entries_valid", "security_plan_ready")
        left = {k: v for k, v in preparations.items() if k not in checked_by_joining}
        state = complete(engine, state, "Task_complete_preparatory_tasks_joining_prepared", left)
    else:
        assert ready(state) == ["Task_complete_preparatory_tasks"]
        state = complete(
            engine, state, "Task_complete_preparatory_tasks",
            {**preparations, "existing_kanta_customer": existing_customer},
        )  # fmt: skip
    # The administrative actions in Extranet follow at once: no seed sets a date for them.
    extranet_day = clock.now()
    assert ready(state) == ["Task_do_extranet_actions"] and timers(state) == {}
    extranet = {"application_date": extranet_day.date().isoformat(), "system_name": ERA,
                "access_point_oid": ERA_ACCESS_POINT}  # fmt: skip
    state = complete(engine, state, "Task_do_extranet_actions", extranet)
    if not existing_customer:
        # The commitment does not hold the wait for Kela's decision, nor do the own tasks (seed 001 step 4
        # follows the Extranet actions).
        assert ready(state) == ["Task_accept_customer_commitment", "Task_do_own_deployment_tasks"]
        assert messages(state) == ["kela_prescription_service_decision"]
        state = complete(
            engine, state, "Task_accept_customer_commitment",
            {"commitment_accepted_on": extranet_day.date().isoformat(), "signatory_name": "Aino Virtanen",
             "commitment_accepted": True},
        )  # fmt: skip
    assert ready(state) == ["Task_do_own_deployment_tasks"]
    assert messages(state) == ["kela_prescription_service_decision"]
    if verify:  # a refused application is corrected and filed again; then Kela decides again
        state = engine.deliver_message(
            "kela_prescription_service_decision", business_key=state.business_key,
            payload={"decision": "rejected"}, actor=KELA,
        )  # fmt: skip
        assert ready(state) == ["Task_correct_application", "Task_do_own_deployment_tasks"]
        assert messages(state) == []
        state = complete(
            engine,
            state,
            "Task_correct_application",
            {"correction": "Yhteyshenkilö lisätty", "corrected_on": "2026-03-20"},
        )
        # The correction re-files the application: no Extranet actions, no second commitment.
        assert ready(state) == ["Task_do_own_deployment_tasks"]
        assert messages(state) == ["kela_prescription_service_decision"]
    state = engine.deliver_message(
        "kela_prescription_service_decision",
        business_key=state.business_key,
        payload={"decision": "approved"},
        actor=KELA,
    )
    assert ready(state) == ["Task_do_own_deployment_tasks"]
    state = complete(
        engine, state, "Task_do_own_deployment_tasks",
        {"staff_trained": True,
         "deployment_check": "none", "production_readiness_verification": verify},
    )  # fmt: skip
    if verify:
        state = complete(
            engine, state, "Task_verify_production_readiness",
            {"verified_on": "2026-04-01", "verification_result": "failed", "after_failure": "fix_and_retry"},
        )  # fmt: skip
        assert lanes(state) == {"Task_fix_readiness_failure": "Järjestelmätoimittaja"}
        state = complete(
            engine, state, "Task_fix_readiness_failure",
            {"fault_description": "Reseptin allekirjoitus puuttui", "fixed_on": "2026-04-02"}, actor=VENDOR,
        )  # fmt: skip
        state = complete(
            engine, state, "Task_verify_production_readiness",
            {"verified_on": "2026-04-03", "verification_result": "passed"},
        )  # fmt: skip
    assert ready(state) == ["Task_start_using_service"]
    return complete(engine, state, "Task_start_using_service", {"start_date": planned_start.isoformat()})


def test_prescription_service_onboarding_main_path(engine, clock):
    started = engine.start_instance("prescription_service_onboarding", actor=PROVIDER, business_key=CLINIC_ID)
    done = _prescription_main_path(engine, started, clock, existing_customer=True)
    assert done.status == "completed"
    assert ended_at(engine, done) == ["End_in_use"]


def test_prescription_service_onboarding_with_commitment_and_verification(engine, clock):
    started = engine.start_instance("prescription_service_onboarding", actor=PROVIDER, business_key=CLINIC_ID)
    done = _prescription_main_path(engine, started, clock, existing_customer=False, verify=True)
    assert done.status == "completed"
    completed = [e.element_id for e in engine.history(done.id) if e.kind == "task_completed"]
    assert completed.count("Task_verify_production_readiness") == 2
    assert completed.count("Task_accept_customer_commitment") == 1
    assert completed.count("Task_do_extranet_actions") == 1
    assert completed.count("Task_correct_application") == 1


# --- vendor_package_onboarding ----------------------------------------------------------------------------


@pytest.mark.parametrize("wants_prescription", [True, False])
def test_vendor_package_onboarding(engine, wants_prescription):
    started = engine.start_instance("vendor_package_onboarding", actor=PROVIDER, business_key=CLINIC_ID)
    state = complete(
        engine, started, "Task_choose_package",
        {"organisation_name": "Lääkärikeskus Aurora Oy", "business_id": CLINIC_ID,
         "package_name": "Ajas & Kanta", "vendor_business_id": AJAS_ID,
         "writes_prescriptions": wants_prescription, "wants_prescription": wants_prescription,
         "contact_email": "kanta@aurora.example.fi"},
    )  # fmt: skip
    assert lanes(state) == {"Task_send_delivery_contract": "Järjestelmätoimittaja"}
    state = complete(
        engine, state, "Task_send_delivery_contract",
        {"contract_reference": "AJAS-2026-014", "contract_sent_on": "2026-01-06"}, actor=VENDOR,
    )  # fmt: skip
    state = complete(
        engine,
        state,
        "Task_sign_delivery_contract",
        {"signatory_name": "Aino Virtanen", "signed_on": "2026-01-07"},
    )
    era = {"system_name": ERA, "access_point_oid": ERA_ACCESS_POINT, "application_date": "2026-01-08"}
    # Once, before both applications: the register entries and the security plan (seeds 001, 004).
    assert ready(state) == ["Task_check_preparations"]
    state = complete(
        engine,
        state,
        "Task_check_preparations",
        {"register_entries_valid": True, "security_plan_ready": True, "existing_kanta_customer": True},
    )
    # The applications side by side: the Prescription one, when wanted, is open beside the Patient Data
    # Repository one, and each waits for Kela's decision of its own.
    applications = ["Task_apply_patient_data_repository"]
    if wants_prescription:
        applications.append("Task_apply_prescription_service")
    assert ready(state) == sorted(applications)
    state = complete(engine, state, "Task_apply_patient_data_repository", era)
    assert messages(state) == [PDR_DECISION]
    if wants_prescription:
        assert ready(state) == ["Task_apply_prescription_service"]
        state = complete(engine, state, "Task_apply_prescription_service", era)
        # seed 001: the own deployment tasks (step 4) follow the application in Extranet, beside the wait
        assert ready(state) == ["Task_do_prescription_own_tasks"]
        assert messages(state) == [PDR_DECISION, PRESCRIPTION_DECISION]
        # The Prescription decision first: only its application goes on (seed 001: the optional readiness
        # verification, the start of use), the other still waits.
        state = decide(engine, state, PRESCRIPTION_DECISION, "approved")
        assert ready(state) == ["Task_do_prescription_own_tasks"] and messages(state) == [PDR_DECISION]
        state = complete(
            engine, state, "Task_do_prescription_own_tasks",
            {"deployment_check": "none", "production_readiness_verification": False},
        )  # fmt: skip
        # seed 004: a Prescription test only at a new system's first deployment or when Kela has asked, as the
        # provider records it; without either nothing waits for Kela and the use starts at once
        assert lanes(state) == {"Task_start_using_prescription_service": "Palvelunantaja"}
        state = complete(engine, state, "Task_start_using_prescription_service", {"start_date": "2026-01-12"})
        assert state.status == "running" and ready(state) == [] and messages(state) == [PDR_DECISION]
    # A refusal is corrected and filed again.
    state = decide(engine, state, PDR_DECISION, "rejected")
    assert ready(state) == ["Task_correct_patient_data_repository_application"] and messages(state) == []
    state = complete(
        engine,
        state,
        "Task_correct_patient_data_repository_application",
        {"correction": "Liitteet lisätty", "corrected_on": "2026-01-12"},
    )
    assert messages(state) == [PDR_DECISION]
    state = decide(engine, state, PDR_DECISION, "approved")
    # Seed 001: the joining ends with the deployment test together with the vendor and its report to Kela;
    # no step updates the self-monitoring plan (seed 000 only offers the system description as its appendix).
    testing = state
    assert lanes(testing) == {"Task_deliver_test_person_ids": "Järjestelmätoimittaja"}
    testing = complete(
        engine,
        testing,
        "Task_deliver_test_person_ids",
        {"test_person_ids_delivered_on": "2026-01-19"},
        actor=VENDOR,
    )
    reporting = complete(
        engine, testing, "Task_run_deployment_test", {"test_date": "2026-01-20", "test_result": "passed"}
    )
    done = complete(engine, reporting, "Task_report_test", {"report_sent_on": "2026-01-21"})
    assert done.status == "completed"
    assert ended_at(engine, done) == ["End_in_use"]


def test_the_vendor_package_starts_prescription_use_on_the_passed_test_and_ends_when_it_is_reported(
    engine, clock
):
    today = str(clock.now().date())
    started = engine.start_instance("vendor_package_onboarding", actor=PROVIDER, business_key=CLINIC_ID)
    state = complete(
        engine, started, "Task_choose_package",
        {"organisation_name": "Aurora", "business_id": CLINIC_ID, "package_name": "Ajas & Kanta",
         "vendor_business_id": AJAS_ID, "writes_prescriptions": True, "wants_prescription": True},
    )  # fmt: skip
    state = complete(
        engine, state, "Task_send_delivery_contract",
        {"contract_reference": "A-1", "contract_sent_on": today}, actor=VENDOR,
    )  # fmt: skip
    state = complete(
        engine, state, "Task_sign_delivery_contract", {"signatory_name": "A", "signed_on": today}
    )
    era = {"system_name": ERA, "access_point_oid": ERA_ACCESS_POINT, "application_date": today}
    state = complete(
        engine,
        state,
        "Task_check_preparations",
        {"register_entries_valid": True, "security_plan_ready": True, "existing_kanta_customer": True},
    )
    state = complete(engine, state, "Task_apply_prescription_service", era)
    state = complete(
        engine, state, "Task_apply_patient_data_repository", era
    )  # fmt: skip
    state = decide(engine, state, PRESCRIPTION_DECISION, "approved")
    # seed 004: Kela has asked for a test; the provider records it, and no task waits for Kela to say so
    state = complete(
        engine, state, "Task_do_prescription_own_tasks",
        {"deployment_check": "deployment_test_requested_by_kela", "production_readiness_verification": False},
    )  # fmt: skip
    assert lanes(state) == {"Task_prescription_test": "Palvelunantaja"}
    state = complete(
        engine, state, "Task_prescription_test",
        {"prescription_test_date": today, "prescription_test_result": "passed",
         "kela_test_person_ids_used": True},
    )  # fmt: skip
    # seed 003 sets the report a deadline, seed 001 the start of use: the use waits for the passed test only
    assert ready(state) == ["Task_report_prescription_test", "Task_start_using_prescription_service"]
    state = complete(engine, state, "Task_start_using_prescription_service", {"start_date": today})
    assert ready(state) == ["Task_report_prescription_test"] and messages(state) == [PDR_DECISION]
    state = decide(engine, state, PDR_DECISION, "approved")
    state = complete(
        engine, state, "Task_deliver_test_person_ids", {"test_person_ids_delivered_on": today}, actor=VENDOR
    )
    state = complete(engine, state, "Task_run_deployment_test", {"test_date": today, "test_result": "passed"})
    state = complete(engine, state, "Task_report_test", {"report_sent_on": today})
    # the Patient Data Repository is done and the Prescription service in use, but its report is still due
    assert state.status == "running" and ready(state) == ["Task_report_prescription_test"]
    done = complete(engine, state, "Task_report_prescription_test", {"report_sent_on": today})
    assert done.status == "completed"
    assert ended_at(engine, done) == ["End_in_use"]


def test_the_vendor_package_application_accepts_only_the_vendors_system_data(engine):
    started = engine.start_instance("vendor_package_onboarding", actor=PROVIDER)
    state = complete(
        engine, started, "Task_choose_package",
        {"organisation_name": "Aurora", "business_id": CLINIC_ID, "package_name": "Ajas & Kanta",
         "vendor_business_id": AJAS_ID, "writes_prescriptions": False, "wants_prescription": False},
    )  # fmt: skip
    state = complete(
        engine, state, "Task_send_delivery_contract",
        {"contract_reference": "A-1", "contract_sent_on": "2026-01-06"},
        actor=VENDOR,
    )  # fmt: skip
    state = complete(
        engine, state, "Task_sign_delivery_contract", {"signatory_name": "A", "signed_on": "2026-01-07"}
    )
    task = state.ready_tasks[0]
    with pytest.raises(InvalidData) as refused:
        engine.complete_task(
            task.id,
            {
                "system_name": "Other",
                "access_point_oid": "1.2.246.1",
                "application_date": "7.1.2026",
            },
            actor=PROVIDER,
        )
    assert {e.field for e in refused.value.errors} == {
        "/data/register_entries_valid",
        "/data/security_plan_ready",
        "/data/existing_kanta_customer",
        "/data/system_name",
        "/data/access_point_oid",
        "/data/application_date",
    }


def test_the_organisation_data_form_checks_the_business_id_and_the_choices(engine):
    started = engine.start_instance("kanta_joining", actor=PROVIDER)
    with pytest.raises(InvalidData) as refused:
        complete(
            engine, started, "Task_enter_organisation_data",
            {**CLINIC, "business_id": "0737546-3", "licence": "dental"},
        )  # fmt: skip
    assert {e.field for e in refused.value.errors} == {"/data/business_id", "/data/licence"}


# --- a patient information system refused in the social-care onboarding ----------------------------------

PATIENT_SYSTEM_ONLY = {
    "system_name": "PotilasY", "system_kind": "patient_information_system", "system_certified": True,
    "system_phase": "phase_1", "system_profile": "Potilastietojärjestelmä",
    "registry_use_right_supported": False, "access_point_oid": ERA_ACCESS_POINT,
}  # fmt: skip


def _refuse_the_patient_system(engine, state):
    """social_welfare_repository_onboarding up to its refusal: the vendor describes a patient system (seed
    002)."""
    intake = {"service_provision": "self_paying_clients_only", "vendor_business_id": AJAS_ID}
    if "Task_study_deployment" in ready(state):  # on its own: the identity and the model are asked here, once
        identity = {"business_id": state.business_key, "organisation_name": "Kotihoito Lempi Oy",
                    "joining_model": "direct"}  # fmt: skip
        intake = {**intake, **identity, "contact_email": "kanta@lempi.example.fi"}
    (task,) = [t for t in ready(state) if t.startswith("Task_study_deployment")]
    state = complete(engine, state, task, intake)
    assert lanes(state)["Task_describe_system"] == "Järjestelmätoimittaja"
    return complete(engine, state, "Task_describe_system", PATIENT_SYSTEM_ONLY, actor=VENDOR)


def _enter_home_care(engine, *, system_kind: str, writes_prescriptions: bool):
    """A home-care provider (social licence) enters its data: the social-care repository is obligatory."""
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=CARE_HOME_ID)
    home_care = {
        **CLINIC, "organisation_name": "Kotihoito Lempi Oy", "business_id": CARE_HOME_ID,
        "licence": "social", "system_kind": system_kind, "writes_prescriptions": writes_prescriptions,
    }  # fmt: skip
    state = complete(engine, started, "Task_enter_organisation_data", home_care)
    assert _obligations(state) == (False, True, writes_prescriptions)
    return state


def _completed(engine, state) -> set[str]:
    return {e.element_id for e in engine.history(state.id) if e.kind == "element_completed"}


def test_only_a_patient_system_is_refused_the_social_care_repository_at_once(engine):
    """Seed 002: "Potilastietojarjestelmalla ei voi liittya/kayttdd Sosiaalihuollon asiakastietovarantoa!"
    The organisation's own data says so, so the joining ends when the data is entered, with no preparations
    for a repository it can not join yet."""
    done = _enter_home_care(engine, system_kind="patient_system", writes_prescriptions=False)
    assert done.status == "completed" and done.error is None
    assert ready(done) == [] and messages(done) == [] and timers(done) == {}
    assert ended_at(engine, done) == ["End_not_joined_client_system_needed"]
    not_reached = {"Task_check_register_entries", "Call_social_welfare_repository", "End_joined"}
    assert not not_reached & _completed(engine, done)


def test_kanta_joining_is_not_joined_when_the_social_care_onboarding_finds_a_patient_system(engine):
    """The organisation said it has a client system, but the vendor describes a patient system: the
    social-care onboarding refuses it, and its escalation is caught on the call activity. The social-care
    repository was the only obligation, so no application will be made: the joining ends at once (seed 001:
    "Kun tarvittavat valmistelut on tehty, tee liittymishakemus Kanta-Ekstranetissä."), and its open
    preparations lapse instead of being done for nothing."""
    state = _enter_home_care(engine, system_kind="client_system", writes_prescriptions=False)
    assert "Event_social_care_refused" not in _completed(engine, state)
    state = complete(engine, state, "Task_choose_joining_model", {"joining_model": "direct"})
    assert messages(state) == [PREPARED]
    assert ready(state) == ["Task_study_deployment_for_caller", "Task_write_security_plan"]
    assert waiting_work(engine, state) == ["Task_check_register_entries"]
    done = _refuse_the_patient_system(engine, state)

    assert done.status == "completed" and done.error is None
    assert ready(done) == [] and messages(done) == [] and timers(done) == {}
    assert waiting_work(engine, done) == []
    assert ended_at(engine, done) == ["End_patient_system_refused", "End_not_joined_client_system_needed"]
    completed = _completed(engine, done)
    assert {"Boundary_patient_system_refused", "Gateway_other_onboardings_go_on"} <= completed
    not_reached = {
        "Task_check_register_entries", "Task_write_security_plan", "Throw_preparations_done",
        "Gateway_onboardings_join", "End_joined", "Script_note_social_care_outcome", "Rule_joining_deadline",
    }  # fmt: skip
    assert not not_reached & completed
    # the signal was never thrown, so nothing records it as unheard either
    assert [e for e in engine.history(done.id) if e.element_id == "Throw_preparations_done"] == []


def test_a_social_care_onboarding_of_its_own_completes_at_the_patient_system_refusal(engine):
    """Nothing catches the escalation when the process runs on its own: it ends, it does not fail (only an
    uncaught error end event puts an instance in error)."""
    started = engine.start_instance(
        "social_welfare_repository_onboarding", actor=PROVIDER, business_key=CARE_HOME_ID
    )
    done = _refuse_the_patient_system(engine, started)
    assert done.status == "completed" and done.error is None
    assert ready(done) == [] and timers(done) == {}
    assert ended_at(engine, done) == ["End_patient_system_refused"]


def test_a_prescriber_with_only_a_patient_system_is_refused_at_once_and_joins_the_prescription_service(
    engine, clock
):
    """Decision-table row 10: social licence, only a patient system, writes prescriptions. The refusal of the
    patient system for the social-care repository (seed 002) is said as soon as the data is entered; the
    Prescription onboarding goes on, and the social-care onboarding is skipped."""
    state = _enter_home_care(engine, system_kind="patient_system", writes_prescriptions=True)
    assert "Event_social_care_refused" in _completed(engine, state)
    assert ready(state) == ["Task_choose_joining_model"]
    state = complete(engine, state, "Task_choose_joining_model", {"joining_model": "direct"})
    assert waiting_work(engine, state) == ["Task_check_register_entries"]
    state = _prerequisites(engine, state, beside=["Task_contact_vendor"])

    # A provider with only a social-care licence is asked no health-care commitment, in the joining or in
    # the Prescription onboarding, the only branch.
    assert ready(state) == ["Task_contact_vendor"]
    done = _prescription_main_path(engine, state, clock, existing_customer=True, in_joining=True)
    assert done.status == "completed" and done.error is None
    assert ready(done) == [] and messages(done) == [] and timers(done) == {}
    assert ended_at(engine, done) == ["End_in_use", "End_not_joined_client_system_needed"]
    completed = _completed(engine, done)
    assert "Call_prescription_service" in completed
    assert not {"Task_settle_health_care_commitment", "Task_accept_customer_commitment"} & completed
    not_reached = {
        "Call_patient_data_repository", "Call_social_welfare_repository", "Boundary_patient_system_refused",
        "End_joined",
    }  # fmt: skip
    assert not not_reached & completed


def test_a_patient_system_found_by_the_social_care_onboarding_cancels_only_that_branch(engine, clock):
    """The escalation's boundary event interrupts only the social-care call activity: the Patient Data
    Repository onboarding opened beside it goes on to its end, and then the joining ends at
    End_not_joined_client_system_needed, not at End_joined."""
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=CLINIC_ID)
    both = {**CLINIC, "licence": "health_and_social", "system_kind": "patient_and_client_systems",
            "writes_prescriptions": False}  # fmt: skip
    state = complete(engine, started, "Task_enter_organisation_data", both)
    assert _obligations(state) == (True, True, False)
    state = complete(engine, state, "Task_choose_joining_model", {"joining_model": "direct"})
    state = _prerequisites(
        engine,
        state,
        beside=[
            "Task_contact_vendor", "Task_settle_health_care_commitment", "Task_study_deployment_for_caller"
        ],
    )  # fmt: skip
    assert ready(state) == [
        "Task_contact_vendor", "Task_settle_health_care_commitment", "Task_study_deployment_for_caller"
    ]  # fmt: skip
    state = _settle_commitment(engine, state, existing_customer=True)
    state = _patient_data_repository_until_the_decision(engine, state)
    state = complete(
        engine, state, "Task_study_deployment_for_caller",
        {"service_provision": "self_paying_clients_only", "vendor_business_id": AJAS_ID},
    )  # fmt: skip
    state = complete(engine, state, "Task_describe_system", PATIENT_SYSTEM_ONLY, actor=VENDOR)
    # The social-care branch is refused and cancelled; the other application still waits for its decision.
    assert state.status == "running" and ready(state) == [] and messages(state) == [PDR_DECISION]
    assert {"Boundary_patient_system_refused", "Gateway_other_onboardings_go_on"} <= _completed(engine, state)
    state = decide(engine, state, PDR_DECISION, "approved")
    done = _patient_data_repository_after_approval(engine, state, clock)
    assert done.status == "completed" and done.error is None
    ends = ended_at(engine, done)
    assert ends[-1] == "End_not_joined_client_system_needed" and "End_joined" not in ends
    assert {"End_patient_system_refused", "End_in_use"} <= set(ends)


def test_a_joining_with_only_the_social_care_repository_asks_no_health_care_commitment(engine):
    """One branch only (the social-care repository): the health-care commitment is not asked."""
    state = _enter_home_care(engine, system_kind="client_system", writes_prescriptions=False)
    state = complete(engine, state, "Task_choose_joining_model", {"joining_model": "direct"})
    # No health-care service is obligatory: no commitment is asked, and the social-care onboarding opens
    # beside the preparations.
    assert ready(state) == ["Task_study_deployment_for_caller", "Task_write_security_plan"]
    state = _prerequisites(engine, state, beside=("Task_study_deployment_for_caller",), vendor_confirms=False)
    assert ready(state) == ["Task_study_deployment_for_caller"]
    assert "Task_settle_health_care_commitment" not in _completed(engine, state)
    # Nor is the system: the social-care onboarding's vendor describes it, once (Task_describe_system).
    assert "Task_confirm_certified_system" not in _completed(engine, state)


def test_every_process_publishes_the_contracts_of_the_messages_it_and_the_processes_it_calls_wait_for(engine):
    published = {d.process_key: [m.name for m in d.messages] for d in engine.list_definitions()}
    pdr, prescription = "kela_patient_data_repository_decision", "kela_prescription_service_decision"
    social_care = "kela_social_welfare_repository_decision"
    # the onboardings wait, when the joining calls them, for its preparations
    prepared = "kanta_joining_preparations_done"
    # One decision message per application, so that applications waiting side by side are told apart.
    # The social-care onboarding also throws the message that starts the county's own process.
    in_use = "social_welfare_repository_in_use_for_county"
    # The repository onboarding says when the repository is in use; the organisational change waits for it.
    pdr_in_use = "patient_data_repository_in_use"
    assert published == {
        "county_registry_use_right": [in_use],
        # the joining and the usage extension wait through the onboardings they call
        "kanta_joining": [prepared, pdr, prescription, social_care, pdr_in_use, in_use],
        "organisation_change": [
            *(prepared, pdr, prescription, social_care, pdr_in_use),
            *("registrar_change_batch_done", in_use),
        ],
        "patient_data_repository_onboarding": [prepared, pdr, pdr_in_use],
        "prescription_service_onboarding": [prepared, prescription],
        "social_welfare_repository_onboarding": [prepared, social_care, in_use],
        "usage_extension": [prepared, pdr, prescription, social_care, pdr_in_use, in_use],
        "vendor_package_onboarding": [pdr, prescription],
    }
    decisions = engine.get_definition("vendor_package_onboarding").messages
    assert [d.name for d in decisions] == [pdr, prescription]
    for decision in decisions:
        assert decision.schema["required"] == ["decision"] and decision.correlation == {"by": "business_key"}
        assert "x-correlation" not in decision.schema


def test_an_onboarding_started_on_a_version_with_the_old_decision_message_keeps_waiting_for_it(
    engine, clock, tmp_path
):
    """Version pinning: an instance started before each application's decision had a message of its own
    still waits for the old name (its version keeps its contract), while a new instance waits for the new
    one; nothing is migrated."""
    old = tmp_path / "old_catalogue"
    shutil.copytree(CATALOGUE, old)
    diagram = old / "patient_data_repository_onboarding.bpmn"
    diagram.write_text(diagram.read_text(encoding="utf-8").replace(PDR_DECISION, "kela_application_decision"))
    contract = old / "messages" / f"{PDR_DECISION}.json"
    shutil.copy(contract, old / "messages" / "kela_application_decision.json")
    engine.deploy_folder(old, actor=ANALYST)
    started = engine.start_instance(
        "patient_data_repository_onboarding", actor=PROVIDER, business_key=CLINIC_ID
    )
    waiting = _patient_data_repository_until_the_decision(engine, started, in_joining=False)
    assert messages(waiting) == ["kela_application_decision"]

    engine.deploy_folder(CATALOGUE, actor=ANALYST)
    newer = engine.start_instance(
        "patient_data_repository_onboarding", actor=PROVIDER, business_key=CARE_HOME_ID
    )
    assert newer.definition_version > waiting.definition_version
    assert messages(_patient_data_repository_until_the_decision(engine, newer, in_joining=False)) == [
        PDR_DECISION
    ]

    approved = engine.deliver_message(
        "kela_application_decision", business_key=CLINIC_ID, payload={"decision": "approved"}, actor=KELA
    )
    assert (
        approved.id == waiting.id and forms(approved) == ["pdr_test_person_ids"] and messages(approved) == []
    )


@pytest.mark.parametrize(
    ("profile", "asked"),
    [
        # a pharmacy joins the Prescription service only, and is no health-care provider
        ({"organisation_kind": "pharmacy", "licence": "none", "system_kind": "none",
          "writes_prescriptions": False}, False),
        # a health-care provider that only issues prescriptions settles the commitment beside that onboarding
        ({"licence": "health", "system_kind": "none", "writes_prescriptions": True}, True),
    ],
)  # fmt: skip
def test_only_a_health_care_provider_settles_the_health_care_commitment_beside_its_onboardings(
    engine, profile, asked
):
    """Seed 004 names the commitment only by its health-care ending form ("Terveydenhuollon sitoumuksen
    irtisanominen -lomake"): a pharmacy joining the Prescription service is not asked it; a health-care
    provider is, beside the onboarding, which it holds back not at all."""
    started = engine.start_instance("kanta_joining", actor=PROVIDER, business_key=CLINIC_ID)
    state = complete(engine, started, "Task_enter_organisation_data", {**CLINIC, **profile})
    assert _obligations(state) == (False, False, True)
    state = complete(engine, state, "Task_choose_joining_model", {"joining_model": "direct"})
    # Joining the Prescription service only, it archives nothing electronically: no security plan (seed 001).
    state = _prerequisites(
        engine,
        state,
        beside=["Task_contact_vendor", *(["Task_settle_health_care_commitment"] if asked else [])],
        writes_plan=False,
    )
    if not asked:
        assert ready(state) == ["Task_contact_vendor"]
        return
    assert ready(state) == ["Task_contact_vendor", "Task_settle_health_care_commitment"]
    # the onboarding goes on while the commitment is still open, and does not ask it itself
    state = complete(
        engine, state, "Task_contact_vendor",
        {"vendor_name": "Ajas Oy", "vendor_business_id": AJAS_ID, "contacted_on": "2026-01-12"},
    )  # fmt: skip
    assert ready(state) == ["Task_send_preparation_instructions", "Task_settle_health_care_commitment"]
    state = _settle_commitment(engine, state, existing_customer=False)
    assert ready(state) == ["Task_send_preparation_instructions"] and state.status == "running"
    assert _completed(engine, state) >= {"Task_settle_health_care_commitment"}


def test_the_joining_ends_while_the_countys_own_process_still_waits(engine):
    """A producer of a county's purchased services: once its test is reported the social-care onboarding
    ends, so the joining that called it goes on and ends too, while the county's readiness and the producer's
    section 14 agreement with the county (which needs no registry use right, so it waits for no readiness)
    wait side by side in the county's own process, which the onboarding's message started (seed 001:
    "Kanta-palvelut ovat käytössäsi." once the report is sent)."""
    state = _enter_home_care(engine, system_kind="client_system", writes_prescriptions=False)
    state = complete(engine, state, "Task_choose_joining_model", {"joining_model": "direct"})
    state = _prerequisites(engine, state, beside=("Task_study_deployment_for_caller",), vendor_confirms=False)
    assert ready(state) == ["Task_study_deployment_for_caller"]
    county_id = "6060606-3"
    state = _social_welfare_repository_path(
        engine, state, service_provision="purchased_services_for_county", county_business_id=county_id
    )
    assert state.status == "completed"
    assert ready(state) == []
    assert ended_at(engine, state)[-2:] == ["End_service_in_use", "End_joined"]
    (county,) = engine.list_instances(
        process_key="county_registry_use_right", business_key=CARE_HOME_ID
    ).items
    county = engine.get_instance(county.id)
    assert county.status == "running"
    assert lanes(county) == {
        "Task_deliver_documents": "Palvelunantaja",
        "Task_organiser_readiness": "Hyvinvointialue",
    }
    assert county.variables["county_business_id"] == county_id
    assert county.variables["registry_use_right_supported"] is True
