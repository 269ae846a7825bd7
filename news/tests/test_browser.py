"""A reader in a real browser: home page, channel, article, the like button.

Runs when Debian's chromium is installed (CI must have it); see core/tests/browser.py.
"""

import datetime

import pytest
import wagtail_factories
from django.test import Client
from playwright.sync_api import expect
from wagtail.models import Site

from core.models import FriendLink, SiteSettings
from core.tests.browser import DESKTOP, PHONE, collect_errors, save_screenshots
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory
from news.models import ArticleLike, ArticleStats

# The live server needs committed data; the rollback brings back what migrations created
# (the root page, the default locale), which a flush would remove for the next test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COLOURS = ["#b3191f", "#1a4f8b", "#26804a", "#c97b16", "#6e3c8c"]


def picture(n: int):
    return wagtail_factories.ImageFactory(
        title=f"志愿服务现场{n}", file__width=1200, file__height=675, file__color=COLOURS[n % 5]
    )


def build_site():
    """A small site like the demo: channels in the menu, headlines with pictures, a footer."""
    home = make_site_home()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.sponsor = "中共九江市委宣传部 九江市文明办"
    site_settings.technical_support = "九江新闻网"
    site_settings.copyright_line = "© 九江文明网"
    site_settings.save()
    FriendLink.objects.create(
        settings=site_settings, name="中国文明网", url="http://www.wenming.cn/"
    )
    FriendLink.objects.create(
        settings=site_settings, name="江西文明网", url="http://jx.wenming.cn/"
    )

    headlines = ChannelPageFactory(parent=home, title="头条热点", slug="toutiao")
    news = ChannelPageFactory(parent=home, title="动态要闻", slug="dongtai")
    yaowen = ChannelPageFactory(parent=news, title="文明要闻", slug="yaowen")
    practice = ChannelPageFactory(parent=home, title="文明实践", slug="shijian")
    notices = ChannelPageFactory(parent=home, title="公示公告", slug="gonggao")
    home.headline_channel = headlines
    home.notice_channel = notices
    home.save()

    for n in range(5):
        ArticlePageFactory(
            parent=headlines,
            title=f"我市志愿者走进社区开展文明实践活动第{n + 1}场",
            lead_image=picture(n),
        )
    for n in range(4):
        ArticlePageFactory(parent=practice, title=f"新时代文明实践站开展“我们的节日”活动之{n + 1}")
        ArticlePageFactory(parent=notices, title=f"关于第{n + 1}批身边好人推荐人选的公示")
    for n in range(3):
        related = ArticlePageFactory(parent=yaowen, title=f"文明城市创建工作推进会召开（{n + 1}）")
        related.tags.add("文明创建")
        related.save()
    article = ArticlePageFactory(
        parent=yaowen,
        title="九江市召开全市学雷锋志愿服务站建设现场推进会",
        subtitle="213个城市社区实现“五个一”全覆盖",
        date=datetime.date(2014, 11, 7),
        source="九江日报",
        author="文明办",
        lead_image=picture(7),
        body=[
            ("paragraph", "<p>11月6日，全市学雷锋志愿服务站建设现场推进会召开。</p>"),
            ("paragraph", "<p>会议要求，每个城市社区都要建成一个工作站点、一个品牌项目。</p>"),
            ("image", {"image": picture(8), "caption": "志愿者在社区服务站为居民服务"}),
            ("quote", {"text": "赠人玫瑰，手有余香。", "attribution": "志愿者代表"}),
            ("paragraph", "<p>会后，与会人员参观了社区学雷锋志愿服务站。</p>"),
        ],
    )
    article.tags.add("文明创建", "志愿服务")
    article.save()
    return article


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
