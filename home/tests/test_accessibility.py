"""Every public page type in a real browser, normal and 关怀版, at phone and desktop widths:
axe-core finds no WCAG 2.1 AA violation, and the screenshots show what a reader sees.

axe-core comes with the axe-playwright-python package (the test extras); nothing is fetched
while the tests run. Runs when Debian's chromium is installed; see core/tests/browser.py.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from playwright.sync_api import BrowserContext, Page, expect
from wagtail.models import Site

from core.tests.browser import DESKTOP, PHONE, VIEWPORTS, collect_errors, snap
from goodpeople.factories import BrandShowcasePageFactory, NoticePageFactory
from goodpeople.models import BrandProjectPage, DistrictPage, GoodPeopleBoardPage
from goodpeople.tests.site import build_city
from home.tests.site import build_site
from news.factories import ChannelPageFactory
from news.models import TopicPage
from volunteers.certificates import issue_certificate
from volunteers.factories import VolunteerFactory, give_hours

# The live server needs committed data; the rollback brings back what migrations created.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# WCAG 2.0 and 2.1, levels A and AA: the rules axe-core tags with these (the README lists them).
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}


def build_every_page_type() -> dict[str, str]:
    """One page of each public type, with content in it, by the name its screenshots carry."""
    article = build_site()
    city = build_city()
    home = Site.objects.get(is_default_site=True).root_page
    showcase = BrandShowcasePageFactory(parent=city.section)
    notice = NoticePageFactory(
        parent=ChannelPageFactory(parent=home, title="公示", slug="gongshi"),
        title="关于2026年度“最美志愿者”推荐人选的公示",
    )
    office = User.objects.create_superuser("office", "office@example.com", "pw")
    for n, name in enumerate(["王秀英", "李建国", "张桂兰"]):
        volunteer = VolunteerFactory(station=city.community_a.station, name=name)
        give_hours(volunteer, 120 - 30 * n, confirmer=office)
    certificate = issue_certificate(volunteer, office)
    board = GoodPeopleBoardPage.objects.child_of(city.community_a).get()
    return {
        "home": "/",
        "channel": article.get_parent().url,
        "article": article.url,
        "topic": TopicPage.objects.get().url,
        "notice": notice.url,
        "community-section": city.section.url,
        "district": DistrictPage.objects.get(slug="xunyang").url,
        "community": city.community_a.url,
        "board": board.url,
        "brand-showcase": showcase.url,
        "brand-project": BrandProjectPage.objects.child_of(city.community_a).get().url,
        "honour-roll": "/volunteers/",
        "certificate-verify": f"/volunteers/verify/?number={certificate.number}",
        "search": "/search/?q=%E5%BF%97%E6%84%BF",
        "404": "/no-such-page/",
    }


def reader(browser, base_url: str, viewport: dict, care: bool) -> BrowserContext:
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    if care:
        context.add_cookies([{"name": "care", "value": "1", "url": base_url}])
    return context


def test_every_public_page_type_passes_axe_normal_and_care(live_server, browser):
    urls = build_every_page_type()
    axe = Axe()
    problems = []
    for mode in ("normal", "care"):
        for width, viewport in VIEWPORTS.items():
            context = reader(browser, live_server.url, viewport, care=mode == "care")
            page = context.new_page()
            errors = collect_errors(page)
            for name, url in urls.items():
                page.goto(live_server.url + url, wait_until="networkidle")
                if name == "404":  # the browser reports the status it was meant to get
                    errors[:] = [error for error in errors if "status of 404" not in error]
                where = f"{name} ({url}), {mode}, {width}"
                results = axe.run(page, options=AXE_OPTIONS)
                if results.violations_count:
                    problems.append(f"{where}: {results.generate_report()}")
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if overflow > 0:
                    problems.append(f"{where}: scrolls sideways by {overflow}px")
                snap(page, f"{mode}-{name}-{width}", full_page=True)
            problems.extend(f"{mode}, {width}: {error}" for error in errors)
            context.close()
    assert not problems, "\n\n".join(problems)


def computed(page: Page, selector: str, prop: str) -> float:
    return page.locator(selector).first.evaluate(
        f"element => parseFloat(getComputedStyle(element)['{prop}'])"
    )


def test_care_mode_is_one_click_stays_on_and_has_large_text_and_targets(live_server, browser):
    article = build_site()
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    errors = collect_errors(page)
    page.goto(live_server.url + article.url)
    normal_size = computed(page, ".article-body p", "fontSize")
    page.get_by_role("link", name="关怀版", exact=True).click()
    page.wait_for_url(live_server.url + article.url)
    expect(page.locator("html")).to_have_class("care")
    assert computed(page, "body", "fontSize") >= 18
    assert computed(page, ".article-body p", "fontSize") > normal_size
    assert computed(page, ".breadcrumb", "fontSize") >= 18
    assert computed(page, ".site-footer", "fontSize") >= 18
    for target in (".care-switch", ".main-nav a", ".site-search button", ".like-button"):
        assert computed(page, target, "height") >= 44, target
    assert page.evaluate("document.getAnimations().length") == 0

    page.get_by_role("navigation", name="主导航").get_by_role("link", name="首页").click()
    expect(page.locator("html")).to_have_class("care")
    page.get_by_role("link", name="退出关怀版").click()
    page.wait_for_url(live_server.url + "/")
    expect(page.locator("html")).not_to_have_class("care")
    assert errors == []
    context.close()


def test_article_font_size_is_remembered_and_print_leaves_out_the_chrome(live_server, browser):
    article = build_site()
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    page = context.new_page()
    errors = collect_errors(page)
    page.goto(live_server.url + article.url)
    sizes = page.get_by_role("group", name="正文字号")
    expect(sizes).to_be_visible()
    medium = computed(page, ".article-body p", "fontSize")
    sizes.get_by_role("button", name="大字号").click()
    expect(sizes.get_by_role("button", name="大字号")).to_have_attribute("aria-pressed", "true")
    large = computed(page, ".article-body p", "fontSize")
    assert large > medium
    snap(page, "article-font-large-desktop")

    # The choice holds on the next article the reader opens.
    page.goto(live_server.url + article.url)
    expect(sizes.get_by_role("button", name="大字号")).to_have_attribute("aria-pressed", "true")
    assert computed(page, ".article-body p", "fontSize") == large

    page.emulate_media(media="print")
    for chrome in (".site-header", ".main-nav", ".site-footer", ".likes", ".font-size", ".related"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(page.locator(".article-meta")).to_contain_text("来源：九江日报")
    expect(page.locator(".article-meta")).to_contain_text("日期：2014-11-07")
    snap(page, "article-print", full_page=True)
    assert errors == []
    context.close()


def test_without_javascript_the_font_buttons_are_hidden(live_server, browser):
    article = build_site()
    context = browser.new_context(viewport=PHONE, locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + article.url)
    expect(page.locator(".font-size")).to_be_hidden()
    expect(page.get_by_role("link", name="关怀版", exact=True)).to_be_visible()
    context.close()
