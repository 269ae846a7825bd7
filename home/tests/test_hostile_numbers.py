"""Numbers no resident would type — page numbers, offsets, years and ids beyond any database
column — are answered 400 or 404, never a 500 (issue 11, in part)."""

from django.test import TestCase

from goodpeople.models import GoodPeopleBoardPage
from goodpeople.tests.site import build_city
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory

HUGE = "99999999999999999999"
OVERLONG = "9" * 5000  # more digits than int() converts


class HostileNumberTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site_home()
        cls.channel = ChannelPageFactory(parent=home, slug="news")
        ArticlePageFactory(parent=cls.channel, title="志愿服务")
        cls.city = build_city()
        cls.board = GoodPeopleBoardPage.objects.child_of(cls.city.community_a).get()

    def test_no_huge_number_ends_in_a_server_error(self):
        for url, answers in [
            (f"/search/?q=志愿&page={HUGE}", {404}),
            (f"/search/?q=志愿&page=-{HUGE}", {200}),
            (f"/api/v2/pages/?offset={HUGE}", {400}),
            (f"/api/v2/images/?offset={HUGE}", {400}),
            (f"/api/v2/pages/{HUGE}/", {404}),
            (f"{self.board.url}archive/{HUGE}/1/", {404}),
            (f"{self.board.url}archive/2026/{HUGE}/", {404}),
            (f"/volunteers/{HUGE}/", {404}),
            ("/volunteers/9999999999/", {404}),
            (f"{self.channel.url}?page={HUGE}", {200, 404}),
            (f"/search/?q=志愿&channel={HUGE}", {400}),
            (f"/api/v2/pages/?channel={HUGE}", {400}),
            (f"/api/v2/pages/?offset={OVERLONG}", {400}),
            ("/api/v2/pages/?offset=%C2%B2", {400}),
            ("/api/v2/pages/find/?id=abc", {400}),
            (f"/api/v2/images/find/?id={HUGE}", {400}),
            (f"/documents/{OVERLONG}/a.pdf", {404}),
        ]:
            with self.subTest(url=url):
                self.assertIn(self.client.get(url).status_code, answers)
        for action in ("view", "like"):
            with self.subTest(action=action):
                self.assertEqual(self.client.post(f"/stats/{HUGE}/{action}/").status_code, 404)

    def test_the_admin_answers_404_for_ids_beyond_the_database(self):
        self.client.force_login(self.city.reviewer)
        for url in (
            f"/admin/ledger/volunteers/{HUGE}/",
            "/admin/ledger/records/9999999999/correct/",
            f"/admin/ledger/inspections/{HUGE}/",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_the_ledger_ignores_digits_that_are_not_ids(self):
        self.client.force_login(self.city.reviewer)
        for url in ("/admin/ledger/?station=%C2%B2", "/admin/ledger/dashboard/?district=%C2%B2"):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)
