"""志愿者风采, certificate verification and the office's ranking in a real browser, at phone
and desktop widths.

Runs when Debian's chromium is installed (CI must have it); see core/tests/browser.py.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from core.tests.browser import DESKTOP, save_screenshots, snap
from core.tests.utils import make_site_root
from goodpeople.tests.site import PASSWORD, build_city
from volunteers.certificates import issue_certificate
from volunteers.factories import VolunteerFactory, give_hours
from volunteers.models import Commendation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def fill_ledger():
    """A city whose volunteers have hours, titles and a certificate."""
    make_site_root()
    city = build_city()
    names = ["欧阳秀兰", "张志强", "王建国", "司马春华", "李明"]
    volunteers = []
    for n, name in enumerate(names):
        station = (city.community_a if n % 2 else city.community_b).station
        volunteer = VolunteerFactory(station=station, name=name, mask_public_name=n % 3 == 0)
        give_hours(volunteer, 700 - n * 120)
        volunteers.append(volunteer)
    Commendation.objects.create(
        volunteer=volunteers[1], title="2026年度优秀志愿者", awarded_by=city.reviewer
    )
    return city, issue_certificate(volunteers[1], city.reviewer)


def contrast(page: Page, selector: str) -> float:
    """The WCAG contrast ratio of an element's text on its own background colour."""
    return page.evaluate(
        """(selector) => {
            const style = getComputedStyle(document.querySelector(selector));
            const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
            const lum = (c) => {
                const [r, g, b] = rgb(c).map((v) => {
                    v /= 255;
                    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
                });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
            return (a + 0.05) / (b + 0.05);
        }""",
        selector,
    )


def test_certificate_verification_is_legible_and_answers(live_server, browser):
    _, certificate = fill_ledger()
    url = live_server.url + reverse("certificate_verify")
    save_screenshots(browser, url, "certificate-verify-empty")
    save_screenshots(browser, f"{url}?number={certificate.number}", "certificate-verify-found")
    save_screenshots(browser, f"{url}?number=JJZY-2026-999999-ZZZZ", "certificate-verify-missing")

    page = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    page.goto(url)
    assert contrast(page, ".verify-form button") >= 4.5
    border = page.evaluate("getComputedStyle(document.querySelector('#number')).borderTopWidth")
    assert border != "0px"
    page.fill("#number", certificate.number.lower())
    page.get_by_role("button", name="查询").click()
    expect(page.locator(".verify-result")).to_contain_text("是真实有效的志愿服务证明")


def test_the_honour_roll_is_cards_on_a_phone_and_a_table_on_a_desktop(live_server, browser):
    fill_ledger()
    url = live_server.url + reverse("honour_roll")
    save_screenshots(browser, url, "honour-roll")
    for viewport, cards in (({"width": 390, "height": 844}, True), (DESKTOP, False)):
        page = browser.new_context(viewport=viewport, locale="zh-CN").new_page()
        page.goto(url)
        name = page.locator(".roll-name", has_text="张志强")
        line_height = float(name.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)") or 0)
        # The name stays on one line, however narrow the screen.
        assert name.bounding_box()["height"] < 2 * line_height + 16
        display = page.locator(".honour-roll tr").first.evaluate("e => getComputedStyle(e).display")
        assert (display == "block") == cards
        expect(page.locator(".honour-roll")).to_contain_text("2026年度优秀志愿者")


def test_the_office_ranking_fits_a_laptop_screen(live_server, browser):
    fill_ledger()
    page = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(live_server.url + reverse("volunteers:dashboard"))
    ranking = page.locator(".ranking-scroll")
    ranking.scroll_into_view_if_needed()
    snap(page, "office-ranking-desktop")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the dashboard scrolls sideways by {overflow}px"
    box = ranking.bounding_box()
    assert box["x"] + box["width"] <= DESKTOP["width"]
    # Scrolled to its last column, the table still shows which community each row is.
    ranking.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    last = page.locator(".ranking-table thead th").last.bounding_box()
    assert last["x"] + last["width"] <= box["x"] + box["width"] + 1
    community = page.locator(".ranking-table tbody .community-col").first
    expect(community).to_be_in_viewport()
    community_box = community.bounding_box()
    assert box["x"] <= community_box["x"] < box["x"] + 200
    snap(page, "office-ranking-scrolled-desktop")
