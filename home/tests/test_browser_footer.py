"""The footer, the site map and the correction form in a real browser, at phone and desktop
widths; their screenshots land in var/screenshots (core/tests/browser.py)."""

import pytest
from django.utils.encoding import uri_to_iri
from playwright.sync_api import expect

from core.models import ErrorReport
from core.tests.browser import (
    VIEWPORTS,
    collect_errors,
    save_screenshots,
    screenshot_dir,
    snap,
)
from goodpeople.tests.site import build_city
from home.tests.site import build_site
from home.tests.test_footer import FULL_FOOTER, fill_footer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_site_map_and_the_footer_at_phone_and_desktop_widths(live_server, browser):
    build_site()
    build_city()
    fill_footer(**FULL_FOOTER)
    paths = save_screenshots(browser, f"{live_server.url}/sitemap/", "site-map")
    assert all(path.stat().st_size > 10_000 for path in paths)
    for label, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport, locale="zh-CN")
        page = context.new_page()
        page.goto(f"{live_server.url}/sitemap/")
        footer = page.locator(".site-footer")
        footer.scroll_into_view_if_needed()
        expect(footer.get_by_role("link", name="赣ICP备05004312号-1")).to_be_visible()
        expect(footer.get_by_role("img", name="党政机关（核验网站开办者身份）")).to_be_visible()
        footer.screenshot(path=str(screenshot_dir() / f"footer-{label}.png"))
        context.close()


def test_a_reader_reports_an_error_from_the_footer(live_server, browser):
    article = build_site()
    for n, (label, viewport) in enumerate(VIEWPORTS.items(), start=1):
        context = browser.new_context(viewport=viewport, locale="zh-CN")
        page = context.new_page()
        errors = collect_errors(page)
        page.goto(f"{live_server.url}{article.url}")
        page.locator(".site-footer").get_by_role("link", name="网站纠错").click()
        url_field = page.get_by_label("出错页面网址")
        # The article's Chinese slug readable, not percent-encoded.
        expect(url_field).to_have_value(uri_to_iri(f"{live_server.url}{article.url}"))
        page.get_by_label("联系方式").fill("13900001111")
        page.get_by_role("button", name="提交纠错").click()
        expect(page.get_by_role("alert")).to_contain_text("纠错没有提交")
        expect(page.get_by_text("请写下页面上哪里有错、应当是什么。")).to_be_visible()
        expect(page.get_by_label("联系方式")).to_have_value("13900001111")
        snap(page, f"error-report-error-{label}")
        page.get_by_label("错误描述").fill(f"第{n}段的日期写错了。")
        page.get_by_role("button", name="提交纠错").click()
        expect(page.get_by_role("status")).to_contain_text("感谢您的纠错")
        snap(page, f"error-report-sent-{label}")
        assert errors == []
        context.close()
    assert ErrorReport.objects.count() == 2
