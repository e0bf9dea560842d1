"""The edits an analyst makes in Camunda Modeler that used to pass validate, each applied to a copy of the
catalogue: validate names each at its file, line and element, by its root cause, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import engine

CATALOGUE = Path(__file__).parent.parent.parent / "processes"


@pytest.fixture(scope="module")
def catalogue() -> dict[str, bytes]:
    return engine.read_folder(CATALOGUE)


def edited(catalogue: dict[str, bytes], file: str, old: str, new: str) -> dict[str, bytes]:
    text = catalogue[file].decode()
    assert text.count(old) == 1, f"{old!r} is not once in {file}"
    return {**catalogue, file: text.replace(old, new).encode()}


def edited_form(catalogue: dict[str, bytes], file: str, change) -> dict[str, bytes]:
    schema = json.loads(catalogue[file])
    change(schema)
    return {**catalogue, file: json.dumps(schema, indent=2).encode()}


def line(files: dict[str, bytes], file: str, needle: str) -> int:
    [number] = [n for n, text in enumerate(files[file].decode().splitlines(), start=1) if needle in text]
    return number


def said(files: dict[str, bytes]) -> list[str]:
    return [str(problem) for problem in engine.problems_in(files)]


def test_the_catalogue_itself_is_clean(catalogue):
    assert said(catalogue) == []


def test_a_form_field_renamed_while_the_gateway_still_reads_the_old_name(catalogue):
    def rename(schema):
        schema["properties"]["joining_mode"] = schema["properties"].pop("joining_model")
        schema["required"] = [n.replace("joining_model", "joining_mode") for n in schema["required"]]

    files = edited_form(catalogue, "forms/kj_joining_model.json", rename)

    at = line(files, "kanta_joining.bpmn", 'id="Flow_through_main_joiner"')
    expected = (
        f'kanta_joining.bpmn:{at}: [Flow_through_main_joiner] the condition of sequence flow "Kyllä" reads '
        "'joining_model', which no start variable, form, message, decision, script or call on a path to "
        "it writes: did you mean 'joining_mode'?"
    )
    assert expected in said(files)


def test_a_form_field_renamed_where_an_earlier_task_wrote_the_old_name_decides_on_a_stale_value(catalogue):
    def rename(schema):
        schema["properties"]["test_result"] = schema["properties"].pop("result")
        schema["required"] = ["test_result" if n == "result" else n for n in schema["required"]]

    files = edited_form(catalogue, "forms/oc_test_after.json", rename)

    at = line(files, "organisation_change.bpmn", 'id="Flow_33"')
    first, *others = said(files)
    assert first == (
        f"organisation_change.bpmn:{at}: [Flow_33] warning (stale-value): the condition of sequence flow "
        '"Epäonnistui" decides on \'result\', which user task "Tee käyttöönottokoe muutoksen jälkeen" '
        'wrote earlier, not user task "Tee uuden liittyjän '
        "käyttöönottokoe muutoksen jälkeen\" right before the gateway (it has 'test_result': was the field "
        "renamed?): it decides on a value from before that task"
    )
    # every condition of that gateway reads the stale value, each said at its flow
    flows = [(o.split("] ")[0].split("[")[1], o.split("warning (")[1].split(")")[0]) for o in others]
    stale = [flow for flow, kind in flows if kind == "stale-value"]
    assert stale == ["Flow_after_skipped", "Flow_after_passed", "Flow_after_passed_new_business_id"]
    # and, as no task before the duties after Kela's batch writes 'result' (the test before the change runs
    # beside them), a new joiner's instance would meet none at all: each condition says so too
    unwritten = [flow for flow, kind in flows if kind == "maybe-unwritten"]
    assert unwritten == [
        "Flow_33",
        "Flow_after_skipped",
        "Flow_after_passed",
        "Flow_after_passed_new_business_id",
    ]
    assert len(flows) == len(stale) + len(unwritten)


def test_a_required_field_made_optional_while_a_gateway_reads_it(catalogue):
    def optional(schema):
        schema["required"].remove("joining_model")

    files = edited_form(catalogue, "forms/kj_joining_model.json", optional)

    at = line(files, "kanta_joining.bpmn", 'id="Flow_through_main_joiner"')
    assert (
        f"kanta_joining.bpmn:{at}: [Flow_through_main_joiner] warning (maybe-unwritten): the condition of "
        'sequence flow "Kyllä" reads \'joining_model\', which user task "Valitse liittymismalli" writes, but '
        'the form "forms/kj_joining_model.json" of user task "Valitse liittymismalli" does not require it: '
        "an instance that comes that way stops here"
    ) in said(files)


def test_a_reminder_timer_drawn_with_the_modelers_default_interrupting(catalogue):
    files = edited(
        catalogue,
        "patient_data_repository_onboarding.bpmn",
        'name="Raportin määräaika ylittynyt" cancelActivity="false"',
        'name="Raportin määräaika ylittynyt"',
    )

    at = line(
        files, "patient_data_repository_onboarding.bpmn", '<bpmn:boundaryEvent id="Timer_report_overdue"'
    )
    assert said(files) == [
        f"patient_data_repository_onboarding.bpmn:{at}: [Timer_report_overdue] warning "
        "(interrupting-detour): "
        'boundary event "Raportin määräaika ylittynyt" is interrupting: when it fires, user task "Raportoi '
        "käyttöönottokoe Kelaan\" is cancelled and the process ends at 'Raporttia pyydetty' without coming "
        "back "
        'to its main path. If it is a reminder, untick "Interrupting" in the modeler (cancelActivity="false")'
    ]


def test_a_gateway_without_a_default_that_a_value_of_the_payload_schema_falls_through(catalogue):
    files = edited(
        catalogue,
        "patient_data_repository_onboarding.bpmn",
        ' name="Hyväksyttiinkö hakemus?" default="Flow_application_not_approved">',
        ' name="Hyväksyttiinkö hakemus?">',
    )
    files = edited(
        files,
        "patient_data_repository_onboarding.bpmn",
        '<camunda:property name="name_en" value="Not approved" />\n        </camunda:properties>\n'
        "      </bpmn:extensionElements>\n",
        '<camunda:property name="name_en" value="Not approved" />\n        </camunda:properties>\n'
        "      </bpmn:extensionElements>\n"
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">decision == "rejected"'
        "</bpmn:conditionExpression>\n",
    )
    files = edited_form(
        files,
        "messages/kela_patient_data_repository_decision.json",
        lambda s: s["properties"]["decision"]["enum"].append("returned"),
    )

    at = line(files, "patient_data_repository_onboarding.bpmn", 'id="Gateway_application_approved"')
    assert said(files) == [
        f"patient_data_repository_onboarding.bpmn:{at}: [Gateway_application_approved] warning "
        "(uncovered-value): "
        'exclusive gateway "Hyväksyttiinkö hakemus?" has no default flow and no condition holds when '
        "'decision' "
        'is "returned", which the payload schema "messages/kela_patient_data_repository_decision.json" of '
        "intermediate "
        'catch event "Kelan päätös saapunut" allows: an instance with it stops at the gateway (add a '
        "default "
        "flow, or a condition for it)"
    ]


def test_a_task_deleted_while_its_flows_stay_is_reported_as_the_dangling_flows(catalogue):
    text = catalogue["patient_data_repository_onboarding.bpmn"].decode()
    start = text.index('    <bpmn:userTask id="Task_contact_vendor"')
    end = text.index("</bpmn:userTask>", start) + len("</bpmn:userTask>\n")
    files = {**catalogue, "patient_data_repository_onboarding.bpmn": (text[:start] + text[end:]).encode()}

    file = "patient_data_repository_onboarding.bpmn"
    lane = line(files, file, "Task_contact_vendor</bpmn:flowNodeRef>")
    vendor_lane = line(files, file, 'id="Lane_system_vendor"')
    into = line(files, file, 'id="Flow_to_own_preparations"')
    out_of = line(files, file, 'id="Flow_vendor_contacted"')
    assert said(files) == [
        f"{file}:{lane}: [Lane_service_provider] lane \"Palvelunantaja\" lists 'Task_contact_vendor', "
        "which is "
        "not in the diagram",
        # the task's form was where the provider named its vendor, who plays the vendor's lane
        f'{file}:{vendor_lane}: [Lane_system_vendor] lane "Järjestelmätoimittaja" is played by the party '
        'named in the form field "vendor_business_id", which no user task\'s form in this diagram has',
        f'{file}:{into}: [Flow_to_own_preparations] sequence flow "Omat valmistelut heti" leads to '
        "'Task_contact_vendor', which is not in the process",
        f'{file}:{out_of}: [Flow_vendor_contacted] sequence flow "Flow_vendor_contacted" comes from '
        "'Task_contact_vendor', which is not in the process",
    ]


def test_a_flow_whose_target_id_was_mistyped_names_the_id_meant(catalogue):
    files = edited(
        catalogue,
        "patient_data_repository_onboarding.bpmn",
        'sourceRef="Start_patient_data_repository" targetRef="Script_note_joining_preparations"',
        'sourceRef="Start_patient_data_repository" targetRef="Script_note_joining_preparation"',
    )

    file = "patient_data_repository_onboarding.bpmn"
    at = line(files, file, 'id="Flow_start"')
    assert said(files) == [
        f"{file}:{at}: [Flow_start] sequence flow \"Flow_start\" leads to 'Script_note_joining_preparation', "
        "which is not in the process: did you mean 'Script_note_joining_preparations'?"
    ]


@pytest.mark.parametrize(
    ("file", "old", "new", "element", "message"),
    [
        (
            "kanta_joining.bpmn",
            'calledElement="prescription_service_onboarding"',
            'calledElement="prescription_onboarding"',
            "Call_prescription_service",
            "call activity \"Liity Resepti-palveluun\" calls process 'prescription_onboarding' which "
            "no "
            "diagram defines: did you mean 'prescription_service_onboarding'?",
        ),
        (
            "kanta_joining.bpmn",
            'camunda:decisionRef="kanta_service_obligation"',
            'camunda:decisionRef="kanta_service_obligations"',
            "Rule_service_obligation",
            'business rule task "Päätä pakolliset Kanta-palvelut" uses decision '
            "'kanta_service_obligations' "
            "which no DMN file defines: did you mean 'kanta_service_obligation'?",
        ),
        (
            "kanta_joining.bpmn",
            'camunda:formKey="forms/kj_security_plan.json"',
            'camunda:formKey="forms/kj_securityplan.json"',
            "Task_write_security_plan",
            'user task "Tee tietoturvasuunnitelma" uses the form "forms/kj_securityplan.json", '
            "which is "
            "not in the catalogue: did you mean 'forms/kj_security_plan.json'?",
        ),
        (
            "patient_data_repository_onboarding.bpmn",
            'name="kela_patient_data_repository_decision"',
            'name="kela_patient_data_repositorys_decision"',
            "Catch_application_decision",
            'intermediate catch event "Kelan päätös saapunut" catches message '
            '"kela_patient_data_repositorys_decision", '
            "which has no payload schema: did you mean 'kela_patient_data_repository_decision'? "
            "(messages/<name>.json is the "
            "contract of message <name>)",
        ),
    ],
)
def test_a_mistyped_reference_names_what_was_meant_and_nothing_after_it(
    catalogue, file, old, new, element, message
):
    files = edited(catalogue, file, old, new)

    at = line(files, file, f'id="{element}"')
    assert said(files) == [f"{file}:{at}: [{element}] {message}"]


def test_a_rule_widened_until_it_overlaps_another_in_a_unique_table(catalogue):
    file = "kanta_service_obligation.dmn"
    entry = '<inputEntry id="UnaryTests_no_electronic_system_organisation_kind">\n          '
    files = edited(catalogue, file, f'{entry}<text>not("pharmacy")</text>', f"{entry}<text>-</text>")

    at = line(files, file, '<rule id="Rule_no_electronic_system"')
    assert said(files) == [
        f"{file}:{at}: [Rule_no_electronic_system] rules 1 and 2 of the UNIQUE decision table of decision "
        '"Kanta services the organisation must join" match the same inputs: make them exclude each other, or '
        "set the hit policy to FIRST"
    ]


def test_a_boolean_output_written_as_text(catalogue):
    file = "kanta_service_obligation.dmn"
    entry = '<outputEntry id="LiteralExpression_pharmacy_prescription_service_required">\n          '
    files = edited(catalogue, file, f"{entry}<text>true</text>", f'{entry}<text>"true"</text>')

    at = line(files, file, '<rule id="Rule_pharmacy"')
    assert said(files) == [
        f'{file}:{at}: [Rule_pharmacy] rule 1: output "Prescription service" holds boolean values: "true" is '
        "text, not a boolean: write true"
    ]


def test_a_form_requiring_a_field_it_does_not_have(catalogue):
    def require_a_missing_field(schema):
        schema.setdefault("required", []).append("plan_approved_on")

    files = edited_form(catalogue, "forms/kj_security_plan.json", require_a_missing_field)

    assert said(files) == [
        'forms/kj_security_plan.json: "plan_approved_on" is required at / but is not one of its properties: '
        "the task could never be completed (was the field renamed?)"
    ]
