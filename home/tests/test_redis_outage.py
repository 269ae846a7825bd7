"""Redis stops mid-run: residents keep reading, editors keep working, views and likes count.

The test starts its own redis-server on a free port (Debian's redis-server; CI installs it),
points the cache at it the way production does (core.caching.redis_cache), and kills it.
"""

import os
import shutil
import subprocess
import tempfile
import unittest

from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client, TestCase, override_settings

from core.caching import redis_cache
from core.tests.tools import free_port, wait_for_port
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory
from news.models import ArticleStats

REDIS = shutil.which("redis-server")


def require_redis() -> None:
    if REDIS:
        return
    if os.environ.get("CI"):
        raise AssertionError("CI is set but redis-server is missing: apt-get install redis-server")
    raise unittest.SkipTest("redis-server is not installed (apt-get install redis-server)")


class RedisOutageTests(TestCase):
    @classmethod
    def setUpClass(cls):
        require_redis()
        super().setUpClass()
        cls.port = free_port()
        cls.folder = tempfile.mkdtemp()
        cls.redis = subprocess.Popen(  # noqa: S603 - our own argument list
            [REDIS, "--port", str(cls.port), "--save", "", "--appendonly", "no"],
            cwd=cls.folder,
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(cls.port, cls.redis, seconds=5)
        cls.caches = override_settings(
            CACHES={"default": redis_cache(f"redis://127.0.0.1:{cls.port}/0")},
            DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=True,
        )
        cls.caches.enable()

    @classmethod
    def tearDownClass(cls):
        cls.caches.disable()
        if cls.redis.poll() is None:
            cls.redis.kill()
        cls.redis.wait()
        shutil.rmtree(cls.folder, ignore_errors=True)
        super().tearDownClass()

    @classmethod
    def setUpTestData(cls):
        home = make_site_home()
        cls.channel = ChannelPageFactory(parent=home, title="动态要闻", slug="news")
        cls.article = ArticlePageFactory(parent=cls.channel, title="志愿服务进社区")
        cls.editor = User.objects.create_superuser("boss", "boss@example.com", "pw")

    def visit(self, client: Client) -> dict[str, int]:
        """The status of what residents, front ends and editors use."""
        answers = {}
        for url in ("/", self.channel.url, self.article.url, "/search/?q=志愿", "/api/v2/pages/"):
            answers[url] = client.get(url).status_code
        editor = Client()
        editor.force_login(self.editor)
        for url in ("/admin/", f"/admin/pages/{self.article.pk}/edit/"):
            answers[url] = editor.get(url).status_code
        return answers

    def count(self, client: Client, action: str) -> int:
        response = client.post(f"/stats/{self.article.pk}/{action}/")
        self.assertEqual(response.status_code, 200, action)
        return response.json()["views" if action == "view" else "likes"]

    def test_the_site_keeps_working_when_redis_stops(self):
        reader = Client()
        self.assertTrue(cache.set("wenming:probe", 1))  # the cache really is this Redis
        self.assertEqual(set(self.visit(reader).values()), {200})
        first = self.count(reader, "view")
        self.assertEqual(self.count(reader, "view"), first)  # the same visitor counts once

        self.redis.kill()
        self.redis.wait()
        self.assertFalse(cache.set("wenming:probe", 1))  # down: a miss, not an error

        self.assertEqual(set(self.visit(reader).values()), {200})
        # Without the cache the dedupe is lost for that time: views keep counting, never fail.
        self.assertEqual(self.count(reader, "view"), first + 1)
        self.assertEqual(self.count(Client(), "like"), 1)
        self.assertEqual(ArticleStats.objects.get(article=self.article).likes, 1)
