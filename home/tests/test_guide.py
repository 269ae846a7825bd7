"""The user guide's screens, opened in a real browser by each role: each loads in Chinese, without
errors, and leaves its picture for docs/ (`make guide`; see core/tests/browser.py).

Runs when Debian's chromium is installed (CI must have it).
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from core.tests.browser import DESKTOP, collect_errors, snap
from goodpeople.models import GoodPeopleBoardPage, Nomination
from goodpeople.tests.site import build_city
from goodpeople.tests.test_browser import log_in
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory
from volunteers.certificates import issue_certificate
from volunteers.factories import ServiceRecordFactory, VolunteerFactory, days_ago, give_hours
from volunteers.models import Inspection

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def build_guide_site():
    home = make_site_home()
    news = ChannelPageFactory(parent=home, title="动态要闻", slug="news", show_in_menus=True)
    article = ArticlePageFactory(parent=news, title="我市召开学雷锋志愿服务站建设推进会")
    city = build_city()
    # The guide's people have names, as real accounts do.
    for user, name in (
        (city.station_a, "王秀英"),
        (city.station_b, "李建华"),
        (city.reviewer, "市文明办审核员"),
        (city.editor, "市文明办编辑"),
    ):
        user.first_name = name
        user.save(update_fields=["first_name"])
    station = city.community_a.station
    volunteer = VolunteerFactory(station=station, name="杨桂英")
    give_hours(volunteer, 120)
    ServiceRecordFactory(volunteer=volunteer, recorded_by=city.station_b, activity="楼道清扫")
    issue_certificate(volunteer, city.station_a)
    Inspection.objects.create(
        community=city.community_a,
        visited_on=days_ago(20),
        inspectors="市文明办督查组",
        findings="公益广告有两处破损。",
        required_fixes="更换破损的公益广告牌。",
        deadline=days_ago(-10),
        created_by=city.reviewer,
    )
    board = GoodPeopleBoardPage.objects.child_of(city.community_a).get()
    Nomination.objects.create(
        board=board, name="刘建华", deed="跳入江中救起落水儿童。", nominator="王阿姨"
    )
    return city, article, board, volunteer


def test_each_roles_screens_for_the_guide(live_server, browser):
    city, article, board, volunteer = build_guide_site()
    screens = {
        "editor": [
            ("editor-dashboard", reverse("wagtailadmin_home")),
            ("editor-channel", reverse("wagtailadmin_explore", args=[article.get_parent().pk])),
            ("editor-article", reverse("wagtailadmin_pages:edit", args=[article.pk])),
            ("editor-settings", reverse("wagtailsettings:edit", args=["core", "sitesettings"])),
        ],
        "reviewer": [
            ("reviewer-standing", reverse("goodpeople_standing")),
            ("reviewer-ledger-dashboard", reverse("volunteers:dashboard")),
            ("reviewer-inspections", reverse("volunteers:inspections")),
            ("reviewer-nominations", reverse("wagtailsnippets_goodpeople_nomination:list")),
        ],
        "station_a": [
            ("station-community", reverse("wagtailadmin_explore", args=[city.community_a.pk])),
            ("station-nominations", reverse("wagtailsnippets_goodpeople_nomination:list")),
            ("station-volunteers", reverse("volunteers:volunteers")),
            ("station-volunteer", reverse("volunteers:volunteer", args=[volunteer.pk])),
            ("station-record-add", reverse("volunteers:record_add")),
            ("station-records", reverse("volunteers:records")),
            ("station-fixes", reverse("volunteers:fixes")),
        ],
    }
    for username, pages in screens.items():
        page = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
        errors = collect_errors(page)
        log_in(page, live_server.url, username)
        for name, url in pages:
            response = page.goto(live_server.url + url, wait_until="networkidle")
            assert response.status == 200, f"{username} {url}: {response.status}"
            expect(page.locator("h1").first).to_be_visible()
            snap(page, name)
        assert not errors, f"{username}: {errors}"
        page.context.close()
