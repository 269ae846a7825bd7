"""The home page's 身边好人, 品牌项目, 志愿者风采 and 公益广告 in a real browser, at phone and
desktop widths (screenshots home-mission-*.png).

Runs when Debian's chromium is installed (CI must have it); see core/tests/browser.py.
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.tests.browser import DESKTOP, PHONE, save_screenshots, snap
from goodpeople.factories import BoardEntryFactory, BrandShowcasePageFactory
from goodpeople.models import BrandProjectPage, GoodPeopleBoardPage
from goodpeople.tests.site import build_city
from home.models import HomePage
from home.tests.site import build_site, picture
from volunteers.factories import VolunteerFactory, give_hours

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PEOPLE = ["陈桂英", "欧阳建华", "刘德明", "黄小燕", "周志勇", "吴淑珍"]


def fill_home() -> HomePage:
    build_site()
    city = build_city()
    BrandShowcasePageFactory(parent=city.section)
    boards = list(GoodPeopleBoardPage.objects.all())
    for n, name in enumerate(PEOPLE):
        BoardEntryFactory(
            board=boards[n % 2],
            name=name,
            photo=picture(n),
            listed_on=timezone.localdate() - datetime.timedelta(days=n),
        )
        give_hours(VolunteerFactory(station=boards[n % 2].get_parent().specific.station), 90 * n)
    for n, project in enumerate(BrandProjectPage.objects.all()):
        project.cover = picture(n + 2)
        project.save_revision().publish()
    home = HomePage.objects.get()
    home.community_section = city.section
    home.banner_image = picture(3)
    home.banner_alt = "公益广告：讲文明 树新风"
    home.banner_link = city.section.url
    home.save_revision().publish()
    return home


def test_the_home_page_shows_the_good_people_projects_and_volunteers(live_server, browser):
    fill_home()
    save_screenshots(browser, live_server.url, "home-mission")
    for viewport in (PHONE, DESKTOP):
        page = browser.new_context(viewport=viewport, locale="zh-CN").new_page()
        page.goto(live_server.url)
        people = page.locator(".person-card")
        expect(people).to_have_count(6)
        expect(people.first).to_contain_text("陈桂英")
        expect(people.first.locator("img")).to_have_js_property("complete", True)
        expect(page.locator(".project-card")).to_have_count(2)
        expect(page.locator(".volunteer-ranking li")).to_have_count(5)
        banner = page.get_by_role("complementary", name="公益广告").get_by_role("img")
        banner.scroll_into_view_if_needed()
        expect(banner).to_have_attribute("alt", "公益广告：讲文明 树新风")
        expect(banner).to_have_js_property("complete", True)
        assert banner.evaluate("e => e.naturalWidth") == 1200
        snap(page, f"home-mission-banner-{'phone' if viewport is PHONE else 'desktop'}")
        page.get_by_role("link", name="全部品牌项目").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("品牌项目展示")
