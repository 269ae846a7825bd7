"""Two app servers behind one address: nothing a reader or an editor does lives in one of them.

Two gunicorn servers with production settings share the test database (PostgreSQL) and a
Redis of the test's own. A like through one is counted by the other, a session started on
one is valid on the other, a publish through one is not hidden behind a page the other has
cached, and a photo uploaded through one is served by the other. Static files come hashed,
compressed and cacheable for a year from either.
"""

import http.client
import io
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.parse
from pathlib import Path

import redis
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User
from django.db import connection
from django.test import TransactionTestCase
from django.urls import reverse
from wagtail.models import Site

from core.models import SiteSettings
from core.tests.tools import free_port, wait_for_port
from goodpeople.models import GoodPeopleBoardPage, Nomination
from goodpeople.tests.site import build_city, png_bytes
from home.tests.test_redis_outage import REDIS, require_redis
from news.factories import ArticlePageFactory, ChannelPageFactory


class Visitor:
    """A browser's cookie jar, sent to whichever server it asks (production cookies are
    Secure, which urllib's jar would keep from plain http)."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, port: int, method: str, path: str, body=b"", headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if "csrftoken" in self.cookies and method == "POST":
            headers.setdefault("X-CSRFToken", self.cookies["csrftoken"])
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        connection.close()
        return response, content

    def post_form(self, port: int, path: str, data) -> tuple:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request(port, "POST", path, body, headers)

    def log_in(self, port: int, username: str, password: str) -> None:
        self.request(port, "GET", "/admin/login/")
        response, _ = self.post_form(
            port,
            "/admin/login/",
            {
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
            },
        )
        assert response.status == 302, f"login on {port} answered {response.status}"


def multipart(fields: dict[str, str], name: str, filename: str, content: bytes):
    boundary = secrets.token_hex(12)
    body = io.BytesIO()
    for key, value in fields.items():
        part = f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'
        body.write(part.encode())
    body.write(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
        f'filename="{filename}"\r\nContent-Type: image/png\r\n\r\n'.encode()
    )
    body.write(content + f"\r\n--{boundary}--\r\n".encode())
    return body.getvalue(), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


class TwoServerTests(TransactionTestCase):
    # The servers are other processes: they see only committed data, and need the database's
    # migrated rows (root page, locale) back after the flush.
    serialized_rollback = True

    @classmethod
    def setUpClass(cls):
        if connection.vendor != "postgresql":
            raise unittest.SkipTest("two servers share a database server: PostgreSQL only")
        require_redis()
        super().setUpClass()
        cls.folder = Path(tempfile.mkdtemp())
        cls.redis_port = redis_port = free_port()
        cls.redis = subprocess.Popen(  # noqa: S603 - our own argument list
            [REDIS, "--port", str(redis_port), "--save", "", "--appendonly", "no"],
            cwd=cls.folder,
            stdout=subprocess.DEVNULL,
        )
        db = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wenming.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"postgresql://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "MEDIA_ROOT": str(cls.folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(cls.folder / "private-media"),
            # Likes limited low, to see the servers count them together.
            "WENMING_RATE_LIMITS": "like=3/600",
        }
        subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
        )
        cls.ports = [free_port(), free_port()]
        cls.servers = [
            subprocess.Popen(  # noqa: S603 - our own argument list
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "wenming.wsgi",
                    "--workers",
                    "1",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--log-level",
                    "warning",
                ],
                cwd=settings.BASE_DIR,
                env=env,
            )
            for port in cls.ports
        ]
        for port, server in zip(cls.ports, cls.servers, strict=True):
            wait_for_port(port, server)

    @classmethod
    def tearDownClass(cls):
        for process in [*cls.servers, cls.redis]:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(cls.folder, ignore_errors=True)
        super().tearDownClass()

    def setUp(self):
        # Each test starts with the servers' shared cache empty (the test's own Redis).
        redis.Redis(port=self.redis_port).flushdb()
        self.city = build_city()
        channel = ChannelPageFactory(parent=self.city.site_root, title="动态要闻", slug="news")
        self.article = ArticlePageFactory(parent=channel, title="志愿服务进社区")
        # Production's password hashers, not the tests' fast one.
        self.admin = User.objects.create_superuser("boss", "boss@example.com")
        hasher = PBKDF2PasswordHasher()
        self.admin.password = hasher.encode("pw-2026-boss", hasher.salt())
        self.admin.save()
        # Made by the first page rendered otherwise, which would empty the page cache.
        SiteSettings.for_site(Site.objects.get(is_default_site=True))
        self.one, self.other = self.ports

    def test_a_like_on_one_server_is_counted_on_the_other(self):
        reader = Visitor()
        stats = f"/stats/{self.article.pk}/"
        response, _ = reader.request(self.one, "POST", stats + "view/")
        self.assertEqual(response.status, 200)
        response, content = reader.request(self.one, "POST", stats + "like/")
        self.assertEqual(response.status, 200, content)
        # The other server knows this reader (signed cookie, same key) and the like (database).
        response, content = reader.request(self.other, "POST", stats + "view/")
        self.assertIn(b'"likes": 1', content)
        self.assertIn(b'"liked": true', content)

    def test_a_rate_limit_counts_the_requests_to_both_servers(self):
        stats = f"/stats/{self.article.pk}/like/"
        answers = []
        for port in (self.one, self.other, self.one, self.other):
            # A new reader each time (no cookies): only the address can stop a script.
            reader = Visitor()
            reader.request(port, "POST", f"/stats/{self.article.pk}/view/")
            response, _ = reader.request(port, "POST", stats)
            answers.append(response.status)
        self.assertEqual(answers, [200, 200, 200, 429])

    def test_a_publish_through_one_is_seen_at_once_on_the_other(self):
        self.article.title = "两台服务器都看到的新标题"
        self.article.save_revision()  # a draft: readers still see the old title
        reader = Visitor()
        for expected in ("miss", "hit"):
            response, content = reader.request(self.other, "GET", self.article.url)
            self.assertEqual(response.headers["X-Cache"], expected)
        self.assertNotIn("两台服务器都看到的新标题", content.decode())

        # The editor publishes the draft in the admin (发布, from the page listing) on one.
        editor = Visitor()
        editor.log_in(self.one, "boss", "pw-2026-boss")
        publish = f"/admin/bulk/wagtailcore/page/publish/?id={self.article.pk}"
        response, _ = editor.request(self.one, "GET", publish)
        self.assertEqual(response.status, 200)
        token = {"csrfmiddlewaretoken": editor.cookies["csrftoken"]}
        response, _ = editor.post_form(self.one, publish, token)
        self.assertEqual(response.status, 302)

        response, content = reader.request(self.other, "GET", self.article.url)
        self.assertEqual(response.status, 200)
        self.assertIn("两台服务器都看到的新标题", content.decode())
        # The editor's session, started on the first server, is good on the second.
        response, _ = editor.request(self.other, "GET", "/admin/")
        self.assertEqual(response.status, 200)

    def test_a_photo_uploaded_through_one_is_shown_by_the_other(self):
        board = GoodPeopleBoardPage.objects.child_of(self.city.community_a).get()
        fields = {"name": "王大爷", "deed": "义务巡逻二十年。", "nominator": "邻居"}
        body, headers = multipart(fields, "photo", "wang.png", png_bytes(size=(64, 48)))
        response, content = Visitor().request(
            self.one, "POST", reverse("nominate", args=[board.pk]), body, headers
        )
        self.assertEqual(response.status, 302, content[:500])
        nomination = Nomination.objects.get()

        office = Visitor()
        office.log_in(self.other, "boss", "pw-2026-boss")
        path = reverse("goodpeople_nomination_photo", args=[nomination.pk])
        response, content = office.request(self.other, "GET", path)
        self.assertEqual(response.status, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("image/"))
        self.assertTrue(re.match(rb"\x89PNG|\xff\xd8|RIFF", content))

    def test_static_files_are_hashed_compressed_and_kept_for_a_year(self):
        _, html = Visitor().request(self.one, "GET", self.article.url)
        path = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1).decode()
        headers = {"Accept-Encoding": "gzip, br"}
        response, _ = Visitor().request(self.other, "GET", path, headers=headers)
        self.assertEqual(response.status, 200)
        self.assertIn(response.headers["Content-Encoding"], ("gzip", "br"))
        self.assertIn("immutable", response.headers["Cache-Control"])
        self.assertIn("max-age=315360000", response.headers["Cache-Control"])
