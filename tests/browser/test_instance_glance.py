"""Where an instance stands, at a glance: above its diagram, what it waits for (a task with its lane, a
message with the party it comes from and since when, a timer with its due date, all in Finnish time) with a
button to act; the diagram opens readable at the step it waits at and leaves the page's scrolling alone
until it is clicked."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from harness.server import RunningServer
from tests.browser.chromium import open_page, photograph

VENDOR_TOKEN = "tok-vendor-0123456789abcdef0123456789"
KELA_TOKEN = "tok-kela-0123456789abcdef0123456789"
VIEWER_TOKEN = "tok-viewer-0123456789abcdef0123456789"
TOKENS = ",".join(
    (
        f"integrator:vendor-ajas:{VENDOR_TOKEN}",
        f"integrator:kela-extranet:{KELA_TOKEN}",
        f"viewer:monitor:{VIEWER_TOKEN}",
    )
)
SERVICE_TIME = "2026-01-05T09:00:00+02:00"  # Finnish: 5.1.2026 klo 9.00
VIEW = "document.querySelector('#diagram .viewport').transform.baseVal.consolidate().matrix"
SCALE = f"{VIEW}.a"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(
        tmp_path_factory.mktemp("glance"), tokens=TOKENS, clock=f"adjustable@{SERVICE_TIME}"
    ) as running:
        yield running


def start(server: RunningServer, process_key: str, business_key: str) -> dict:
    status, _, started = server.call(
        "POST",
        "/api/v1/process-instances",
        token=VENDOR_TOKEN,
        json_body={"process_key": process_key, "business_key": business_key},
    )
    assert status == 201, started
    return started


def complete_first(server: RunningServer, instance: dict, data: dict) -> dict:
    task = instance["ready_tasks"][0]["id"]
    status, _, moved = server.call(
        "POST", f"/api/v1/tasks/{task}/complete", token=VENDOR_TOKEN, json_body={"data": data}
    )
    assert status == 200, moved
    return moved


def diagram_scale(page: Page) -> float:
    """The diagram's zoom: 1 draws it at the size it was modelled, labels as written."""
    return page.evaluate(SCALE)


def settled(page: Page, condition, seconds: float = 10) -> None:
    """Wait until ``condition`` holds (the page's CSP forbids the string scripts wait_for_function sends)."""
    for _ in range(int(seconds * 10)):
        if condition():
            return
        page.wait_for_timeout(100)
    assert condition()


def inside_frame(page: Page, element_id: str) -> bool:
    shape = page.locator(f'#diagram .djs-element[data-element-id="{element_id}"]').bounding_box()
    frame = page.locator("#diagram").bounding_box()
    return (
        frame["x"] <= shape["x"]
        and shape["x"] + shape["width"] <= frame["x"] + frame["width"]
        and frame["y"] <= shape["y"]
        and shape["y"] + shape["height"] <= frame["y"] + frame["height"]
    )


def test_a_task_is_shown_above_the_diagram_with_its_lane_and_a_button_that_opens_it(server, page):
    instance = start(server, "ten_tasks", "0737546-2")
    open_page(page, server, f"/instances/{instance['id']}", VENDOR_TOKEN)

    # known by whose onboarding it is and of which process; its id is no fact of it, only a support detail
    expect(page.locator("#title-whose")).to_have_text("0737546-2")
    expect(page.locator("#title-process")).to_have_text("Ten tasks")
    expect(page.locator("#facts")).not_to_contain_text(instance["id"])
    expect(page.locator("#support-id code")).to_have_text(instance["id"])

    task = page.locator("#waiting .wait-task")
    expect(task).to_have_count(1)
    expect(task.locator(".wait-what")).to_contain_text(instance["ready_tasks"][0]["name"])
    lane = instance["ready_tasks"][0]["lane"]
    if lane:
        expect(task.locator(".wait-lane")).to_have_text(lane)
    expect(task.locator(".wait-when")).to_contain_text("ready since 5.1.2026 klo 9.00")
    glance = page.locator("#glance").bounding_box()
    assert glance["y"] + glance["height"] <= page.locator("#diagram").bounding_box()["y"]

    # The diagram is wide (too small to read when fitted): it opens at the waiting step, at full size.
    waiting_at = instance["ready_tasks"][0]["element_id"]
    assert diagram_scale(page) >= 0.85
    assert inside_frame(page, waiting_at)
    photograph(page, "instance-glance-task")

    task.locator("a.task-link").click()
    page.wait_for_url(f"{server.url}/tasks/{instance['ready_tasks'][0]['id']}")


