"""The office's two powers over the ledger, each its own permission: an office editor who may
see the 五个一 standing reads no volunteer's ID number, phone or address."""

from django.contrib.auth.models import Permission
from django.test import TestCase
from django.urls import reverse

from goodpeople.factories import UserFactory
from goodpeople.tests.site import build_city
from volunteers.factories import ServiceRecordFactory, VolunteerFactory


def url(name: str, *args) -> str:
    return reverse(f"volunteers:{name}", args=args)


class LedgerPowerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.station = cls.city.community_a.station
        cls.volunteer = VolunteerFactory(
            station=cls.station,
            name="王秀兰",
            phone="13812345678",
            id_number="11010519491231002X",
            address="甘棠北路8号",
        )
        cls.record = ServiceRecordFactory(volunteer=cls.volunteer, activity="爱心理发")
        cls.city.editor.user_permissions.add(Permission.objects.get(codename="view_standing"))
        cls.overseer = UserFactory(username="overseer")
        cls.overseer.user_permissions.add(
            *Permission.objects.filter(codename__in=["access_admin", "oversee_stations"])
        )

    def personal_data_urls(self) -> list[str]:
        station = f"?station={self.station.pk}"
        return [
            url("volunteer", self.volunteer.pk),
            url("volunteer_edit", self.volunteer.pk),
            url("certify", self.volunteer.pk),
            url("correct", self.record.pk),
            url("export") + station,
            url("volunteers") + station,
            url("records") + station,
        ]

    def test_an_editor_with_the_standing_gets_404_on_personal_data(self):
        self.client.force_login(self.city.editor)
        for address in self.personal_data_urls():
            with self.subTest(address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("11010519491231002X", response.content.decode())

    def test_overseeing_opens_the_dashboard_but_not_the_ledger(self):
        self.client.force_login(self.overseer)
        self.assertEqual(self.client.get(url("dashboard")).status_code, 200)
        self.assertEqual(self.client.get(url("volunteer", self.volunteer.pk)).status_code, 404)

    def test_reading_every_ledger_shows_the_full_record(self):
        self.client.force_login(self.city.reviewer)
        response = self.client.get(url("volunteer", self.volunteer.pk))
        self.assertContains(response, "11010519491231002X")
        self.assertContains(response, "甘棠北路8号")
        self.assertEqual(self.client.get(url("dashboard")).status_code, 200)
