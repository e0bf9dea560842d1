"""The features' HTML reports in a real browser: coverage drawn on a diagram, and the living documentation.

Both open from disk (file://), as a reader opens them after a test run; screenshots go to build/screenshots/.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.chromium import DESKTOP, photograph
from tests.features_run import run_features

KEY = "vendor_package_onboarding"


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    run = run_features(KEY, tmp_path_factory.mktemp("reports"))
    assert run.returncode == 0, run.output
    return run


@pytest.fixture
def page(browser: Browser):
    context = browser.new_context(viewport=DESKTOP)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: message.type == "error" and errors.append(message.text))
    yield opened
    context.close()
    assert errors == [], errors


def test_the_coverage_report_draws_the_diagram_with_taken_and_missed_elements(reports, page: Page):
    coverage = reports.coverage()["processes"]
    page.goto((reports.coverage_dir / "index.html").as_uri())
    expect(page.locator("tbody tr")).to_have_count(len(coverage))
    page.click(f'a[href="{KEY}.html"]')

    expect(page.locator("body")).to_have_attribute("data-drawn", "yes")
    expect(page.locator("#canvas svg .djs-element").first).to_be_visible()
    measured = coverage[KEY]
    assert measured["sequence_flows"]["percent"] == 100.0  # this feature takes every flow of its diagram
    expect(page.locator("#flows-percent")).to_have_text("100.0 %")
    taken = page.locator(".djs-element.covered")
    expect(taken).to_have_count(measured["flow_nodes"]["total"] + measured["sequence_flows"]["total"])
    expect(page.locator('.djs-connection.covered[data-element-id="Flow_pdr_not_approved"]')).to_be_visible()
    photograph(page, "coverage-vendor-package")

    # A diagram no feature of this run touched: everything drawn as missed.
    page.goto((reports.coverage_dir / "usage_extension.html").as_uri())
    expect(page.locator("body")).to_have_attribute("data-drawn", "yes")
    expect(page.locator(".djs-element.covered")).to_have_count(0)
    expect(page.locator('.djs-element.missed[data-element-id="Start_usage_extension"]')).to_be_visible()
    photograph(page, "coverage-missed")


def test_the_living_documentation_shows_every_scenario_and_step_in_finnish_and_links_the_diagram(
    reports, page: Page
):
    features = reports.features()
    scenarios = [s for f in features for s in f["elements"]]
    page.goto((reports.living_documentation_dir / "index.html").as_uri())
    expect(page.locator("h2")).to_contain_text(["Ominaisuus: Kanta-palveluihin liittyminen"])
    expect(page.locator("details.scenario")).to_have_count(len(scenarios))
    expect(page.locator("details.scenario.failed")).to_have_count(0)
    steps = sum(len(s["steps"]) for s in scenarios)
    expect(page.locator("li.step.passed")).to_have_count(steps)
    expect(page.locator("#totals")).to_contain_text(f"{len(scenarios)} tapausta")
    page.locator("details.scenario summary").first.click()
    expect(page.locator("li.step").first).to_contain_text("Oletetaan palvelunantajan aloittaneen prosessin")
    # The data each step gave, as the feature file has it (cucumber JSON leaves data tables out).
    expect(page.locator("table.data td", has_text="1.2.246.537.6.918.18.10.13.1").first).to_be_visible()
    # An outline's run shows its own example's values, not the placeholders.
    first_run = page.locator("details.scenario").first
    expect(first_run.locator("tr", has_text="wants_prescription")).to_contain_text("kyllä")
    expect(page.locator("table.data td", has_text="<resepti>")).to_have_count(0)
    photograph(page, "living-documentation")

    page.click("a.coverage")
    expect(page.locator("body")).to_have_attribute("data-drawn", "yes")
    expect(page.locator("#canvas svg .djs-element.covered").first).to_be_visible()
    photograph(page, "living-documentation-diagram")
