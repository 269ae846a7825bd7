"""The site tree and chrome: which page types go where, menu, footer, sitemap and robots."""

from django.contrib.auth.models import User
from django.test import TestCase
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from core.models import FriendLink, SiteSettings
from core.tests.utils import log_in
from goodpeople.models import NoticePage
from home.factories import make_site_home
from home.models import HomePage
from news.factories import ArticlePageFactory, ChannelPageFactory
from news.models import ArticlePage, ChannelPage, TopicPage


class TreeRulesTests(WagtailPageTestCase):
    def test_channels_sit_under_home_or_another_channel(self):
        self.assertAllowedParentPageTypes(ChannelPage, {HomePage, ChannelPage})
        self.assertAllowedSubpageTypes(
            ChannelPage, {ChannelPage, ArticlePage, TopicPage, NoticePage}
        )

    def test_articles_live_only_in_channels_and_have_no_children(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ChannelPage})
        self.assertAllowedSubpageTypes(ArticlePage, {})

    def test_topics_are_leaves_under_home_or_a_channel(self):
        self.assertAllowedParentPageTypes(TopicPage, {ChannelPage, HomePage})
        self.assertAllowedSubpageTypes(TopicPage, {})

    def test_article_cannot_be_created_at_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, ArticlePage)


class SiteTreeMixin:
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_home()
        cls.news = ChannelPageFactory(parent=cls.home, title="动态要闻", slug="dongtai")
        cls.other = ChannelPageFactory(parent=cls.home, title="文明实践", slug="shijian")


class SiteChromeTests(SiteTreeMixin, TestCase):
    def test_navigation_lists_channels_in_menu_and_footer_shows_settings(self):
        ChannelPageFactory(parent=self.home, title="隐藏栏目", show_in_menus=False)
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.sponsor = "九江市文明办"
        settings.save()
        FriendLink.objects.create(
            settings=settings, name="中国文明网", url="https://www.wenming.cn/"
        )
        response = self.client.get(self.news.url)
        self.assertContains(
            response, '<a href="/dongtai/" aria-current="page">动态要闻</a>', html=True
        )
        self.assertContains(response, '<a href="/shijian/">文明实践</a>', html=True)
        self.assertNotContains(response, "隐藏栏目")
        self.assertContains(response, "主办：九江市文明办")
        self.assertContains(response, "中国文明网")

    def test_sitemap_and_robots(self):
        article = ArticlePageFactory(parent=self.news)
        draft = ArticlePageFactory(parent=self.news, live=False)
        sitemap = self.client.get("/sitemap.xml")
        self.assertContains(sitemap, article.url)
        self.assertNotContains(sitemap, f"/{draft.slug}/")
        robots = self.client.get("/robots.txt")
        self.assertContains(robots, "Disallow: /admin/")
        self.assertContains(robots, "Sitemap: http://testserver/sitemap.xml")

    def test_there_is_no_second_login_page(self):
        # Django's own admin had nothing registered: only a login form to guess passwords at.
        self.assertEqual(self.client.get("/django-admin/").status_code, 404)
        self.assertEqual(self.client.get("/django-admin/login/").status_code, 404)

    def test_editor_can_create_an_article_in_the_admin(self):
        User.objects.create_superuser("boss", "boss@example.com", "pw")
        self.assertTrue(log_in(self.client, "boss", "pw"))
        response = self.client.get(f"/admin/pages/add/news/articlepage/{self.news.pk}/")
        self.assertContains(response, "来源")
        self.assertContains(response, "日期")
        self.assertTrue(Page.objects.filter(pk=self.news.pk).exists())
