"""Every public page type renders valid HTML a screen reader and a validator accept."""

from django.test import TestCase

from core.tests.html import html_problems
from home.tests.site import build_site
from news.models import TopicPage


class ValidHtmlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = build_site()

    def assertValidPage(self, url: str, status: int = 200) -> str:
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, url)
        html = response.content.decode()
        self.assertEqual(html_problems(html), [], url)
        return html

    def test_home_channel_article_and_topic_pages(self):
        channel = self.article.get_parent()
        urls = [
            "/",
            channel.get_parent().url,
            channel.url,
            f"{channel.url}?tag=wen-ming-chuang-jian",
            self.article.url,
            TopicPage.objects.get().url,
            "/search/?q=志愿服务",
        ]
        for url in urls:
            with self.subTest(url=url):
                self.assertValidPage(url)

    def test_images_carry_alt_text_and_the_like_button_has_a_text_label(self):
        html = self.assertValidPage(self.article.url)
        self.assertIn('alt="志愿服务现场7"', html)
        self.assertIn('alt="志愿者在社区服务站为居民服务"', html)
        self.assertIn('<span class="js-like-label">赞</span>', html)

    def test_a_missing_page_is_a_chinese_404_in_the_site_chrome(self):
        html = self.assertValidPage("/no-such-page/", status=404)
        self.assertIn("页面不存在", html)
        self.assertIn('aria-label="主导航"', html)


class ArticleScriptTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = build_site()

    def test_readers_get_the_counting_script_and_previews_do_not(self):
        self.assertContains(self.client.get(self.article.url), "js/article.js")
        preview = self.article.make_preview_request()
        self.assertEqual(preview.status_code, 200)
        self.assertIn(self.article.title, preview.content.decode())
        self.assertNotIn("js/article.js", preview.content.decode())
