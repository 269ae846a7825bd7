"""Every public community page type renders HTML a validator and a screen reader accept."""

import datetime

from django.test import TestCase
from django.urls import reverse

from core.tests.html import html_problems
from goodpeople.factories import BrandShowcasePageFactory, NoticePageFactory
from goodpeople.models import BrandProjectPage, DistrictPage
from goodpeople.tests.site import build_city


class ValidHtmlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.showcase = BrandShowcasePageFactory(parent=cls.city.section)
        today = datetime.date.today()
        cls.notice = NoticePageFactory(
            parent=cls.city.community_a, publicity_start=today, publicity_end=today
        )

    def test_community_pages(self):
        board = self.city.community_a.board()
        month = board.entries.get().listed_on
        urls = [
            self.city.section.url,
            DistrictPage.objects.first().url,
            self.city.community_a.url,
            board.url,
            f"{board.url}archive/{month.year}/{month.month}/",
            BrandProjectPage.objects.first().url,
            self.showcase.url,
            f"{self.showcase.url}?category=elderly",
            self.notice.url,
        ]
        for url in urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(html_problems(response.content.decode()), [])

    def test_the_nomination_form_with_errors(self):
        board = self.city.community_a.board()
        response = self.client.post(reverse("nominate", args=[board.pk]), {"name": "", "deed": ""})
        self.assertEqual(html_problems(response.content.decode()), [])
