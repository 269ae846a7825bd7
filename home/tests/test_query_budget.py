"""Every public page renders in at most 12 SQL queries, however much content the site holds."""

from django.test import TestCase
from wagtail.models import Page, Site

from core.models import SiteSettings
from core.tests.utils import count_queries
from goodpeople.factories import BoardEntryFactory, BrandShowcasePageFactory, NoticePageFactory
from goodpeople.models import CommunityPage, GoodPeopleBoardPage
from goodpeople.tests.site import build_city
from home.tests.site import build_site
from news.factories import ArticlePageFactory, ChannelPageFactory

QUERY_BUDGET = 12


class QueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        city = build_city()
        BrandShowcasePageFactory(parent=city.section)
        home = Site.objects.get(is_default_site=True).root_page
        NoticePageFactory(parent=ChannelPageFactory(parent=home, slug="gongshi"))
        cls.community = city.community_a

    def page_urls(self) -> dict[str, str]:
        """One live page of each type, and the site's other public pages."""
        pages = Page.objects.live().filter(depth__gt=1).order_by("-path").specific()
        urls = {type(page).__name__: page.url for page in pages}
        return urls | {"search": "/search/?q=志愿服务", "honour roll": "/volunteers/"}

    def grow_content(self):
        channel = Page.objects.get(slug="toutiao")
        board = GoodPeopleBoardPage.objects.child_of(self.community).get()
        for n in range(8):
            article = ArticlePageFactory(parent=channel, title=f"新增文章{n}", slug=f"added-{n}")
            article.tags.add("志愿服务")
            article.save()
            BoardEntryFactory(board=board, name=f"新增好人{n}")

    def test_every_public_page_type_renders_within_the_budget(self):
        urls = self.page_urls()
        page_types = {
            "HomePage", "ChannelPage", "ArticlePage", "TopicPage", "NoticePage",
            "CommunitySectionPage", "DistrictPage", "CommunityPage", "GoodPeopleBoardPage",
            "BrandShowcasePage", "BrandProjectPage",
        }  # fmt: skip
        self.assertLessEqual(page_types, set(urls))
        for name, url in urls.items():
            with self.subTest(page=name):
                self.assertLessEqual(count_queries(self.client, url), QUERY_BUDGET, url)

    def test_no_page_costs_more_queries_with_more_content(self):
        urls = self.page_urls()
        before = {name: count_queries(self.client, url) for name, url in urls.items()}
        self.grow_content()
        for name, url in urls.items():
            with self.subTest(page=name):
                self.assertEqual(count_queries(self.client, url), before[name], url)

    def test_a_new_menu_channel_and_a_renamed_site_show_at_once(self):
        self.assertContains(self.client.get("/"), "九江文明网")
        home = Site.objects.get(is_default_site=True).root_page
        ChannelPageFactory(parent=home, title="文明培育", slug="peiyu", show_in_menus=True)
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.site_name = "浔阳文明网"
        settings.save()
        response = self.client.get(CommunityPage.objects.get(pk=self.community.pk).url)
        self.assertContains(response, "浔阳文明网")
        self.assertContains(response, 'href="/peiyu/"')

    def test_a_site_moved_to_a_new_home_page_is_served_from_it(self):
        self.client.get("/")  # the site and its home page are now in the cache
        root = Page.get_first_root_node()
        new_home = root.add_child(instance=Page(title="新版首页", slug="new-home"))
        site = Site.objects.get(is_default_site=True)
        site.root_page = new_home
        site.save()
        self.assertContains(self.client.get("/"), "新版首页")
