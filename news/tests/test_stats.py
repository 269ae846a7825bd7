import threading
import unittest

from django.core.cache import cache
from django.db import connection
from django.test import Client, TestCase, TransactionTestCase, override_settings
from wagtail.models import PageViewRestriction

from core.tests.utils import make_site_root
from news.factories import ArticlePageFactory, ChannelPageFactory
from news.models import ArticleLike, ArticleStats
from news.stats import seed_views


def like(client: Client, article):
    return client.post(f"/stats/{article.pk}/like/")


def view(client: Client, article):
    return client.post(f"/stats/{article.pk}/view/")


class CounterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site_root()
        cls.channel = ChannelPageFactory(parent=home, slug="news")
        cls.article = ArticlePageFactory(parent=cls.channel)

    def test_a_view_counts_once_per_visitor_within_the_window(self):
        first = view(self.client, self.article)
        self.assertEqual(first.json()["views"], 1)
        self.assertIn("csrftoken", first.cookies)
        self.assertEqual(view(self.client, self.article).json()["views"], 1)
        self.assertEqual(view(Client(), self.article).json()["views"], 2)
        self.assertEqual(
            first["Cache-Control"], "max-age=0, no-cache, no-store, must-revalidate, private"
        )

    @override_settings(WENMING_VIEW_WINDOW_SECONDS=0)
    def test_a_reload_after_the_window_counts_again(self):

        cache.clear()
        view(self.client, self.article)
        cache.clear()
        self.assertEqual(view(self.client, self.article).json()["views"], 2)

    def test_a_like_needs_a_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        self.assertEqual(like(client, self.article).status_code, 403)
        self.assertFalse(ArticleLike.objects.exists())
        view(client, self.article)  # hands out the CSRF cookie, as the page's script does
        token = client.cookies["csrftoken"].value
        response = client.post(f"/stats/{self.article.pk}/like/", HTTP_X_CSRFTOKEN=token)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["likes"], 1)

    def test_one_like_per_visitor_and_a_repeat_returns_the_same_count(self):
        first = like(self.client, self.article)
        self.assertEqual(first.json(), {"views": 0, "likes": 1, "liked": True, "created": True})
        again = like(self.client, self.article)
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.json()["likes"], 1)
        self.assertFalse(again.json()["created"])
        self.assertEqual(like(Client(), self.article).json()["likes"], 2)
        self.assertTrue(view(self.client, self.article).json()["liked"])

    def test_likes_and_views_of_missing_draft_or_private_pages_are_404(self):
        draft = ArticlePageFactory(parent=self.channel, live=False)
        private = ArticlePageFactory(parent=self.channel)
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        for page_id in (draft.pk, private.pk, 999999, self.channel.pk):
            self.assertEqual(self.client.post(f"/stats/{page_id}/like/").status_code, 404)
            self.assertEqual(self.client.post(f"/stats/{page_id}/view/").status_code, 404)
        self.assertFalse(ArticleLike.objects.exists())
        self.assertFalse(ArticleStats.objects.exists())

    def test_counters_reject_get(self):
        self.assertEqual(self.client.get(f"/stats/{self.article.pk}/like/").status_code, 405)

    def test_publishing_and_reverting_never_roll_counts_back(self):
        like(self.client, self.article)
        seed_views(self.article, 40)
        revision = self.article.save_revision()
        revision.publish()
        self.article.title = "改过的标题"
        self.article.save_revision().publish()
        revision.publish()  # revert to the earlier revision
        stats = ArticleStats.objects.get(article=self.article)
        self.assertEqual((stats.views, stats.likes), (40, 1))
        response = self.client.get(self.article.url)
        self.assertContains(response, '<span class="js-views">40</span>', html=False)
        self.assertContains(response, '<span class="js-likes">1</span>', html=False)

    def test_seeding_never_lowers_a_count(self):
        seed_views(self.article, 100)
        seed_views(self.article, 30)
        self.assertEqual(ArticleStats.objects.get(article=self.article).views, 100)


@unittest.skipUnless(connection.vendor == "postgresql", "concurrency is tested on PostgreSQL")
class ConcurrentLikeTests(TransactionTestCase):
    # Another transactional test (the browser tests) may have flushed what migrations
    # created (the root page, the default locale); this brings it back first.
    serialized_rollback = True

    def test_n_concurrent_likes_from_n_visitors_add_exactly_n(self):
        home = make_site_root()
        channel = ChannelPageFactory(parent=home, slug="news")
        article = ArticlePageFactory(parent=channel)
        visitors = 16
        barrier = threading.Barrier(visitors)
        statuses = []

        def visit():
            client = Client()
            try:
                barrier.wait()
                statuses.append(like(client, article).status_code)
                statuses.append(like(client, article).status_code)
            finally:
                connection.close()

        threads = [threading.Thread(target=visit) for _ in range(visitors)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(statuses, [200] * visitors * 2)
        self.assertEqual(ArticleStats.objects.get(article=article).likes, visitors)
        self.assertEqual(ArticleLike.objects.filter(article=article).count(), visitors)
