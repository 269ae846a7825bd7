import datetime

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from modelsearch.query import And, Not, PlainText
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from core.tests.queryset import HOSTILE_QUERIES
from core.tests.utils import count_queries
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory, TopicPageFactory
from news.models import ArticlePage
from search.results import PAGE_SIZE


def paragraph(text: str) -> list:
    return [("paragraph", f"<p>{text}</p>")]


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_home()
        cls.news = ChannelPageFactory(parent=cls.home, title="动态要闻", slug="news")
        cls.practice = ChannelPageFactory(parent=cls.home, title="文明实践", slug="practice")
        cls.zhidu = ArticlePageFactory(
            parent=cls.news,
            title="九江市社区志愿服务制度化落地有声",
            date=datetime.date(2014, 11, 7),
            body=paragraph("全市各社区学雷锋志愿服务站全部挂牌。"),
        )
        cls.balihu = ArticlePageFactory(
            parent=cls.practice,
            title="八里湖社区开展邻里守望活动",
            date=datetime.date(2024, 3, 1),
            body=paragraph("志愿者走访空巢老人。"),
        )
        cls.gantang = ArticlePageFactory(
            parent=cls.practice,
            title="甘棠社区举办道德讲堂",
            date=datetime.date(2024, 5, 1),
            body=paragraph("居民百余人参加，志愿服务队到场服务。"),
        )

    def search(self, **params):
        return self.client.get("/search/", params)

    def titles(self, response) -> list[str]:
        return [hit.page.title for hit in response.context["hits"]]

    def test_finds_a_chinese_word_inside_unspaced_title(self):
        response = self.search(q="志愿服务")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "九江市社区志愿服务制度化落地有声")
        self.assertContains(response, "动态要闻")
        self.assertContains(response, "2014-11-07")
        self.assertContains(response, "学雷锋<mark>志愿服务</mark>站")

    def test_traditional_query_finds_simplified_text(self):
        response = self.search(q="志願服務")
        self.assertIn("九江市社区志愿服务制度化落地有声", self.titles(response))

    def test_a_query_without_spaces_means_all_its_words(self):
        self.assertEqual(self.titles(self.search(q="八里湖社区")), ["八里湖社区开展邻里守望活动"])

    def test_title_matches_rank_above_body_matches_and_newer_first_among_equals(self):
        titles = self.titles(self.search(q="志愿"))
        # Title match first even though it is the oldest; the body matches newest first.
        self.assertEqual(
            titles,
            [
                "九江市社区志愿服务制度化落地有声",
                "甘棠社区举办道德讲堂",
                "八里湖社区开展邻里守望活动",
            ],
        )

    def test_the_backend_combines_words_with_or_and_not_and_ranks_by_relevance(self):
        # What the admin and other callers of Wagtail's search API get, on either database.
        backend = get_search_backend()
        articles = ArticlePage.objects.live()

        def titles(query, **kwargs) -> set[str]:
            return {page.title for page in backend.search(query, articles, **kwargs)}

        self.assertEqual(titles("八里湖 甘棠"), set())
        self.assertEqual(
            titles("八里湖 甘棠", operator="or"), {self.balihu.title, self.gantang.title}
        )
        self.assertEqual(
            titles(And([PlainText("社区"), Not(PlainText("八里湖"))])),
            {self.zhidu.title, self.gantang.title},
        )
        ranked = backend.search("志愿服务", articles)
        self.assertEqual([page.title for page in ranked], [self.zhidu.title, self.gantang.title])

    def test_filters_by_channel_type_and_date(self):
        self.assertEqual(
            self.titles(self.search(q="志愿", channel=self.news.pk)),
            ["九江市社区志愿服务制度化落地有声"],
        )
        self.assertEqual(
            self.titles(self.search(q="志愿", date_from="2024-04-01", date_to="2024-12-31")),
            ["甘棠社区举办道德讲堂"],
        )
        TopicPageFactory(parent=self.home, title="志愿服务专题", intro="专题介绍")
        self.assertEqual(self.titles(self.search(q="志愿", type="topic")), ["志愿服务专题"])

    def test_paginates_and_keeps_the_query_in_page_links(self):
        for n in range(PAGE_SIZE + 1):
            ArticlePageFactory(parent=self.news, title=f"文明礼让{n}")
        response = self.search(q="文明礼让", channel=self.news.pk)
        self.assertEqual(len(response.context["hits"]), PAGE_SIZE)
        self.assertContains(response, "&amp;page=2")
        self.assertContains(response, f"channel={self.news.pk}")
        self.assertEqual(len(self.search(q="文明礼让", page=2).context["hits"]), 1)

    def test_query_count_does_not_grow_with_hits(self):
        count_queries(self.client, "/search/", q="志愿")  # warms the site's cached root paths
        few = count_queries(self.client, "/search/", q="志愿")
        for n in range(5):
            ArticlePageFactory(parent=self.news, title=f"志愿者风采{n}")
        self.assertEqual(count_queries(self.client, "/search/", q="志愿"), few)


