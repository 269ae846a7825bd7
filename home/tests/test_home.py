import datetime

import wagtail_factories
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from core.tests.utils import count_queries
from goodpeople.factories import NoticePageFactory
from goodpeople.models import CommunitySectionPage
from home.factories import make_site_home
from home.models import HomePage
from news.factories import ArticlePageFactory, ChannelPageFactory
from news.models import ChannelPage, TopicPage


class HomeTreeTests(WagtailPageTestCase):
    def test_home_sits_at_the_root_and_holds_channels_and_topics(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {ChannelPage, TopicPage, CommunitySectionPage})

    def test_there_is_only_one_home_page(self):
        make_site_home()
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))


class HomePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_home()
        cls.headlines = ChannelPageFactory(parent=cls.home, title="头条热点", slug="toutiao")
        cls.news = ChannelPageFactory(parent=cls.home, title="动态要闻", slug="dongtai")
        cls.practice = ChannelPageFactory(parent=cls.home, title="文明实践", slug="shijian")
        cls.notices = ChannelPageFactory(parent=cls.home, title="公示公告", slug="gonggao")
        cls.home.headline_channel = cls.headlines
        cls.home.notice_channel = cls.notices
        cls.home.save()

    def add_headline(self, title):
        return ArticlePageFactory(
            parent=self.headlines, title=title, lead_image=wagtail_factories.ImageFactory()
        )

    def test_shows_headlines_with_images_latest_of_each_channel_and_notices(self):
        self.add_headline("头条图片新闻")
        ArticlePageFactory(parent=self.headlines, title="没有图片的头条")
        ArticlePageFactory(parent=self.news, title="要闻一则")
        ArticlePageFactory(parent=self.practice, title="实践一则")
        ArticlePageFactory(parent=self.notices, title="拟命名名单公示")
        ArticlePageFactory(parent=self.news, title="草稿要闻", live=False)
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "头条图片新闻")
        self.assertNotContains(response, "没有图片的头条")
        # The headline's picture in WebP, at two widths for the browser to choose from.
        self.assertRegex(
            response.content.decode(),
            r'srcset="/media/images/[^" ]+\.fill-400x225\.webp \d+w, '
            r'/media/images/[^" ]+\.fill-800x450\.webp \d+w"',
        )
        self.assertContains(response, "要闻一则")
        self.assertContains(response, "实践一则")
        self.assertContains(response, "拟命名名单公示")
        self.assertNotContains(response, "草稿要闻")
        self.assertContains(response, "社区学雷锋志愿服务站")

    def test_notices_box_lists_notice_pages_and_articles_newest_first(self):
        today = timezone.localdate()
        ArticlePageFactory(
            parent=self.notices, title="较早的公告文章", date=today - datetime.timedelta(days=60)
        )
        NoticePageFactory(
            parent=self.notices,
            title="拟命名文明单位公示",
            date=today - datetime.timedelta(days=5),
            publicity_start=today - datetime.timedelta(days=5),
            publicity_end=today + datetime.timedelta(days=4),
        )
        NoticePageFactory(parent=self.notices, title="公示草稿", live=False)
        html = self.client.get("/").content.decode()
        self.assertIn("拟命名文明单位公示", html)
        self.assertLess(html.index("拟命名文明单位公示"), html.index("较早的公告文章"))
        self.assertNotIn("公示草稿", html)

    def test_query_count_does_not_grow_with_articles(self):
        self.add_headline("头条")
        ArticlePageFactory(parent=self.news)
        self.client.get("/")
        few = count_queries(self.client, "/")
        for _ in range(8):
            self.add_headline("更多头条")
            ArticlePageFactory(parent=self.news)
            ArticlePageFactory(parent=self.practice)
            ArticlePageFactory(parent=self.notices)
        self.client.get("/")  # renders the new headline images' renditions once
        self.assertLessEqual(count_queries(self.client, "/"), few)
