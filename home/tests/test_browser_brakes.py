"""What a reader and a station user see when a brake holds: in a real browser, at phone and
desktop widths (screenshots in var/screenshots/)."""

import pytest
from django.contrib.auth.models import User
from django.test import override_settings
from playwright.sync_api import expect

from core.tests.browser import PHONE, VIEWPORTS, collect_errors, snap
from home.tests.site import build_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NO_MORE = {
    "view": (100, 60),
    "like": (0, 60),
    "search": (0, 60),
    "api": (100, 60),
    "nomination": (100, 3600),
    "certificate": (100, 600),
}


@override_settings(WENMING_RATE_LIMITS=NO_MORE)
def test_a_reader_over_a_limit_is_told_in_chinese(live_server, browser):
    article = build_site()
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    errors = collect_errors(page)
    page.goto(live_server.url + article.url)
    page.get_by_role("button", name="赞").click()
    expect(page.locator(".js-like-error")).to_have_text("您的操作过于频繁，请稍后再试。")
    expect(page.locator(".js-likes")).to_have_text("0")
    snap(page, "like-over-the-limit-phone")
    # The refused like shows up in the console as a failed request, and nothing else does.
    assert all("429" in error for error in errors), errors

    for label, viewport in VIEWPORTS.items():
        page = browser.new_context(viewport=viewport, locale="zh-CN").new_page()
        response = page.goto(live_server.url + "/search/?q=志愿")
        assert response.status == 429
        expect(page.get_by_role("heading", level=1)).to_have_text("请稍后再试")
        expect(page.locator(".error-page")).to_contain_text("您的操作过于频繁")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the 429 page scrolls sideways at {label} width"
        snap(page, f"search-over-the-limit-{label}")


@override_settings(AXES_FAILURE_LIMIT=2)
def test_a_locked_login_says_what_to_do(live_server, browser):
    User.objects.create_user("gantang", password="the-right-one-9")
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    for _ in range(2):
        page.goto(live_server.url + "/admin/login/")
        page.locator("#id_username").fill("gantang")
        page.locator("#id_password").fill("guess")
        page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("登录已暂时锁定")
    expect(page.get_by_role("alert")).to_contain_text("已暂时锁定 1 小时")
    snap(page, "login-locked-phone")
