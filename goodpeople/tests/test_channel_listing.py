"""A channel lists every page type that belongs in it, newest first: the 公示公告 channel its
notices with their 公示期 beside its articles, 专题专栏 its topics; so do the RSS feeds."""

import datetime

import pytest
from django.test import TestCase
from django.utils import timezone

from core.tests.browser import save_screenshots
from core.tests.utils import make_site_root
from goodpeople.factories import NoticePageFactory
from news.factories import ArticlePageFactory, ChannelPageFactory, TopicPageFactory


class ChannelListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        today = timezone.localdate()
        home = make_site_root()
        cls.notices = ChannelPageFactory(parent=home, title="公示公告", slug="gonggao")
        ArticlePageFactory(
            parent=cls.notices, title="上月的公告", date=today - datetime.timedelta(days=30)
        )
        NoticePageFactory(
            parent=cls.notices,
            title="第五批身边好人拟推荐人选公示",
            date=today - datetime.timedelta(days=2),
            publicity_start=today - datetime.timedelta(days=2),
            publicity_end=today + datetime.timedelta(days=5),
        )
        ArticlePageFactory(parent=cls.notices, title="今天的公告", date=today)
        cls.topics = ChannelPageFactory(parent=home, title="专题专栏", slug="zhuanti")
        topic = TopicPageFactory(parent=cls.topics, title="学雷锋志愿服务专题")
        topic.save_revision().publish()

    def titles(self, html: str, *titles: str) -> list[int]:
        return [html.index(title) for title in titles]

    def test_the_notice_channel_lists_notices_and_articles_newest_first(self):
        response = self.client.get(self.notices.url)
        html = response.content.decode()
        positions = self.titles(html, "今天的公告", "第五批身边好人拟推荐人选公示", "上月的公告")
        self.assertEqual(positions, sorted(positions))
        self.assertContains(response, "公示中")
        self.assertNotContains(response, "本栏目暂无文章")

    def test_the_topic_channel_lists_its_topics(self):
        response = self.client.get(self.topics.url)
        self.assertContains(response, "学雷锋志愿服务专题")
        self.assertNotContains(response, "本栏目暂无文章")

    def test_the_feeds_carry_notices_and_topics(self):
        channel_feed = self.client.get(self.notices.url + "feed/").content.decode()
        self.assertIn("第五批身边好人拟推荐人选公示", channel_feed)
        site_feed = self.client.get("/feed/").content.decode()
        for title in ("第五批身边好人拟推荐人选公示", "学雷锋志愿服务专题", "今天的公告"):
            self.assertIn(title, site_feed)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_notice_channel_on_a_phone_and_a_desktop(live_server, browser):
    ChannelListingTests.setUpTestData()
    paths = save_screenshots(browser, live_server.url + "/gonggao/", "channel-notices")
    assert len(paths) == 2
