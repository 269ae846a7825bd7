"""The moderation flow in a real browser: a station submits, the office approves, residents see.

Runs when Debian's chromium is installed (CI must have it); see core/tests/browser.py.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from core.tests.browser import DESKTOP
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


def test_station_submits_office_approves_resident_sees(live_server, browser):
    city = build_city()
    board = GoodPeopleBoardPage.objects.child_of(city.community_a).get()
    edit_url = live_server.url + reverse("wagtailadmin_pages:edit", args=[board.pk])

    station = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    log_in(station, live_server.url, "station_a")
    station.goto(edit_url)
    station.locator("#id_entries-ADD").click()
    station.fill("#id_entries-1-name", "周桂芳")
    station.select_option("#id_entries-1-category", "filial")
    # Typed in without focusing the field: focus opens Wagtail's date picker, which covers the
    # footer's submit button and closes only when it gets round to it.
    station.locator("#id_entries-1-listed_on").evaluate(
        "(field, value) => { field.value = value; field.dispatchEvent(new Event('change')); }",
        today().isoformat(),
    )
    station.fill("#id_entries-1-deed", "周桂芳照顾失明的婆婆二十年，从无怨言。")
    click_footer_action(station, 'button[name="action-submit"]')
    expect(station.locator(".messages")).to_contain_text("已经提交")

    resident = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    resident.goto(live_server.url + board.url)
    expect(resident.locator("main")).not_to_contain_text("周桂芳")

    reviewer = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    log_in(reviewer, live_server.url, "reviewer")
    reviewer.goto(edit_url)
    click_footer_action(
        reviewer,
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])',
    )
    # Approving from the editor reports the page as updated, and publishes it.
    expect(reviewer.locator(".messages")).to_contain_text("已被更新")

    resident.reload()
    expect(resident.locator(".gp-entries")).to_contain_text("周桂芳")
    expect(resident.locator(".gp-entries")).to_contain_text("孝老爱亲")
