"""What a person types into a form: dates the Finnish way in an English browser, stored as ISO 8601; values
the task starts from marked and replaced by typing; choices by their labels. Against the real server in
Debian's chromium; photographed at 1280 and 390 px into build/screenshots/."""

from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import Browser, expect

from harness.server import PROCESSES, RunningServer
from tests.browser.chromium import DESKTOP, open_page, photograph

INTEGRATOR_TOKEN = "tok-vendor-0123456789abcdef0123456789"
TOKENS = f"integrator:vendor-ajas:{INTEGRATOR_TOKEN}"

# The steps of "ten_tasks" ask, in these tests, for a date with bounds of its own and two kinds of choice.
STEP_FORM = {
    "type": "object",
    "properties": {
        "decided_on": {
            "type": "string",
            "format": "date",
            "title": "Decided on",
            "formatMinimum": "2026-01-01",
            "formatMaximum": "2027-12-31",
        },
        "provider_type": {
            "title": "Provider type",
            "oneOf": [
                {"const": "private_provider", "title": "Yksityinen palveluntuottaja"},
                {"const": "public_provider", "title": "Julkinen palveluntuottaja"},
            ],
        },
        "region": {
            "type": "string",
            "title": "Region",
            "enum": ["north", "south"],
            "enumNames": ["Pohjoinen", "Etelä"],
        },
    },
    "required": ["decided_on"],
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    processes = tmp_path_factory.mktemp("processes")
    shutil.copytree(PROCESSES, processes, dirs_exist_ok=True)
    (processes / "forms" / "step.json").write_text(json.dumps(STEP_FORM))
    with RunningServer(tmp_path_factory.mktemp("forms"), tokens=TOKENS, processes=processes) as running:
        yield running


@pytest.fixture
def page(browser: Browser, server: RunningServer):
    """A page in a browser that speaks American English, whose own date control would say mm/dd/yyyy."""
    context = browser.new_context(viewport=DESKTOP, locale="en-US", timezone_id="America/New_York")
    errors: list[str] = []
    opened = context.new_page()
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == []


def started(server: RunningServer, process_key: str, business_key: str, **variables) -> dict:
    status, _, instance = server.call(
        "POST",
        "/api/v1/process-instances",
        token=INTEGRATOR_TOKEN,
        json_body={"process_key": process_key, "business_key": business_key, "variables": variables},
    )
    assert status == 201, instance
    return instance


def variables_of(server: RunningServer, instance: dict) -> dict:
    return server.call("GET", f"/api/v1/process-instances/{instance['id']}", token=INTEGRATOR_TOKEN)[2][
        "variables"
    ]


def completions(page) -> list[str]:
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.method) if r.url.endswith("/complete") else None)
    return sent


@pytest.mark.parametrize(("typed", "stored"), [("1.9.2026", "2026-09-01"), ("01.09.2026", "2026-09-01")])
def test_a_date_typed_the_finnish_way_in_an_english_browser_is_stored_as_meant(server, page, typed, stored):
    instance = started(server, "ten_tasks", f"date-{typed}")
    open_page(page, server, f"/tasks/{instance['ready_tasks'][0]['id']}", INTEGRATOR_TOKEN)
    field = page.locator("#field-decided_on")
    expect(field).to_have_attribute("type", "text")  # not the browser's mm/dd/yyyy control
    expect(field).to_have_attribute("placeholder", "d.m.yyyy")
    field.fill(typed)
    page.click("#complete")
    page.wait_for_url(f"**/instances/{instance['id']}")
    assert variables_of(server, instance)["decided_on"] == stored


def test_a_year_not_written_in_full_or_a_day_not_in_the_calendar_is_not_sent(server, page):
    instance = started(server, "ten_tasks", "date-unreadable")
    sent = completions(page)
    open_page(page, server, f"/tasks/{instance['ready_tasks'][0]['id']}", INTEGRATOR_TOKEN)
    page.fill("#field-decided_on", "1.9.26")
    page.click("#complete")
    expect(page.locator("#error-decided_on")).to_have_text("Write the date as day.month.year, e.g. 1.9.2026.")
    page.fill("#field-decided_on", "31.2.2026")
    page.click("#complete")
    expect(page.locator("#error-decided_on")).to_have_text("31.2.2026 is not a day of the calendar.")
    assert sent == []

    # A readable date outside the field's own range is the server's to refuse, at the field.
    page.fill("#field-decided_on", "1.1.2030")
    page.click("#complete")
    expect(page.locator("#error-decided_on")).to_have_text(
        "1.1.2030 is later than this field takes: give a date until 31.12.2027."
    )
    assert sent == ["POST"]
    photograph(page, "form-date-refused")


def test_choices_are_shown_by_their_labels_and_sent_by_their_codes(server, page):
    instance = started(server, "ten_tasks", "choices")
    open_page(page, server, f"/tasks/{instance['ready_tasks'][0]['id']}", INTEGRATOR_TOKEN)
    expect(page.locator("#field-provider_type option")).to_have_text(
        ["— choose —", "Yksityinen palveluntuottaja", "Julkinen palveluntuottaja"]
    )
    expect(page.locator("#field-region option")).to_have_text(["— choose —", "Pohjoinen", "Etelä"])
    page.fill("#field-decided_on", "2.3.2026")
    page.select_option("#field-provider_type", label="Julkinen palveluntuottaja")
    page.select_option("#field-region", label="Etelä")
    page.click("#complete")
    page.wait_for_url(f"**/instances/{instance['id']}")
    given = variables_of(server, instance)
    assert (given["provider_type"], given["region"], given["decided_on"]) == (
        "public_provider",
        "south",
        "2026-03-02",
    )


def test_a_value_the_task_starts_from_is_marked_shown_the_finnish_way_and_replaced_by_typing(server, page):
    instance = started(server, "ten_tasks", "prefilled", decided_on="2026-05-04", region="north")
    open_page(page, server, f"/tasks/{instance['ready_tasks'][0]['id']}", INTEGRATOR_TOKEN)
    expect(page.locator("#field-decided_on")).to_have_value("4.5.2026")
    expect(page.locator("#prefilled-decided_on")).to_be_visible()
    expect(page.locator("#prefilled-region")).to_be_visible()
    expect(page.locator("#field-region option:checked")).to_have_text("Pohjoinen")
    expect(page.locator("#prefilled-provider_type")).to_have_count(0)  # nothing given: nothing marked
    photograph(page, "form-prefilled")
    page.click("#field-decided_on")
    page.keyboard.type("6.7.2026")  # entering the field selects what it holds: typing replaces it
    expect(page.locator("#field-decided_on")).to_have_value("6.7.2026")
    page.click("#complete")
    page.wait_for_url(f"**/instances/{instance['id']}")
    assert variables_of(server, instance)["decided_on"] == "2026-07-06"
