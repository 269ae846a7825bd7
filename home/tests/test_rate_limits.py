"""Brakes on anonymous input: one client address gets a 429 with a Chinese message once it
goes over a limit, and a forged X-Forwarded-For does not make it a new client."""

from django.test import RequestFactory, SimpleTestCase, TestCase, override_settings
from django.urls import reverse

from core.ratelimit import client_address
from goodpeople.models import GoodPeopleBoardPage, Nomination
from goodpeople.tests.site import build_city
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory
from news.models import ArticleStats

LIMITS = {
    "view": (3, 60),
    "like": (3, 60),
    "search": (3, 60),
    "api": (3, 60),
    "nomination": (3, 3600),
    "certificate": (3, 600),
}
MESSAGE = "您的操作过于频繁，请稍后再试。"


@override_settings(WENMING_RATE_LIMITS=LIMITS)
class RateLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site_home()
        channel = ChannelPageFactory(parent=home, title="动态要闻", slug="news")
        cls.article = ArticlePageFactory(parent=channel, title="志愿服务进社区")

    def assertLimited(self, response, json=False):
        self.assertEqual(response.status_code, 429)
        self.assertTrue(0 < int(response["Retry-After"]) <= 3600)
        if json:
            self.assertIn(MESSAGE, response.content.decode())
        else:
            self.assertContains(response, MESSAGE, status_code=429)

    def test_likes_from_one_address_stop_at_the_limit(self):
        like = f"/stats/{self.article.pk}/like/"
        # Without cookies every request is a new visitor: only the address can stop a script.
        for _ in range(3):
            self.assertEqual(self.client_without_cookies().post(like).status_code, 200)
        self.assertLimited(self.client_without_cookies().post(like), json=True)
        self.assertEqual(ArticleStats.objects.get(article=self.article).likes, 3)
        # Another address still likes.
        other = self.client_without_cookies().post(like, REMOTE_ADDR="10.0.0.2")
        self.assertEqual(other.status_code, 200)

    def client_without_cookies(self):
        self.client.cookies.clear()
        return self.client

    def test_views_search_and_the_api_are_limited(self):
        # A script asks something new each time; the same request again comes from the page
        # cache, costs nothing and is not counted.
        for url, method in (
            (f"/stats/{self.article.pk}/view/?n=", self.client.post),
            ("/search/?q=志愿", self.client.get),
            ("/api/v2/pages/?offset=", self.client.get),
        ):
            with self.subTest(url=url):
                for n in range(3):
                    self.assertEqual(method(f"{url}{n}").status_code, 200)
                response = method(f"{url}9")
                self.assertEqual(response.status_code, 429)
                self.assertIn(MESSAGE, response.content.decode())

    def test_reading_pages_is_not_limited(self):
        for _ in range(10):
            self.assertEqual(self.client.get(self.article.url).status_code, 200)

    @override_settings(WENMING_TRUSTED_PROXIES=1)
    def test_a_forged_forwarded_for_does_not_reset_the_limit(self):
        like = f"/stats/{self.article.pk}/like/"
        # nginx appends the address it saw; the client wrote the rest, a new one every time.
        for n in range(3):
            forged = f"1.2.3.{n}, 203.0.113.7"
            response = self.client_without_cookies().post(like, HTTP_X_FORWARDED_FOR=forged)
            self.assertEqual(response.status_code, 200)
        forged = "1.2.3.99, 203.0.113.7"
        self.assertLimited(
            self.client_without_cookies().post(like, HTTP_X_FORWARDED_FOR=forged), json=True
        )
        # A different client behind the same proxy is not affected.
        response = self.client_without_cookies().post(like, HTTP_X_FORWARDED_FOR="198.51.100.4")
        self.assertEqual(response.status_code, 200)


@override_settings(WENMING_RATE_LIMITS=LIMITS)
class ResidentFormLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.board = GoodPeopleBoardPage.objects.child_of(cls.city.community_a).get()

    def test_nominations_from_one_address_stop_at_the_limit(self):
        for n in range(3):
            fields = {"name": f"王大爷{n}", "deed": "义务巡逻二十年。", "nominator": "邻居"}
            self.assertEqual(
                self.client.post(reverse("nominate", args=[self.board.pk]), fields).status_code, 302
            )
        fields = {"name": "李阿姨", "deed": "照顾孤寡老人。", "nominator": "邻居"}
        response = self.client.post(reverse("nominate", args=[self.board.pk]), fields)
        self.assertContains(response, MESSAGE, status_code=429)
        self.assertEqual(Nomination.objects.count(), 3)
        # Reading the board is not a nomination.
        self.assertEqual(self.client.get(self.board.url).status_code, 200)

    def test_certificate_guesses_stop_at_the_limit(self):
        url = reverse("certificate_verify")
        for n in range(3):
            response = self.client.get(url, {"number": f"JJZYFW-2026-{n:08d}"})
            self.assertContains(response, "查询")
        response = self.client.get(url, {"number": "JJZYFW-2026-00000009"})
        self.assertContains(response, MESSAGE, status_code=429)
        # The empty form still opens.
        self.assertEqual(self.client.get(url).status_code, 200)


class ClientAddressTests(SimpleTestCase):
    def address(self, proxies, remote, forwarded=None):
        request = RequestFactory().get("/", REMOTE_ADDR=remote)
        if forwarded is not None:
            request.META["HTTP_X_FORWARDED_FOR"] = forwarded
        with override_settings(WENMING_TRUSTED_PROXIES=proxies):
            return client_address(request)

    def test_without_trusted_proxies_the_header_is_ignored(self):
        self.assertEqual(self.address(0, "203.0.113.7", "1.2.3.4"), "203.0.113.7")

    def test_the_address_the_outermost_trusted_proxy_saw(self):
        self.assertEqual(self.address(1, "127.0.0.1", "1.2.3.4, 203.0.113.7"), "203.0.113.7")
        # A CDN in front of nginx: the CDN wrote the client, nginx wrote the CDN.
        self.assertEqual(
            self.address(2, "127.0.0.1", "1.2.3.4, 203.0.113.7, 198.51.100.1"), "203.0.113.7"
        )

    def test_one_ipv6_subscriber_is_one_client(self):
        self.assertEqual(
            self.address(0, "2001:db8:1:2:aaaa::1"), self.address(0, "2001:db8:1:2:bbbb::9")
        )
        self.assertNotEqual(self.address(0, "2001:db8:1:2::1"), self.address(0, "2001:db8:1:3::1"))
