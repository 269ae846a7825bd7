"""A Content-Security-Policy on public pages: only the site's own scripts run, so a script
smuggled into content does not; the admin reports what the policy would stop."""

import re

from django.test import TestCase

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