def test_the_wheel_scrolls_the_page_past_the_diagram_until_the_diagram_is_clicked(server, page):
    instance = start(server, "ten_tasks", "1572860-0")
    open_page(page, server, f"/instances/{instance['id']}", VENDOR_TOKEN)
    page.set_viewport_size({"width": 1280, "height": 600})
    scale = diagram_scale(page)
    page.evaluate(
        "scrollTo(0, document.querySelector('#diagram').getBoundingClientRect().top + scrollY - 50)"
    )
    top = page.evaluate("scrollY")
    box = page.locator("#diagram").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 40)

    page.mouse.wheel(0, 200)
    settled(page, lambda: page.evaluate("scrollY") > top)
    assert diagram_scale(page) == scale  # the wheel scrolled the page, not the diagram

    page.evaluate(f"scrollTo(0, {top})")
    box = page.locator("#diagram").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + 40)
    panned_from = page.evaluate(f"{VIEW}.f")
    page.mouse.wheel(0, 200)
    settled(page, lambda: page.evaluate(f"{VIEW}.f") != panned_from)
    assert page.evaluate("scrollY") == top  # clicked: now the wheel moves the diagram, not the page


def test_a_message_says_who_sends_it_and_since_when_and_offers_its_form_to_whom_may_send_it(server, page):
    instance = start(server, "kela_application", "2345678-5")
    waiting = complete_first(
        server, instance, {"system_name": "eRA", "access_point_oid": "1.2.246.537.6.918.18.10.13.1"}
    )
    assert waiting["waiting_messages"][0]["lane"] == "Kela"
    open_page(page, server, f"/instances/{instance['id']}", KELA_TOKEN)

    message = page.locator("#waiting .wait-message")
    expect(message.locator(".wait-what")).to_contain_text("kela_decision")
    expect(message.locator(".wait-lane")).to_have_text("from Kela")
    expect(message.locator(".wait-when")).to_contain_text("waiting since 5.1.2026 klo 9.00")
    assert inside_frame(page, "Catch_kela_decision")

    message.locator("button.send-message").click()
    expect(page.locator("#send-message")).to_be_visible()
    expect(page.locator("#message-about")).to_contain_text("from Kela")
    photograph(page, "instance-glance-message")
    # (a viewer is shown the same wait with no button and no form: test_message_form.py)

    # The list names the step by the event that catches the message, as the diagram does, not by its code
    open_page(page, server, "/instances?q=2345678-5", KELA_TOKEN)
    expect(page.locator("#instances .steps li[data-kind=message]")).to_have_text(["Kela decision received"])


def test_a_timer_says_when_it_falls_due_in_finnish_time(server, page):
    instance = start(server, "report_deadline", "0112038-9")
    waiting = complete_first(server, instance, {"result": "passed"})
    due = {t["name"]: t["due_at"] for t in waiting["pending_timers"]}
    open_page(page, server, f"/instances/{instance['id']}", VIEWER_TOKEN)

    timers = page.locator("#waiting .wait-timer")
    expect(timers).to_have_count(len(due))
    # 5.1.2026 klo 9.00 plus two days, and plus thirty days, in Finnish time
    expect(timers.locator(".wait-when")).to_contain_text(["due 7.1.2026 klo 9.00", "due 4.2.2026 klo 9.00"])
    photograph(page, "instance-glance-timers")
