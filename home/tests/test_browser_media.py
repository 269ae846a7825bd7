"""An article with a video, a gallery and its QR code in a real browser, at phone and desktop
widths; the screenshots land in var/screenshots (core/tests/browser.py)."""

import pytest
from playwright.sync_api import expect

from core.tests.browser import VIEWPORTS, collect_errors, save_screenshots, snap
from goodpeople.demo_media import media_blocks
from home.tests.site import build_site, picture
from news.factories import ArticlePageFactory
from news.models import ChannelPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def build_article():
    build_site()
    return ArticlePageFactory(
        parent=ChannelPage.objects.get(slug="shijian"),
        title="志愿者走进莲花社区开展健康义诊",
        lead_image=picture(7),
        body=[
            ("paragraph", "<p>近日，莲花社区学雷锋志愿服务站组织医护志愿者开展健康义诊。</p>"),
            *media_blocks("义诊活动短片"),
            ("paragraph", "<p>活动共服务居民一百二十余人次。</p>"),
        ],
    )


def test_an_article_with_video_gallery_and_qr_code(live_server, browser):
    article = build_article()
    url = f"{live_server.url}{article.url}"
    save_screenshots(browser, url, "article-media")
    for label, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport, locale="zh-CN")
        page = context.new_page()
        errors = collect_errors(page)
        page.goto(url)
        qr = page.locator(".share-qr")
        if label == "desktop":
            expect(qr).to_be_visible()
            expect(qr).to_contain_text("微信扫一扫")
            box = page.locator(".share-qr-code").bounding_box()
            assert box["width"] == box["height"] >= 100
        else:
            # A phone reader shares from the browser; a code on its own screen is no use.
            expect(qr).to_be_hidden()
        gallery = page.locator(".body-gallery")
        gallery.scroll_into_view_if_needed()
        pictures = gallery.locator("img")
        expect(pictures).to_have_count(4)
        for n in range(4):
            expect(pictures.nth(n)).not_to_have_js_property("naturalWidth", 0)
        snap(page, f"article-gallery-{label}")
        video = page.locator(".body-video video")
        video.scroll_into_view_if_needed()
        expect(video).to_have_attribute("preload", "none")
        assert page.evaluate(
            "async () => { const v = document.querySelector('.body-video video');"
            " v.muted = true; await v.play(); return !v.paused; }"
        )
        snap(page, f"article-video-{label}")
        assert errors == []
        context.close()


def test_the_article_prints_without_its_qr_code(live_server, browser):
    article = build_article()
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="zh-CN")
    page = context.new_page()
    page.goto(f"{live_server.url}{article.url}")
    page.emulate_media(media="print")
    expect(page.locator(".share-qr")).to_be_hidden()
    context.close()
