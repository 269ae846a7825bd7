"""The moderation flow in a real browser: a station submits, the office approves, residents see.

Runs when Debian's chromium is installed (CI must have it); see core/tests/browser.py.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from core.tests.browser import DESKTOP, PHONE, snap
from goodpeople.models import GoodPeopleBoardPage
from goodpeople.tests.site import PASSWORD, build_city, today

# The live server needs committed data; the rollback brings back what migrations created.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(base_url + reverse("wagtailadmin_login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def click_footer_action(page: Page, selector: str) -> None:
    """Click an action of the editor's footer menu, opening its dropdown when it is inside."""
    button = page.locator(selector).first
    if not button.is_visible():
        page.locator("footer .w-dropdown-button .w-dropdown__toggle").first.click()
    button.click()


def set_date(page: Page, selector: str, value: str) -> None:
    # Typed in without focusing the field: focus opens Wagtail's date picker, which covers the
    # footer's submit button and closes only when it gets round to it.
    page.locator(selector).evaluate(
        "(field, value) => { field.value = value; field.dispatchEvent(new Event('change')); }",
        value,
    )


def test_the_moderation_loop_with_a_change_requested(live_server, browser):
    """Station submits → reviewer previews the new entry → sends it back with a comment →
    the station sees why, fixes, resubmits → reviewer approves → a resident sees the entry.
    The screenshots are the user guide's (docs/)."""
    city = build_city()
    board = GoodPeopleBoardPage.objects.child_of(city.community_a).get()
    edit_url = live_server.url + reverse("wagtailadmin_pages:edit", args=[board.pk])

    station = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    log_in(station, live_server.url, "station_a")
    station.goto(edit_url)
    station.locator("#id_entries-ADD").click()
    station.fill("#id_entries-1-name", "周桂芳")
    station.select_option("#id_entries-1-category", "filial")
    set_date(station, "#id_entries-1-listed_on", today().isoformat())
    station.fill("#id_entries-1-deed", "周桂芳照顾失明的婆婆。")
    snap(station, "station-board-edit")
    click_footer_action(station, 'button[name="action-submit"]')
    expect(station.locator(".messages")).to_contain_text("已经提交")

    resident = browser.new_context(viewport=PHONE, locale="zh-CN").new_page()
    resident.goto(live_server.url + board.url)
    expect(resident.locator("main")).not_to_contain_text("周桂芳")

    reviewer = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    log_in(reviewer, live_server.url, "reviewer")
    expect(reviewer.locator("main")).to_contain_text("甘棠社区·身边好人榜")
    snap(reviewer, "reviewer-dashboard")
    task_state = GoodPeopleBoardPage.objects.get(pk=board.pk).current_workflow_task_state
    reviewer.goto(
        live_server.url
        + reverse("wagtailadmin_pages:workflow_preview", args=[board.pk, task_state.task_id])
    )
    expect(reviewer.locator(".gp-entries")).to_contain_text("周桂芳照顾失明的婆婆。")
    snap(reviewer, "reviewer-preview")

    reviewer.goto(edit_url)
    click_footer_action(reviewer, 'button[data-workflow-action-name="reject"]')
    reviewer.locator("textarea[name=comment]").fill("请写明照顾了多少年、有什么具体事迹。")
    snap(reviewer, "reviewer-request-changes")
    reviewer.locator("form:has(textarea[name=comment]) button[type=submit]").click()
    # Acting from the editor saves the page too: Wagtail reports it as updated.
    expect(reviewer.locator(".messages")).to_contain_text("已被更新")

    station.goto(live_server.url + reverse("wagtailadmin_explore", args=[city.community_a.pk]))
    expect(station.locator("main")).to_contain_text("需修改")
    expect(station.locator("main")).to_contain_text("请写明照顾了多少年")
    snap(station, "station-listing-changes-requested")
    station.goto(edit_url)
    expect(station.locator(".messages")).to_contain_text("请写明照顾了多少年、有什么具体事迹。")
    snap(station, "station-edit-changes-requested")
    deed = station.locator("textarea[id$='-deed']").filter(has_text="周桂芳照顾失明的婆婆。")
    deed.fill("周桂芳照顾失明的婆婆二十年，从无怨言。")
    click_footer_action(station, 'button[name="action-submit"]')
    expect(station.locator(".messages")).to_contain_text("已经提交")

    reviewer.goto(edit_url)
    click_footer_action(
        reviewer,
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])',
    )
    # Approving from the editor reports the page as updated, and publishes it.
    expect(reviewer.locator(".messages")).to_contain_text("已被更新")

    resident.reload()
    expect(resident.locator(".gp-entries")).to_contain_text("周桂芳照顾失明的婆婆二十年")
    expect(resident.locator(".gp-entries")).to_contain_text("孝老爱亲")
    snap(resident, "resident-board-phone")
