"""A reader in a real browser: home page, channel, article, the like button.

Runs when Debian's chromium is installed (CI must have it); see core/tests/browser.py.
"""

import pytest
from django.test import Client
from playwright.sync_api import expect

from core.tests.browser import DESKTOP, PHONE, collect_errors, save_screenshots
from home.tests.site import build_site
from news.models import ArticleLike, ArticleStats

# The live server needs committed data; the rollback brings back what migrations created
# (the root page, the default locale), which a flush would remove for the next test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_reader_finds_an_article_and_likes_it_once(live_server, browser):
    article = build_site()
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    page = context.new_page()
    errors = collect_errors(page)

    page.goto(live_server.url)
    expect(page.locator(".headline-main")).to_contain_text("我市志愿者走进社区")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="动态要闻").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("动态要闻")
    page.get_by_role("link", name=article.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(page.locator(".breadcrumb")).to_have_text("首页 > 动态要闻 > 文明要闻")
    expect(page.locator(".js-views")).to_have_text("1")
    likes = page.locator(".js-likes")
    expect(likes).to_have_text("0")

    like = page.get_by_role("button", name="赞")
    like.click()
    expect(likes).to_have_text("1")
    expect(like).to_have_attribute("aria-pressed", "true")
    like.click()
    # The same visitor asking the server again, as a second click without the script's guard
    # would, gets the same count back.
    repeat = page.evaluate(
        """async (url) => {
            const token = document.cookie.match(/csrftoken=([^;]+)/)[1];
            const response = await fetch(url, {method: "POST", headers: {"X-CSRFToken": token}});
            return (await response.json()).likes;
        }""",
        f"/stats/{article.pk}/like/",
    )
    assert repeat == 1
    expect(likes).to_have_text("1")
    assert ArticleStats.objects.get(article=article).likes == 1
    assert ArticleLike.objects.filter(article=article).count() == 1

    page.reload()
    expect(likes).to_have_text("1")
    expect(page.locator(".js-views")).to_have_text("1")
    expect(like).to_have_attribute("aria-pressed", "true")
    assert errors == []
    context.close()


def test_liking_works_when_the_page_comes_from_a_cache(live_server, browser):
    """The HTML carries no token; the script gets one from the view request's cookie."""
    article = build_site()
    cached = Client().get(article.url)
    assert "csrftoken" not in cached.cookies
    html = cached.content.decode()
    assert "csrfmiddlewaretoken" not in html

    for visitor in (1, 2):
        context = browser.new_context(viewport=PHONE, locale="zh-CN")
        page = context.new_page()
        errors = collect_errors(page)
        page.route(
            f"{live_server.url}{article.url}",
            lambda route: route.fulfill(status=200, content_type="text/html", body=html),
        )
        page.goto(f"{live_server.url}{article.url}")
        expect(page.locator(".js-views")).to_have_text(str(visitor))
        page.get_by_role("button", name="赞").click()
        expect(page.locator(".js-likes")).to_have_text(str(visitor))
        assert errors == []
        context.close()
    assert ArticleStats.objects.get(article=article).likes == 2


def test_screenshots_of_home_and_article_at_phone_and_desktop_widths(live_server, browser):
    article = build_site()
    paths = [
        *save_screenshots(browser, f"{live_server.url}/", "home"),
        *save_screenshots(browser, f"{live_server.url}{article.url}", "article"),
    ]
    assert [path.name for path in paths] == [
        "home-phone.png",
        "home-desktop.png",
        "article-phone.png",
        "article-desktop.png",
    ]
    assert all(path.stat().st_size > 10_000 for path in paths)
