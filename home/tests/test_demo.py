from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from wagtail.images.models import Image

from core.models import SiteSettings
from core.tests.utils import log_in
from goodpeople.models import BrandProjectPage
from news.models import ArticlePage, ChannelPage, TopicPage


@override_settings(DEBUG=True)
class LoadDemoTests(TestCase):
    def test_builds_the_site_and_a_second_run_adds_nothing(self):
        out = StringIO()
        call_command("load_demo", stdout=out)
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
        self.assertEqual(TopicPage.objects.live().count(), 1)
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
        # The demo's accounts work (one full load serves both checks: it is the suite's slowest).
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


@override_settings(DEBUG=False)
class LoadDemoProductionTests(TestCase):
    def test_refuses_without_force_when_debug_is_off(self):
        with self.assertRaisesMessage(CommandError, "--force"):
            call_command("load_demo", stdout=StringIO())
        self.assertFalse(ArticlePage.objects.exists())
