"""Every public page has a meta description: what search engines and chat previews show."""

import re

from django.test import TestCase
from wagtail.models import Page

from goodpeople.tests.site import build_city
from home.tests.site import build_site
from news.factories import ArticlePageFactory
from news.models import ChannelPage

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


class MetaDescriptionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = build_site()
        build_city()

    def description(self, url: str) -> str:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        found = DESCRIPTION.findall(response.content.decode())
        self.assertEqual(len(found), 1, f"{url}: {found}")
        return found[0]

    def test_every_page_type_has_one(self):
        pages = Page.objects.live().public().filter(depth__gt=1).specific()
        types = set()
        for page in pages:
            with self.subTest(page=page.title):
                self.assertTrue(self.description(page.url).strip())
                types.add(type(page).__name__)
        self.assertLessEqual(
            {"HomePage", "ChannelPage", "ArticlePage", "TopicPage", "CommunityPage"}, types
        )

    def test_an_article_without_a_summary_starts_its_text(self):
        self.assertTrue(
            self.description(self.article.url).startswith("11月6日，全市学雷锋志愿服务站")
        )

    def test_the_summary_is_shown_and_long_text_is_cut(self):
        channel = ChannelPage.objects.get(slug="toutiao")
        article = ArticlePageFactory(parent=channel, title="有摘要的新闻", summary="摘要" * 100)
        text = self.description(article.url)
        self.assertTrue(text.startswith("摘要摘要"))
        # Cut to 120 characters, the cut marked.
        self.assertLessEqual(len(text), 120)
        self.assertRegex(text, r"(…|\.\.\.)$")
