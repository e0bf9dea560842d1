"""The cockpit honours the parties: a vendor's login lists its customers' onboardings only, its work list
holds its own lane's tasks only, and an onboarding's page says who plays which lane."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from harness.server import RunningServer
from tests.browser.chromium import open_page
from tests.conftest import FIXTURES

PROVIDER, OTHER, VENDOR = "0737546-2", "1234567-1", "2345678-0"
ADMIN = "tok-admin-".ljust(40, "0")
VENDOR_TOKEN = "tok-vendor-".ljust(40, "0")
TOKENS = f"admin:root:{ADMIN},integrator:ajas:{VENDOR_TOKEN}:{VENDOR}"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(
        tmp_path_factory.mktemp("cockpit_parties"),
        tokens=TOKENS,
        processes=FIXTURES / "parties",
        env={"KANTA_UNSCOPED_TOKENS": "refuse"},
    ) as running:
        yield running


def onboarding(server: RunningServer, business_key: str, vendor: str | None) -> dict:
    body = {"process_key": "vendor_onboarding", "business_key": business_key}
    status, _, started = server.call("POST", "/api/v1/process-instances", token=ADMIN, json_body=body)
    assert status == 201, started
    if vendor is None:
        return started
    data = {"vendor_business_id": vendor}
    task = started["ready_tasks"][0]["id"]
    status, _, named = server.call(
        "POST", f"/api/v1/tasks/{task}/complete", token=ADMIN, json_body={"data": data}
    )
    assert status == 200, named
    return named


def test_a_vendors_login_sees_its_customers_onboardings_and_its_own_tasks_only(server, page: Page):
    mine = onboarding(server, PROVIDER, VENDOR)
    theirs = onboarding(server, OTHER, None)
    open_page(page, server, "/instances", VENDOR_TOKEN)
    expect(page.locator("#who")).to_contain_text("ajas")
    expect(page.locator(f'#instances a[href="/instances/{mine["id"]}"]')).to_have_count(1)
    expect(page.locator(f'#instances a[href="/instances/{theirs["id"]}"]')).to_have_count(0)
    open_page(page, server, "/tasks", VENDOR_TOKEN)
    expect(page.locator(f'a[href="/tasks/{mine["ready_tasks"][0]["id"]}"]')).to_have_count(1)
    expect(page.locator(f'a[href="/tasks/{theirs["ready_tasks"][0]["id"]}"]')).to_have_count(0)
    open_page(page, server, f"/instances/{mine['id']}", VENDOR_TOKEN)
    expect(page.locator("#parties")).to_contain_text(f"System vendor: {VENDOR}")
    expect(page.locator("#parties")).to_contain_text(f"Service provider: {PROVIDER}")
