"""关怀版: one switch on every page, kept in a cookie, for readers with or without a session."""

from django.test import TestCase
from django.urls import reverse

from home.tests.site import build_site


class CareModeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = build_site()
        cls.channel = cls.article.get_parent()

    def switch_on(self, next_url: str):
        return self.client.get(reverse("care_on"), {"next": next_url})

    def test_every_page_offers_the_switch_back_to_itself(self):
        for url in ("/", self.channel.url, self.article.url, "/no-such-page/"):
            response = self.client.get(url)
            html = response.content.decode()
            self.assertIn('class="care-switch"', html, url)
            self.assertIn(f"/care/on/?next={url.split('?')[0]}", html, url)
            self.assertNotIn('class="care"', html, url)
        # A browser sends the query percent-encoded; it comes back as one parameter.
        self.assertContains(
            self.client.get("/search/?q=%E5%BF%97&p=2"),
            "/care/on/?next=/search/%3Fq%3D%E5%BF%97%26p%3D2",
        )

    def test_switching_on_sets_a_long_lived_cookie_and_returns_to_the_page(self):
        response = self.switch_on(self.article.url)
        self.assertRedirects(response, self.article.url, fetch_redirect_response=False)
        cookie = response.cookies["care"]
        self.assertEqual(cookie.value, "1")
        self.assertGreaterEqual(cookie["max-age"], 365 * 24 * 60 * 60)
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["samesite"], "Lax")
        # No session is needed, and none is started.
        self.assertEqual(set(response.cookies), {"care"})

    def test_care_mode_stays_on_across_pages_until_switched_off(self):
        self.switch_on("/")
        for url in ("/", self.channel.url, self.article.url, "/no-such-page/"):
            response = self.client.get(url)
            self.assertContains(
                response,
                '<html lang="zh-Hans" class="care">',
                status_code=response.status_code,
                msg_prefix=url,
            )
            self.assertContains(
                response,
                f'href="/care/off/?next={url}">退出关怀版</a>',
                status_code=response.status_code,
            )
        off = self.client.get(reverse("care_off"), {"next": self.channel.url})
        self.assertRedirects(off, self.channel.url, fetch_redirect_response=False)
        self.assertEqual(off.cookies["care"]["max-age"], 0)
        html = self.client.get(self.channel.url).content.decode()
        self.assertIn('<html lang="zh-Hans">', html)
        self.assertIn(">关怀版</a>", html)

    def test_the_switch_only_returns_to_this_site(self):
        for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "", "x"):
            with self.subTest(target=target):
                response = self.switch_on(target)
                self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_the_switch_is_a_link_not_a_form_and_crawlers_skip_it(self):
        self.assertEqual(self.client.post(reverse("care_on")).status_code, 405)
        self.assertContains(self.client.get("/robots.txt"), "Disallow: /care/")

    def test_articles_offer_font_sizes_and_print_without_the_clutter(self):
        html = self.client.get(self.article.url).content.decode()
        # Hidden until the script shows them: without it there is nothing to click.
        self.assertIn('role="group" aria-label="正文字号" hidden>', html)
        self.assertIn("js/font-size.js", html)
        self.assertIn('css/print.css" media="print"', html)
