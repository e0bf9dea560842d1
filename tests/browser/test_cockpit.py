"""The web cockpit in a real browser: Debian's chromium, driven by Playwright, against the real server.

Every page is photographed at 1280×800 and at a phone's 390 px into build/screenshots/.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from playwright.sync_api import Page, expect

from harness.server import PROCESSES, RunningServer
from tests.browser.chromium import open_page, photograph, said_by

VENDOR_TOKEN = "tok-vendor-0123456789abcdef0123456789"
VIEWER_TOKEN = "tok-viewer-0123456789abcdef0123456789"
ANALYST_TOKEN = "tok-analyst-0123456789abcdef0123456789"
KELA_TOKEN = "tok-kela-0123456789abcdef0123456789"
TOKENS = (
    f"integrator:vendor-ajas:{VENDOR_TOKEN},viewer:monitor:{VIEWER_TOKEN},"
    f"analyst:modeller:{ANALYST_TOKEN},integrator:kela-extranet:{KELA_TOKEN}"
)
# The fixture diagram's instructions, rewritten into the catalogue's bilingual form for these tests.
INSTRUCTIONS = (
    "FI: Palveluntuottaja antaa Y-tunnuksensa, organisaationsa nimen ja yhteyssähköpostin.\n"
    "EN: The service provider enters its business ID, organisation name and contact email.\n"
    "Rule: The business ID carries a valid check digit."
)


# The steps of "ten_tasks" ask, in these tests, for what only the server judges right: its RE2 reads
# `\p{L}` as any letter, Finnish ones too, where a browser's pattern (no u flag) reads a plain "p", and a
# pattern with nested quantifiers that backtracks exponentially in a browser runs in linear time on RE2.
PATTERN_FORM = {
    "type": "object",
    "properties": {
        "contact_person": {"type": "string", "title": "Contact person", "pattern": r"^\p{L}+( \p{L}+)*$"},
        "reference": {"type": "string", "title": "Reference", "pattern": "^(a+)+$"},
        "visits": {"type": "integer", "title": "Visits", "minimum": 1},
        "contact": {
            "type": "object",
            "title": "Contact",
            "properties": {"email": {"type": "string", "format": "email"}},
            "required": ["email"],
        },
    },
    "required": ["contact_person"],
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    processes = tmp_path_factory.mktemp("processes")
    shutil.copytree(PROCESSES, processes, dirs_exist_ok=True)
    diagram = processes / "simple_onboarding.bpmn"
    diagram.write_text(
        diagram.read_text().replace(
            "The service provider enters its business ID, organisation name and contact email.", INSTRUCTIONS
        )
    )
    (processes / "forms" / "step.json").write_text(json.dumps(PATTERN_FORM))
    with RunningServer(tmp_path_factory.mktemp("cockpit"), tokens=TOKENS, processes=processes) as running:
        yield running


def start(server: RunningServer, process_key: str, business_key: str) -> dict:
    status, _, instance = server.call(
        "POST",
        "/api/v1/process-instances",
        token=VENDOR_TOKEN,
        json_body={"process_key": process_key, "business_key": business_key},
    )
    assert status == 201, instance
    return instance


def stored(server: RunningServer, instance_id: str) -> tuple[dict, list]:
    instance = server.call("GET", f"/api/v1/process-instances/{instance_id}", token=VIEWER_TOKEN)[2]
    history = server.call("GET", f"/api/v1/process-instances/{instance_id}/history", token=VIEWER_TOKEN)[2]
    return instance, history


def complete_over_http(server: RunningServer, instance: dict, data: dict) -> dict:
    task_id = instance["ready_tasks"][0]["id"]
    status, _, moved = server.call(
        "POST", f"/api/v1/tasks/{task_id}/complete", token=VENDOR_TOKEN, json_body={"data": data}
    )
    assert status == 200, moved
    return moved


def refusal(page: Page, server: RunningServer, task_id: str, data: dict) -> dict[str, str]:
    """The API's refusal of ``data`` for the task: each field's messages, worded and joined as ``page`` shows
    them."""
    status, _, problem = server.call(
        "POST", f"/api/v1/tasks/{task_id}/complete", token=VENDOR_TOKEN, json_body={"data": data}
    )
    assert status == 422, problem
    messages: dict[str, list[str]] = {}
    for error in problem["errors"]:
        assert error["in"] == "body" and error["field"].startswith("/data/"), error
        messages.setdefault(error["field"].removeprefix("/data/"), []).append(said_by(page, error))
    return {field: "; ".join(said) for field, said in messages.items()}


def element(page: Page, element_id: str):
    return page.locator(f'.djs-element[data-element-id="{element_id}"]')


def test_an_integrator_completes_the_active_task_in_the_page_and_the_marker_moves(server, page):
    instance = start(server, "simple_onboarding", "0737546-2")
    open_page(page, server, f"/instances/{instance['id']}", VENDOR_TOKEN)
    expect(page.locator("#who")).to_have_text("vendor-ajas · integrator")
    expect(element(page, "Task_fill_customer_data")).to_have_class(_has("highlight-active"))
    expect(element(page, "Start_onboarding")).to_have_class(_has("highlight-done"))
    expect(element(page, "Flow_1")).to_have_class(_has("highlight-done"))
    expect(element(page, "Task_approve")).not_to_have_class(_has("highlight-"))
    history = page.locator("#history > li")
    events_before = history.count()
    assert events_before == len(stored(server, instance["id"])[1])
    photograph(page, "instance")

    page.click("#waiting a.task-link")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#title")).to_have_text("Fill in customer data")
    expect(page.locator("#instructions .lang-fi")).to_contain_text("Palveluntuottaja antaa Y-tunnuksensa")
    expect(page.locator("#instructions .lang-en")).to_contain_text("enters its business ID")
    expect(page.locator("#instructions .rules")).to_contain_text("valid check digit")
    photograph(page, "task")

    # Checked by the server alone: the page sends what it was given, and each field error of the API's
    # 422 answer is shown at its field, in the API's words.
    completions: list[str] = []

    def sent(request) -> None:
        if request.url.endswith("/complete"):
            completions.append(request.method)

    page.on("request", sent)
    task_id = instance["ready_tasks"][0]["id"]
    before = stored(server, instance["id"])
    said = refusal(page, server, task_id, {"business_id": "0737546"})
    assert set(said) == {"business_id", "organisation_name"}
    page.fill("#field-business_id", "0737546")
    page.click("#complete")
    expect(page.locator("#error-business_id")).to_have_text(said["business_id"])
    expect(page.locator("#error-business_id")).to_contain_text("is not written as this field asks")
    expect(page.locator("#error-organisation_name")).to_have_text(said["organisation_name"])
    expect(page.locator("#error-contact_email")).to_be_hidden()
    expect(page.locator("#form-error")).to_be_hidden()  # every error found its field: no summary
    assert completions == ["POST"]

    # The check digit is wrong: the only error left is at the business ID.
    page.fill("#field-business_id", "0737546-3")
    page.fill("#field-organisation_name", "Ajas Oy")
    page.fill("#field-contact_email", "tuki@ajas.example")
    page.click("#complete")
    expect(page.locator("#error-business_id")).to_contain_text("check digit")
    expect(page.locator("#error-organisation_name")).to_be_hidden()
    expect(page.locator("#field-business_id")).to_have_attribute("aria-invalid", "true")
    assert completions == ["POST", "POST"]
    assert stored(server, instance["id"]) == before  # the refusals changed nothing stored
    photograph(page, "task-refused")

    page.fill("#field-business_id", "0737546-2")
    page.click("#complete")
    page.wait_for_url(f"**/instances/{instance['id']}")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#notice")).to_have_text("“Fill in customer data” is done.")
    expect(element(page, "Task_approve")).to_have_class(_has("highlight-active"))
    expect(element(page, "Task_fill_customer_data")).to_have_class(_has("highlight-done"))
    expect(element(page, "Task_fill_customer_data")).not_to_have_class(_has("highlight-active"))
    expect(element(page, "Flow_2")).to_have_class(_has("highlight-done"))
    expect(page.locator("#history > li[data-kind=task_completed]")).to_have_count(1)
    assert history.count() > events_before
    after, _ = stored(server, instance["id"])
    assert after["variables"]["business_id"] == "0737546-2"
    assert [t["element_id"] for t in after["ready_tasks"]] == ["Task_approve"]


def test_a_viewer_reads_everything_and_is_offered_no_button_that_changes_anything(server, page):
    instance = start(server, "simple_onboarding", "2345678-0")
    open_page(page, server, f"/instances/{instance['id']}", VIEWER_TOKEN)
    expect(page.locator("#who")).to_have_text("monitor · viewer")
    expect(page.locator("#cancel-instance")).to_have_count(0)
    page.click("#waiting a.task-link")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#complete")).to_be_hidden()
    expect(page.locator("#field-business_id")).to_be_disabled()
    expect(page.locator("#role-note")).to_contain_text("viewer")
    open_page(page, server, "/processes", VIEWER_TOKEN)
    expect(page.locator("#deploy")).to_be_hidden()
    photograph(page, "processes-viewer")


def test_an_enum_is_a_select_and_a_boolean_a_checkbox_and_both_are_sent_typed(server, page):
    instance = start(server, "obligation_check", "0201256-6")
    task_id = instance["ready_tasks"][0]["id"]
    open_page(page, server, f"/tasks/{task_id}", VENDOR_TOKEN)
    # an enum with no labels of its own is shown by its codes written as words
    expect(page.locator("#field-licence option")).to_have_text(["— choose —", "Health", "Social", "None"])
    page.click("#complete")
    expect(page.locator("#error-licence")).to_have_text(
        refusal(page, server, task_id, {"has_patient_system": False})["licence"]
    )
    expect(page.locator("#error-has_patient_system")).to_be_hidden()  # unticked is an answer: false
    page.select_option("#field-licence", label="Social")
    page.check("#field-has_patient_system")
    photograph(page, "task-choices")
    page.click("#complete")
    page.wait_for_url(f"**/instances/{instance['id']}")
    variables = stored(server, instance["id"])[0]["variables"]
    assert (variables["licence"], variables["has_patient_system"]) == ("social", True)


# Records every regular expression a script of the page builds from text (literals need no constructor).
RECORD_REGEXPS = """
window.builtRegExps = [];
window.RegExp = new Proxy(window.RegExp, {
  construct(target, args) {
    window.builtRegExps.push(String(args[0]));
    return Reflect.construct(target, args);
  },
  apply(target, self, args) {
    window.builtRegExps.push(String(args[0]));
    return Reflect.apply(target, self, args);
  },
});
"""


def test_the_server_alone_judges_a_form_and_a_pattern_never_runs_in_the_page(server, page):
    instance = start(server, "ten_tasks", "7654321-2")
    task_id = instance["ready_tasks"][0]["id"]
    page.add_init_script(RECORD_REGEXPS)
    completions: list[str] = []
    page.on(
        "request", lambda sent: completions.append(sent.method) if sent.url.endswith("/complete") else None
    )
    open_page(page, server, f"/tasks/{task_id}", VENDOR_TOKEN)
    expect(page.locator("#field-contact_person")).to_have_attribute("aria-required", "true")
    expect(page.locator(".field[data-field=contact_person] .required")).to_be_visible()
    expect(page.locator("#field-visits")).to_have_attribute("type", "number")
    expect(page.locator("#field-contact")).to_have_js_property("tagName", "TEXTAREA")

    # JSON text that does not parse is no value at all: the page says so and sends nothing.
    page.fill("#field-contact", '{"email": ')
    page.click("#complete")
    expect(page.locator("#error-contact")).to_have_text("Write valid JSON.")
    assert completions == []

    wrong = {"contact_person": "Aino  Ajas!", "reference": "aaab", "visits": 0, "contact": {"email": "no"}}
    said = refusal(page, server, task_id, wrong)
    assert set(said) == {"contact_person", "reference", "visits", "contact/email"}
    page.fill("#field-contact_person", wrong["contact_person"])
    page.fill("#field-reference", wrong["reference"])
    page.fill("#field-visits", str(wrong["visits"]))
    page.fill("#field-contact", json.dumps(wrong["contact"]))
    page.click("#complete")
    for field in ("contact_person", "reference", "visits"):
        expect(page.locator(f"#error-{field}")).to_have_text(said[field])
    expect(page.locator("#error-contact")).to_have_text(f"email: {said['contact/email']}")  # where inside
    assert completions == ["POST"]
    assert stored(server, instance["id"])[0]["ready_tasks"][0]["id"] == task_id
    patterns = {p["pattern"] for p in PATTERN_FORM["properties"].values() if "pattern" in p}
    built = page.evaluate("window.builtRegExps")
    assert patterns.isdisjoint(built), built  # the page compiled none of the form's patterns

    # A name the server's `\p{L}` takes, Finnish letters and all (a browser's pattern would refuse it).
    page.fill("#field-contact_person", "Äijälä Öhman")
    expect(page.locator("#error-contact_person")).to_be_hidden()  # a changed field drops its error
    page.fill("#field-reference", "aaaa")
    page.fill("#field-visits", "2")
    page.fill("#field-contact", '{"email": "aino@ajas.example"}')
    page.click("#complete")
    page.wait_for_url(f"**/instances/{instance['id']}")
    variables = stored(server, instance["id"])[0]["variables"]
    given = {name: variables[name] for name in PATTERN_FORM["properties"]}
    assert given == {
        "contact_person": "Äijälä Öhman",
        "reference": "aaaa",
        "visits": 2,
        "contact": {"email": "aino@ajas.example"},
    }


def test_an_answer_about_no_field_is_told_above_the_form(server, page):
    instance = start(server, "simple_onboarding", "1234567-1")
    task_id = instance["ready_tasks"][0]["id"]
    open_page(page, server, f"/tasks/{task_id}", VENDOR_TOKEN)
    complete_over_http(server, instance, {"business_id": "1234567-1", "organisation_name": "Ajas Oy"})
    status, _, problem = server.call(
        "POST",
        f"/api/v1/tasks/{task_id}/complete",
        token=VENDOR_TOKEN,
        json_body={"data": {"business_id": "1234567-1", "organisation_name": "Ajas Oy"}},
        headers={"Accept-Language": "en"},  # the page's language: this browser's is English
    )
    assert status == 409, problem

    page.fill("#field-business_id", "1234567-1")
    page.fill("#field-organisation_name", "Ajas Oy")
    page.click("#complete")
    expect(page.locator("#form-error")).to_have_text(problem["detail"])
    expect(page.locator(".field.invalid")).to_have_count(0)
    expect(page.locator("#complete")).to_be_enabled()


def test_every_page_is_usable_on_a_desktop_and_on_a_phone(server, page):
    waiting = start(server, "kela_application", "1572860-0")
    complete_over_http(
        server, waiting, {"system_name": "eRA", "access_point_oid": "1.2.246.537.6.918.18.10.13.1"}
    )
    timed = complete_over_http(server, start(server, "report_deadline", "0112038-9"), {"result": "passed"})
    assert {t["element_id"] for t in timed["pending_timers"]} == {"Timer_report_reminder", "Timer_give_up"}

    page.goto(server.url + "/login")
    photograph(page, "login")
    open_page(page, server, "/processes", ANALYST_TOKEN)
    expect(page.locator("#who")).to_have_text("modeller · analyst")
    expect(page.locator("#deploy")).to_be_visible()  # an analyst deploys
    expect(page.locator("#definitions")).to_contain_text("Simple onboarding")
    photograph(page, "processes")

    page.click("#definitions a:text('Simple onboarding')")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(element(page, "Task_fill_customer_data")).to_be_visible()
    element(page, "Task_fill_customer_data").click()
    expect(page.locator("#element-doc .lang-en")).to_contain_text("enters its business ID")
    expect(page.locator("#versions")).to_contain_text("1 (shown)")
    expect(page.locator("#start")).to_be_hidden()  # an analyst starts nothing
    photograph(page, "process")

    open_page(page, server, "/instances?process_key=kela_application&status=running", ANALYST_TOKEN)
    expect(page.locator("#instances tbody tr")).to_have_count(1)
    expect(page.locator("#f-process")).to_have_value("kela_application")
    photograph(page, "instances")

    page.click("#instances a:text('1572860-0')")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#waiting .wait-message")).to_contain_text("kela_decision")
    expect(page.locator("#waiting .wait-message button")).to_have_count(0)  # an analyst sends no message
    expect(element(page, "Catch_kela_decision")).to_have_class(_has("highlight-active"))
    photograph(page, "instance-waiting-message")

    open_page(page, server, f"/instances/{timed['id']}", ANALYST_TOKEN)
    expect(page.locator("#waiting .wait-timer")).to_have_count(2)
    expect(page.locator("#waiting .wait-timer").first).to_contain_text("due")
    expect(element(page, "Timer_give_up")).to_have_class(_has("highlight-active"))
    photograph(page, "instance-timers")

    open_page(page, server, "/tasks", ANALYST_TOKEN)
    expect(page.locator("#tasks")).to_contain_text("Report the test")
    photograph(page, "tasks")
    page.click("#tasks a:text('Report the test')")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#field-report_date")).to_have_attribute("placeholder", "d.m.yyyy")
    photograph(page, "task-date")


def _has(css_class: str) -> re.Pattern:
    """Matches a class attribute holding ``css_class`` (or, ending in "-", any class it begins)."""
    return re.compile(rf"(^|\s){re.escape(css_class)}")


def test_the_viewer_and_its_licence_are_served_by_the_app_and_me_names_the_caller(server):
    status, headers, script = server.call(
        "GET", "/cockpit-static/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js"
    )
    assert status == 200 and script.startswith("/*! bpmn-js - bpmn-navigated-viewer v18.31.1")
    status, _, licence = server.call("GET", "/cockpit-static/vendor/bpmn-js/LICENSE")
    assert status == 200 and "watermark" in licence
    status, headers, html = server.call("GET", "/instances")
    assert status == 200 and "script-src 'self'" in headers["Content-Security-Policy"]
    assert "http://" not in html and "https://" not in html  # nothing from elsewhere
    status, _, me = server.call("GET", "/api/v1/me", token=ANALYST_TOKEN)
    assert (status, me) == (
        200,
        {
            "role": "analyst",
            "name": "modeller",
            "party": None,
            "scoped": False,
            "permissions": ["deploy", "read"],
        },
    )
    assert server.call("GET", "/api/v1/me")[0] == 401
