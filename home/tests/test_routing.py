"""Routing a URL to its page in one query for the whole path, with Wagtail's answers."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from goodpeople.factories import (
    BoardEntryFactory,
    CommunityPageFactory,
    CommunitySectionPageFactory,
    DistrictPageFactory,
    GoodPeopleBoardPageFactory,
)
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory


class RoutingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_home()
        cls.news = ChannelPageFactory(parent=cls.home, title="动态要闻", slug="dongtai")
        cls.local = ChannelPageFactory(parent=cls.news, title="县区动态", slug="xianqu")
        cls.article = ArticlePageFactory(parent=cls.local, title="志愿者走进敬老院", slug="jinglao")
        section = CommunitySectionPageFactory(parent=cls.home)
        district = DistrictPageFactory(parent=section, title="浔阳区", slug="xunyang")
        community = CommunityPageFactory(parent=district, title="甘棠社区", slug="gantang")
        cls.board = GoodPeopleBoardPageFactory(parent=community)
        BoardEntryFactory(
            board=cls.board, name="李桂英", listed_on=datetime.date.today().replace(day=1)
        )

    def test_a_page_deep_in_the_tree_costs_the_same_queries_as_one_near_the_top(self):
        self.client.get("/")  # the site and the private sections are now known
        with CaptureQueriesContext(connection) as near_top:
            self.assertContains(self.client.get("/dongtai/"), "动态要闻")
        with CaptureQueriesContext(connection) as deep:
            self.assertContains(self.client.get("/dongtai/xianqu/jinglao/"), "志愿者走进敬老院")
        routing = [q["sql"] for q in deep if '"wagtailcore_page"."slug" =' in q["sql"]]
        self.assertEqual(routing, [], "the path was walked a level at a time")
        self.assertLessEqual(len(deep), len(near_top) + 6)

    def test_a_board_several_levels_down_and_its_month_archive_are_served(self):
        self.assertContains(self.client.get("/shequ/xunyang/gantang/haoren/"), "李桂英")
        today = datetime.date.today()
        archive = f"/shequ/xunyang/gantang/haoren/archive/{today.year}/{today.month}/"
        self.assertContains(self.client.get(archive), "李桂英")

    def test_a_channels_own_route_comes_before_a_child_with_the_same_slug(self):
        ArticlePageFactory(parent=self.news, title="一篇叫feed的文章", slug="feed")
        response = self.client.get("/dongtai/feed/")
        self.assertEqual(response["Content-Type"].split(";")[0], "application/rss+xml")

    def test_unknown_paths_are_not_found(self):
        for url in (
            "/nothing/",
            "/dongtai/nothing/",
            "/dongtai/xianqu/jinglao/more/",
            "/shequ/xunyang/gantang/haoren/archive/2024/13/",
            "/shequ/xunyang/nowhere/haoren/",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_a_draft_is_not_served_but_a_live_page_under_a_draft_is_as_in_wagtail(self):
        self.article.unpublish()
        self.assertEqual(self.client.get("/dongtai/xianqu/jinglao/").status_code, 404)
        channel = Page.objects.get(pk=self.local.pk)
        channel.live = False
        channel.save(update_fields=["live"])
        self.assertEqual(self.client.get("/dongtai/xianqu/").status_code, 404)
        self.article.save_revision().publish()
        self.assertEqual(self.client.get("/dongtai/xianqu/jinglao/").status_code, 200)
