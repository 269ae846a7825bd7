from collections import Counter
from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from django.utils.html import strip_tags
from wagtail.images.models import Image

from core.models import SiteSettings
from core.tests.utils import log_in
from goodpeople.models import (
    BoardEntry,
    BrandProjectPage,
    CommunityPage,
    DistrictPage,
    NoticePage,
)
from news.models import ArticlePage, ChannelPage, TopicPage


@override_settings(DEBUG=True)
class LoadDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # One full load serves every test here: it is the suite's slowest step.
        cls.out = StringIO()
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=cls.out)

    def test_builds_the_site_and_a_second_run_adds_nothing(self):
        out = self.out
        self.assertIn("admin / ", out.getvalue())
        self.assertIn("editor / ", out.getvalue())
        channels = set(ChannelPage.objects.values_list("title", flat=True))
        for title in (
            "头条热点",
            "动态要闻",
            "文明创建",
            "文明实践",
            "文明培育",
            "专题专栏",
            "公示公告",
        ):
            self.assertIn(title, channels)
        articles = ArticlePage.objects.live()
        self.assertGreaterEqual(articles.count(), 30)
        self.assertGreater(articles.filter(lead_image__isnull=False).count(), 5)
        self.assertTrue(articles.filter(tagged_items__isnull=False).exists())
        self.assertGreaterEqual(TopicPage.objects.live().count(), 1)
        self.assertTrue(SiteSettings.objects.get().friend_links.exists())
        counts = (ArticlePage.objects.count(), Image.objects.count())

        call_command("load_demo", stdout=StringIO())
        self.assertEqual((ArticlePage.objects.count(), Image.objects.count()), counts)
        home = self.client.get("/")
        self.assertEqual(home.status_code, 200)
        self.assertContains(home, "头条热点")
        # The footer a government site carries, and the community section in the main menu.
        self.assertContains(home, "赣ICP备05004312号-1")
        self.assertContains(home, "recordcode=36040202000216")
        main_nav = home.content.decode().split('aria-label="主导航"')[1].split("</nav>")[0]
        self.assertIn('href="/shequ/"', main_nav)
        # The home page's mission sections are filled, the banner included.
        for heading in ("good-people-title", "brand-projects-title", "top-volunteers-title"):
            self.assertContains(home, f'id="{heading}"')
        for empty in ("暂无上榜好人", "暂无品牌项目", "暂无公开展示的志愿者"):
            self.assertNotContains(home, empty)
        self.assertContains(home, 'aria-label="公益广告"')
        # The demo's accounts work.
        self.assertTrue(log_in(self.client, "editor", "wenming-demo-2026"))
        # The office finds its 网站纠错 in the admin menu.
        self.assertContains(self.client.get("/admin/"), "/admin/snippets/core/errorreport/")
        # An article and a brand project show a video and a gallery, added once.
        for model in (ArticlePage, BrandProjectPage):
            with_video = [
                page
                for page in model.objects.live()
                if any(block.block_type == "video" for block in page.body)
            ]
            self.assertEqual(len(with_video), 1, model.__name__)
            html = self.client.get(with_video[0].url).content.decode()
            self.assertIn('<video controls preload="none"', html)
            self.assertIn('<ul class="body-gallery">', html)

    def test_no_headline_twice(self):
        titles = Counter(ArticlePage.objects.values_list("title", flat=True))
        titles.update(NoticePage.objects.values_list("title", flat=True))
        self.assertEqual([title for title, n in titles.items() if n > 1], [])

    def test_an_article_naming_a_community_names_its_own_district_and_no_other(self):
        districts = {page.path: page.title for page in DistrictPage.objects.all()}
        communities = {
            page.title: districts[page.path[: -CommunityPage.steplen]]
            for page in CommunityPage.objects.all()
        }
        named = 0
        for article in ArticlePage.objects.live():
            text = article.title + strip_tags(str(article.body)) + article.source
            for community, district in communities.items():
                if community in text:
                    named += 1
                    with self.subTest(article=article.title, community=community):
                        self.assertIn(district, text)
                        others = [d for d in districts.values() if d != district and d in text]
                        self.assertEqual(others, [])
        self.assertGreaterEqual(named, 25)
        gantang = self.client.get(ArticlePage.objects.filter(title__contains="甘棠社区")[0].url)
        self.assertContains(gantang, "浔阳区甘棠街道甘棠社区")

    def test_no_person_on_two_boards(self):
        on_boards = BoardEntry.objects.values_list("name", "board").distinct()
        people = Counter(name for name, _ in on_boards)
        self.assertGreaterEqual(len(people), 50)
        self.assertEqual([name for name, n in people.items() if n > 1], [])

    def test_every_topic_lists_its_articles(self):
        topics = TopicPage.objects.live()
        self.assertGreaterEqual(topics.count(), 3)
        for topic in topics:
            with self.subTest(topic.title):
                articles = topic.tagged_articles([])
                self.assertGreaterEqual(articles.count(), 3)
                self.assertContains(self.client.get(topic.url), articles.first().title)

    def test_notices_within_and_past_their_window(self):
        notices = NoticePage.objects.live()
        self.assertTrue({"open", "ended"} <= {n.publicity_status() for n in notices})
        office = notices.filter(publisher="九江市文明办")
        self.assertTrue({"open", "ended"} <= {n.publicity_status() for n in office})


@override_settings(DEBUG=False)
class LoadDemoProductionTests(TestCase):
    def test_refuses_without_force_when_debug_is_off(self):
        with self.assertRaisesMessage(CommandError, "--force"):
            call_command("load_demo", stdout=StringIO())
        self.assertFalse(ArticlePage.objects.exists())
