"""The cockpit speaks Finnish, Swedish and English: the browser's language first (Finnish when it asks for
none of them), then the one chosen with the control in the top bar, remembered in the browser. Its pages show
the catalogue's rules, not the references to the source documents they come from."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.chromium import DESKTOP, ROOT, photograph, signed_in

SERVICE = {"processes": ROOT / "processes"}  # the catalogue: Finnish names, English and Swedish beside them
STARTED = "patient_data_repository_onboarding"


def test_a_finnish_browser_gets_finnish_and_the_choice_of_swedish_is_remembered(browser, server, instance):
    context, page = signed_in(browser, server, locale="fi-FI")
    page.goto(f"{server.url}/instances/{instance['id']}")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    assert page.evaluate("document.documentElement.lang") == "fi"
    expect(page.locator(".mainnav a")).to_have_text(["Prosessit", "Liittymiset", "Tehtävät"])
    expect(page.locator(".skip-link")).to_have_text("Siirry sisältöön")
    expect(page.locator("#glance-title")).to_have_text("Odottaa")
    expect(page.locator("#waiting .wait-task .task-link")).to_have_text("Avaa tehtävä")
    expect(page.locator("#waiting .wait-task .wait-when")).to_contain_text("valmiina")
    photograph(page, "instance-fi")

    page.select_option("#language", "sv")
    page.wait_for_load_state()
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator(".mainnav a")).to_have_text(["Processer", "Anslutningar", "Uppgifter"])
    expect(page.locator("#glance-title")).to_have_text("Väntar på")

    other = context.new_page()  # another tab of the same browser remembers the choice (it signs in anew)
    other.goto(f"{server.url}/processes/patient_data_repository_onboarding/oversight")
    expect(other.locator("#language")).to_have_value("sv")
    expect(other.locator(".skip-link")).to_have_text("Hoppa till innehållet")
    assert other.evaluate("document.documentElement.lang") == "sv"
    context.close()


def test_a_browser_asking_for_none_of_the_three_gets_finnish(browser, server):
    context, page = signed_in(browser, server, locale="de-DE")
    expect(page.locator(".mainnav a").first).to_have_text("Prosessit")
    expect(page.locator("#language")).to_have_value("fi")
    page.goto(f"{server.url}/processes/patient_data_repository_onboarding")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator(".diagram-section h2")).to_have_text("Kaavio")
    expect(page.locator("#facts dt").first).to_have_text("Prosessin avain")
    expect(page.locator("#versions th").first).to_have_text("Versio")
    expect(page.locator("#facts dd").nth(1)).to_have_text("1 (uusin)")
    step = page.locator('#diagram .djs-element[data-element-id="Task_contact_vendor"]')
    expect(step).to_have_attribute("aria-label", "Käyttäjätehtävä: Ota yhteyttä järjestelmätoimittajaan")
    photograph(page, "process-fi")
    context.close()


def test_no_reference_to_the_source_documents_is_shown(browser, server):
    context, page = signed_in(browser, server, locale="en-US")
    page.goto(f"{server.url}/processes/patient_data_repository_onboarding")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#summary")).to_contain_text("Contact the system vendor")
    page.locator('.djs-element[data-element-id="Task_contact_vendor"]').click()
    expect(page.locator("#element-doc")).to_contain_text("contacts its system vendor")
    shown = page.locator("#main").inner_text()
    assert not re.search(r"\bseeds?\b|Source:", shown, re.IGNORECASE), shown
    context.close()


def step_label(page, element_id: str) -> str:
    """The name drawn on a step of the diagram, without the spaces (bpmn-js wraps it, a long word too)."""
    drawn = page.locator(f'#diagram .djs-element[data-element-id="{element_id}"] text')
    return "".join("".join(drawn.first.locator("tspan").all_text_contents()).split())


def test_the_lists_the_task_and_the_start_page_speak_finnish_and_say_a_wrong_date_in_finnish(
    browser, server, instance
):
    context, page = signed_in(browser, server, locale="fi-FI")
    expect(page.locator("h1")).to_have_text("Liittymiset")
    expect(page.locator("label[for=f-q]")).to_have_text("Y-tunnus tai organisaatio")
    expect(page.locator("#f-due-before")).to_have_attribute("placeholder", "p.k.vvvv")
    expect(page.locator("#filters button[type=submit]")).to_have_text("Hae")
    expect(page.locator("#instances th").nth(3)).to_have_text("Nykyinen vaihe")
    expect(page.locator("#instances .status").first).to_have_text("käynnissä")
    expect(page.locator("#pager")).to_contain_text("1–1 / 1")
    assert page.title() == "Liittymiset · Kanta onboarding"
    photograph(page, "instances-fi")

    page.goto(f"{server.url}/tasks")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("label[for=f-mine]")).to_have_text("Omat tehtäväni")
    expect(page.locator("#tasks th")).to_have_text(
        ["Tehtävä", "Prosessi", "Liittyminen", "Kaista", "Valmiina alkaen"]
    )
    expect(page.locator("#tasks tbody td").nth(3)).to_have_text("Palvelunantaja")

    page.goto(f"{server.url}/tasks/{instance['ready_tasks'][0]['id']}")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#complete")).to_have_text("Merkitse tehtävä tehdyksi")
    expect(page.locator("#facts dt").first).to_have_text("Prosessi")
    page.fill("#field-contacted_on", "31.2.2026")
    page.click("#complete")
    expect(page.locator("#error-contacted_on")).to_have_text("31.2.2026 ei ole kalenterin päivä.")
    page.fill("#field-contacted_on", "1.9.26")
    page.click("#complete")
    expect(page.locator("#error-contacted_on")).to_have_text(
        "Kirjoita päivämäärä muodossa päivä.kuukausi.vuosi, esim. 1.9.2026."
    )
    photograph(page, "task-fi")

    gone = "00000000-0000-4000-8000-000000000000"
    page.goto(f"{server.url}/instances/{gone}")  # an onboarding nobody may see: said for a person, no id
    expect(page.locator("#main")).to_have_attribute("data-ready", "error")
    expect(page.locator("#notice")).to_have_text(
        "Tätä ei ole: se on poistettu, tai se ei ole sinun nähtävissäsi."
    )

    page.goto(f"{server.url}/instances/start")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("h1")).to_have_text("Aloita liittyminen")
    expect(page.locator("#start-button")).to_have_text("Aloita liittyminen")
    expect(page.locator("label[for=field-business_key]")).to_have_text("Y-tunnus *")
    page.fill("#field-business_key", "0737546-3")
    page.click("#start-button")  # the API refuses: its reasons are said in Finnish at their fields
    expect(page.locator("#error-business_key")).to_have_text(
        "0737546-3 ei ole Y-tunnus: seitsemän numeroa, väliviiva ja oikea tarkistusnumero."
    )
    expect(page.locator("#error-organisation_name")).to_have_text("Täytä tämä kenttä.")
    photograph(page, "start-fi")
    context.close()

    login = browser.new_context(viewport=DESKTOP, locale="fi-FI").new_page()
    login.goto(f"{server.url}/login")
    expect(login.locator("#main")).to_have_attribute("data-ready", "true")
    expect(login.locator("h1")).to_have_text("Kirjaudu")
    login.click("#login-form button[type=submit]")
    expect(login.locator("#token-error")).to_have_text("Liitä API-tunnisteesi.")
    login.fill("#token", "tok-unknown-0123456789abcdef0123456789")
    login.click("#login-form button[type=submit]")
    expect(login.locator("#token-error")).to_have_text("Tätä tunnistetta ei tunneta.")
    photograph(login, "login-fi")
    login.context.close()


def test_a_switch_to_english_names_the_steps_in_english_on_the_diagram_the_lists_and_the_task(
    browser, server, instance
):
    context, page = signed_in(browser, server, locale="fi-FI")
    asked: list[str | None] = []
    page.on(
        "request",
        lambda sent: asked.append(sent.headers.get("accept-language")) if "/api/v1/" in sent.url else None,
    )
    page.goto(f"{server.url}/instances/{instance['id']}")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    assert step_label(page, "Task_contact_vendor") == "Otayhteyttäjärjestelmätoimittajaan"
    expect(page.locator("#waiting .wait-task strong")).to_have_text("Ota yhteyttä järjestelmätoimittajaan")
    assert asked and set(asked) == {"fi"}, asked  # every call asks for the language chosen

    page.select_option("#language", "en")
    page.wait_for_load_state()
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    assert step_label(page, "Task_contact_vendor") == "Contactthesystemvendor"
    expect(page.locator("#waiting .wait-task strong")).to_have_text("Contact the system vendor")
    expect(page.locator("#waiting .wait-task .wait-lane")).to_have_text("Service provider")
    expect(page.locator("#history")).to_contain_text("Patient Data Repository onboarding started")
    photograph(page, "instance-en-names")
    assert "en" in asked and set(asked) == {"fi", "en"}, asked

    page.goto(f"{server.url}/instances")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#instances .steps li")).to_have_text(["Contact the system vendor"])
    page.goto(f"{server.url}/tasks/{instance['ready_tasks'][0]['id']}")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#title")).to_have_text("Contact the system vendor")
    page.goto(f"{server.url}/processes/patient_data_repository_onboarding/oversight")
    expect(page.locator("#main")).to_have_attribute("data-ready", "true")
    expect(page.locator("#waiting tbody td").first).to_have_text("Contact the system vendor")
    context.close()
