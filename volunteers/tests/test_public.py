"""What the public sees of the ledger: the honour roll and certificate verification, and
never a volunteer's phone, ID number or address anywhere public."""

from decimal import Decimal

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from goodpeople.factories import UserFactory
from goodpeople.tests.site import build_city
from volunteers.certificates import issue_certificate
from volunteers.factories import VolunteerFactory, give_hours
from volunteers.models import Commendation

PHONE = "13812345678"
ID_NUMBER = "11010519491231002X"
ADDRESS = "甘棠北路88号3单元"


class PublicTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        station = cls.city.community_a.station
        cls.shown = VolunteerFactory(
            station=station,
            name="柳青禾",
            phone=PHONE,
            id_number=ID_NUMBER,
            address=ADDRESS,
            public_consent=True,
            mask_public_name=False,
        )
        cls.masked = VolunteerFactory(
            station=station, name="陈美华", public_consent=True, mask_public_name=True
        )
        cls.private = VolunteerFactory(station=station, name="赵不公开", public_consent=False)
        give_hours(cls.shown, Decimal("300"))
        give_hours(cls.masked, Decimal("99.5"))
        give_hours(cls.private, 50)
        Commendation.objects.create(
            volunteer=cls.shown, title="2026年度优秀志愿者", awarded_by=UserFactory()
        )
        cls.certificate = issue_certificate(cls.shown, cls.city.station_a)

    def assertNoPersonalData(self, response):
        for secret in (PHONE, ID_NUMBER, ADDRESS, "赵不公开"):
            self.assertNotContains(response, secret)

    def test_city_honour_roll(self):
        response = self.client.get(reverse("honour_roll"))
        self.assertContains(response, "柳青禾")
        self.assertContains(response, "★★")
        self.assertContains(response, "300.0")
        self.assertContains(response, "2026年度优秀志愿者")
        self.assertContains(response, "陈**")
        self.assertNotContains(response, "陈美华")
        self.assertContains(response, "甘棠社区")
        self.assertNoPersonalData(response)

    def test_community_honour_roll_and_unpublished_community(self):
        url = reverse("community_honour_roll", args=[self.city.community_a.pk])
        response = self.client.get(url)
        self.assertContains(response, "甘棠社区志愿者风采")
        self.assertContains(response, "柳青禾")
        self.assertNoPersonalData(response)
        response = self.client.get(
            reverse("community_honour_roll", args=[self.city.community_b.pk])
        )
        self.assertNotContains(response, "柳青禾")
        self.city.community_a.unpublish()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertNotContains(self.client.get(reverse("honour_roll")), "柳青禾")

    def test_certificate_verification_proves_the_number_without_personal_data(self):
        url = reverse("certificate_verify")
        response = self.client.get(url, {"number": self.certificate.number.lower()})
        self.assertContains(response, "是真实有效的志愿服务证明")
        self.assertContains(response, "甘棠社区学雷锋志愿服务工作站")
        self.assertContains(response, "300.0 小时")
        self.assertNotContains(response, "柳青禾")
        self.assertNoPersonalData(response)
        response = self.client.get(url, {"number": "JJZY-2026-000001-AAAAAAAA"})
        self.assertContains(response, "没有查到编号")

    def test_certificate_numbers_are_unique(self):
        second = issue_certificate(self.shown, self.city.station_a)
        self.assertNotEqual(second.number, self.certificate.number)
        self.assertRegex(
            second.number, rf"^JJZY-{timezone.localdate().year}-000002-[A-HJ-NP-Z2-9]{{8}}$"
        )

    def test_no_ledger_data_in_search_api_or_community_pages(self):
        for url in [
            "/api/v2/pages/?type=goodpeople.CommunityPage&fields=*",
            f"/api/v2/pages/{self.city.community_a.pk}/",
            self.city.community_a.url,
            "/feed/",
            "/sitemap.xml",
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNoPersonalData(response)
                self.assertNotContains(response, "柳青禾")
        for query in ("柳青禾", PHONE, ADDRESS):
            with self.subTest(query=query):
                api = self.client.get("/api/v2/pages/", {"search": query})
                self.assertEqual(api.json()["meta"]["total_count"], 0)
                self.assertNoPersonalData(self.client.get(reverse("search"), {"q": "柳青禾"}))
