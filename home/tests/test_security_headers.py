"""A Content-Security-Policy on public pages: only the site's own scripts run, so a script
smuggled into content does not; the admin reports what the policy would stop."""

import re

from django.test import TestCase, override_settings

from home.tests.site import build_site
from news.models import ArticlePage

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>")


class ContentSecurityPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.article = ArticlePage.objects.live().first()

    def test_public_pages_allow_only_the_sites_own_scripts(self):
        for url in ("/", self.article.url, self.article.get_parent().url, "/search/?q=志愿"):
            with self.subTest(url=url):
                response = self.client.get(url)
                policy = response["Content-Security-Policy"]
                self.assertIn("script-src 'self'", policy)
                self.assertIn("object-src 'none'", policy)
                self.assertNotIn("unsafe-inline", policy)
                self.assertNotIn("unsafe-eval", policy)
                # The pages themselves keep to it: no inline script for the policy to stop.
                self.assertEqual(INLINE_SCRIPT.findall(response.content.decode()), [])

    def test_the_admin_only_reports_for_now(self):
        response = self.client.get("/admin/login/")
        self.assertNotIn("Content-Security-Policy", response)
        self.assertIn("script-src 'self'", response["Content-Security-Policy-Report-Only"])


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31536000)
class CachedPageHeadersTests(TestCase):
    """The page cache answers before the security middleware: its pages must carry the same
    headers as a fresh one, and plain HTTP must still be sent on to HTTPS."""

    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.article = ArticlePage.objects.live().first()

    def test_a_page_from_the_cache_carries_the_headers_of_a_fresh_one(self):
        fresh = self.client.get(self.article.url, secure=True)
        cached = self.client.get(self.article.url, secure=True)
        self.assertEqual((fresh["X-Cache"], cached["X-Cache"]), ("miss", "hit"))
        for header in (
            "Strict-Transport-Security",
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "Cross-Origin-Opener-Policy",
            "X-Frame-Options",
        ):
            with self.subTest(header=header):
                self.assertEqual(cached[header], fresh[header])

    def test_plain_http_is_sent_to_https_even_when_the_page_is_cached(self):
        self.client.get(self.article.url, secure=True)
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 301)
        self.assertTrue(response["Location"].startswith("https://"))
