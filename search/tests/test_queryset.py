from django.test import TestCase

from core.tests.queryset import PAGES, QUERIES
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory
from news.models import ArticlePage


class QuerySetThroughTheBackendTests(TestCase):
    """The written-down query set, through the real search backend of the database in use."""

    @classmethod
    def setUpTestData(cls):
        channel = ChannelPageFactory(parent=make_site_home(), title="动态要闻")
        cls.keys = {}
        for key, (title, body) in PAGES.items():
            page = ArticlePageFactory(
                parent=channel, title=title, body=[("paragraph", f"<p>{body}</p>")]
            )
            cls.keys[page.pk] = key

    def found(self, query: str) -> set[str]:
        results = ArticlePage.objects.live().search(query, order_by_relevance=False)
        return {self.keys[page.pk] for page in results}

    def test_every_query_finds_what_it_must_and_nothing_it_must_not(self):
        for query, expected, unwanted in QUERIES:
            with self.subTest(query=query):
                got = self.found(query)
                self.assertEqual(expected - got, set(), "missed")
                self.assertEqual(unwanted & got, set(), "wrong pages")