class SearchNeverShowsWhatReadersMayNotSeeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_home()
        cls.news = ChannelPageFactory(parent=cls.home, title="动态要闻", slug="news")

    def found(self, query: str) -> list[str]:
        response = self.client.get("/search/", {"q": query})
        return [hit.page.title for hit in response.context["hits"]]

    def test_drafts_private_and_moderated_pages_are_never_found(self):
        ArticlePageFactory(parent=self.news, title="草稿稿件文明", live=False)
        private = ArticlePageFactory(parent=self.news, title="内部通报文明")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        self.assertEqual(self.found("草稿稿件"), [])
        self.assertEqual(self.found("内部通报"), [])

    def test_a_live_pages_unpublished_revision_does_not_leak(self):
        page = ArticlePageFactory(parent=self.news, title="已发布的新闻")
        page.title = "尚未审核的秘密标题"
        page.body = paragraph("草稿里的机密内容")
        page.save_revision()
        self.assertEqual(self.found("秘密标题"), [])
        self.assertEqual(self.found("机密内容"), [])
        self.assertEqual(self.found("已发布"), ["已发布的新闻"])

    def test_publishing_unpublishing_moving_and_deleting_keep_the_index_current(self):
        page = ArticlePageFactory(parent=self.news, title="初稿", live=False)
        page.title = "新发布的文明创建新闻"
        page.save_revision().publish()
        self.assertEqual(self.found("文明创建"), ["新发布的文明创建新闻"])

        page.refresh_from_db()
        page.unpublish()
        self.assertEqual(self.found("文明创建"), [])

        page.refresh_from_db()
        page.save_revision().publish()
        other = ChannelPageFactory(parent=self.home, title="文明创建栏目", slug="other")
        page.refresh_from_db()
        page.move(other, pos="last-child")
        response = self.client.get("/search/", {"q": "文明创建新闻", "channel": other.pk})
        self.assertEqual([hit.page.title for hit in response.context["hits"]], [page.title])

        page.refresh_from_db()
        page.delete()
        self.assertEqual(self.found("文明创建新闻"), [])

    def test_update_index_rebuilds_a_lost_index(self):
        ArticlePageFactory(parent=self.news, title="九江市社区志愿服务制度化落地有声")
        IndexEntry.objects.all().delete()
        self.assertEqual(self.found("志愿服务"), [])
        call_command("update_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
        self.assertEqual(self.found("志愿服务"), ["九江市社区志愿服务制度化落地有声"])


class BadQueryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        news = ChannelPageFactory(parent=make_site_home(), title="动态要闻", slug="news")
        ArticlePageFactory(parent=news, title="志愿服务")

    def test_bad_queries_answer_with_the_query_echoed_escaped(self):
        # How fast they answer is measured by `manage.py bench_search`.
        for query in HOSTILE_QUERIES:
            with self.subTest(query=query[:20]):
                response = self.client.get("/search/", {"q": query})
                self.assertIn(response.status_code, (200, 400))
                self.assertNotContains(response, "<script>alert", status_code=response.status_code)
        self.assertContains(
            self.client.get("/search/", {"q": "<script>alert(1)</script>"}),
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        )

    def test_a_too_long_query_and_bad_filters_get_400_with_a_message(self):
        response = self.client.get("/search/", {"q": "志愿服务" * 750})
        self.assertContains(response, "关键词", status_code=400)
        for params in [
            {"q": "志愿", "type": "nosuchtype"},
            {"q": "志愿", "channel": "abc"},
            {"q": "志愿", "date_from": "2024-13-45"},
            {"q": "志愿", "date_from": "2024-05-01", "date_to": "2024-01-01"},
        ]:
            with self.subTest(params=params):
                response = self.client.get("/search/", params)
                self.assertContains(response, "搜索条件有误", status_code=400)

    def test_a_page_number_past_the_end_shows_the_last_page(self):
        response = self.client.get("/search/", {"q": "志愿", "page": "999"})
        self.assertContains(response, "志愿服务")


class AdminSearchTests(TestCase):
    def test_editors_search_finds_chinese_words_inside_titles(self):
        news = ChannelPageFactory(parent=make_site_home(), title="动态要闻", slug="news")
        ArticlePageFactory(parent=news, title="九江市社区志愿服务制度化落地有声")
        ArticlePageFactory(parent=news, title="草稿：志愿服务月安排", live=False)
        admin = get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
        self.client.force_login(admin)
        response = self.client.get("/admin/pages/search/", {"q": "志愿服务"})
        self.assertContains(response, "九江市社区志愿服务制度化落地有声")
        self.assertContains(response, "草稿：志愿服务月安排")
