"""The ledger through the admin's real views: each station its own, the office all of them."""

import io
from decimal import Decimal

from django.contrib.auth.models import Permission
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from goodpeople.factories import UserFactory
from goodpeople.tests.site import build_city
from volunteers.factories import ServiceRecordFactory, VolunteerFactory, days_ago, give_hours
from volunteers.models import RecordCorrection, ServiceRecord, Volunteer


def url(name: str, *args) -> str:
    return reverse(f"volunteers:{name}", args=args)


class LedgerCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.station_a = cls.city.community_a.station
        cls.station_b = cls.city.community_b.station
        cls.clerk_a = UserFactory(username="clerk_a")
        cls.clerk_a.groups.add(cls.station_a.group)
        cls.volunteer_a = VolunteerFactory(
            station=cls.station_a,
            name="王秀兰",
            phone="13812345678",
            id_number="11010519491231002X",
        )
        cls.volunteer_b = VolunteerFactory(
            station=cls.station_b,
            name="李建国",
            phone="13987654321",
            id_number="360402198001010011",
        )
        give_hours(cls.volunteer_a, 120)
        cls.record_b = ServiceRecordFactory(volunteer=cls.volunteer_b, activity="十里社区巡逻")
        cls.record_a = ServiceRecordFactory(
            volunteer=cls.volunteer_a, activity="甘棠社区理发", recorded_by=cls.city.station_a
        )

    def assertDenied(self, response):
        """Wagtail's admin answers PermissionDenied with a redirect to its dashboard (or to
        the login page for someone without admin access)."""
        if response.status_code == 302:
            self.assertTrue(
                response.url == reverse("wagtailadmin_home")
                or response.url.startswith(reverse("wagtailadmin_login")),
                response.url,
            )
        else:
            self.assertIn(response.status_code, (403, 404))


class StationIsolationTests(LedgerCase):
    def setUp(self):
        self.client.force_login(self.city.station_a)

    def test_roster_lists_own_volunteers_masked(self):
        response = self.client.get(url("volunteers"))
        self.assertContains(response, "王秀兰")
        self.assertContains(response, "138****5678")
        self.assertContains(response, "110***********002X")
        self.assertNotContains(response, "13812345678")
        self.assertNotContains(response, "李建国")
        self.assertContains(response, "★")

    def test_cannot_see_other_stations_volunteers_or_records(self):
        for name, args in [
            ("volunteer", [self.volunteer_b.pk]),
            ("volunteer_edit", [self.volunteer_b.pk]),
            ("exchange", [self.volunteer_b.pk]),
            ("certify", [self.volunteer_b.pk]),
            ("correct", [self.record_b.pk]),
            ("void", [self.record_b.pk]),
        ]:
            with self.subTest(name=name):
                self.assertEqual(self.client.get(url(name, *args)).status_code, 404)
                self.assertEqual(self.client.post(url(name, *args), {}).status_code, 404)
        response = self.client.get(url("records") + "?status=all")
        self.assertContains(response, "甘棠社区理发")
        self.assertNotContains(response, "十里社区巡逻")
        self.assertEqual(
            self.client.get(url("volunteers") + f"?station={self.station_b.pk}").status_code, 404
        )

    def test_cannot_add_to_or_export_other_station(self):
        for name in ("volunteer_add", "record_add", "import", "export"):
            with self.subTest(name=name):
                response = self.client.get(url(name) + f"?station={self.station_b.pk}")
                self.assertEqual(response.status_code, 404)

    def test_cannot_confirm_other_stations_records_by_posting_ids(self):
        self.client.force_login(self.clerk_a)
        self.client.post(url("records") + "?status=pending", {"records": [self.record_b.pk]})
        self.record_b.refresh_from_db()
        self.assertIsNone(self.record_b.confirmed_by)

    def test_export_contains_only_own_station(self):
        response = self.client.get(url("export"))
        self.assertEqual(response.status_code, 200)
        workbook = load_workbook(io.BytesIO(response.content))
        text = str([list(row) for s in workbook for row in s.iter_rows(values_only=True)])
        self.assertIn("王秀兰", text)
        self.assertNotIn("李建国", text)
        self.assertNotIn("13987654321", text)

    def test_export_writes_a_formula_typed_as_a_name_as_text(self):
        VolunteerFactory(station=self.station_a, name='=HYPERLINK("http://evil.example","点我")')
        workbook = load_workbook(io.BytesIO(self.client.get(url("export")).content))
        cells = [cell for row in workbook["志愿者"].iter_rows() for cell in row]
        formula = next(c for c in cells if str(c.value).startswith("=HYPERLINK"))
        self.assertEqual(formula.data_type, "s")
        self.assertFalse(
            any(c.data_type == "f" for s in workbook for r in s.iter_rows() for c in r)
        )

    def test_station_cannot_open_dashboard_or_inspections(self):
        for name in ("dashboard", "ranking_export", "inspections", "inspection_add"):
            with self.subTest(name=name):
                self.assertDenied(self.client.get(url(name)))

    def test_resident_without_station_is_refused(self):
        self.client.force_login(UserFactory())
        self.assertDenied(self.client.get(url("volunteers")))


class OfficeTests(LedgerCase):
    def setUp(self):
        self.client.force_login(self.city.reviewer)

    def test_office_sees_every_station_and_full_record(self):
        response = self.client.get(url("volunteers"))
        self.assertContains(response, "王秀兰")
        self.assertContains(response, "李建国")
        response = self.client.get(url("volunteer", self.volunteer_b.pk))
        self.assertContains(response, "13987654321")

    def test_office_reads_but_does_not_change_a_station_ledger(self):
        self.assertDenied(self.client.get(url("volunteer_edit", self.volunteer_b.pk)))
        self.assertDenied(self.client.post(url("correct", self.record_b.pk), {"reason": "x"}))
        self.assertFalse(RecordCorrection.objects.exists())

    def test_office_commends(self):
        response = self.client.post(
            url("commend", self.volunteer_a.pk),
            {"title": "优秀志愿者", "awarded_on": days_ago(3).isoformat()},
        )
        self.assertRedirects(response, url("volunteer", self.volunteer_a.pk))
        self.assertEqual(self.volunteer_a.commendations.get().title, "优秀志愿者")

    def test_audit_trail_shows_original_and_reason(self):
        self.client.force_login(self.city.station_a)
        record = ServiceRecord.objects.filter(volunteer=self.volunteer_a, hours=8).first()
        response = self.client.post(
            url("correct", record.pk),
            {**self.record_form(record), "hours": "6", "reason": "签到表核对后为6小时"},
        )
        self.assertRedirects(response, url("volunteer", self.volunteer_a.pk))
        self.client.force_login(self.city.reviewer)
        response = self.client.get(url("corrections"))
        self.assertContains(response, "签到表核对后为6小时")
        self.assertContains(response, "8.0 小时")
        self.assertContains(response, "6.0 小时（待证明）")

    def record_form(self, record) -> dict:
        return {
            "activity": record.activity,
            "date": record.date.isoformat(),
            "place": record.place,
            "served": record.served,
            "content": record.content,
            "hours": str(record.hours),
        }


class EntryTests(LedgerCase):
    def test_bulk_entry_then_confirmation_by_another_person(self):
        self.client.force_login(self.city.station_a)
        second = VolunteerFactory(station=self.station_a, name="张三")
        response = self.client.post(
            url("record_add") + f"?station={self.station_a.pk}",
            {
                "station": self.station_a.pk,
                "activity": "重阳节敬老",
                "date": days_ago(5).isoformat(),
                "place": "社区活动室",
                "served": "辖区老人",
                "content": "包饺子",
                "hours": "3.5",
                "volunteers": [self.volunteer_a.pk, second.pk],
            },
        )
        self.assertEqual(response.status_code, 302)
        added = ServiceRecord.objects.filter(activity="重阳节敬老")
        self.assertEqual(added.count(), 2)
        ids = [r.pk for r in added]
        self.client.post(url("records") + "?status=pending", {"records": ids}, follow=True)
        self.assertFalse(added.filter(confirmed_by__isnull=False).exists(), "no self-confirmation")
        self.client.force_login(self.clerk_a)
        response = self.client.post(
            url("records") + "?status=pending", {"records": ids}, follow=True
        )
        self.assertContains(response, "已证明 2 条记录")

    def test_bulk_entry_errors_name_the_volunteer(self):
        self.client.force_login(self.city.station_a)
        response = self.client.post(
            url("record_add"),
            {
                "activity": "通宵值守",
                "date": self.record_a.date.isoformat(),
                "hours": "23",
                "volunteers": [self.volunteer_a.pk],
            },
        )
        self.assertContains(response, "王秀兰 在")
        self.assertContains(response, "超过一天 24 小时")
        self.assertFalse(ServiceRecord.objects.filter(activity="通宵值守").exists())

    def test_exchange_refused_beyond_balance(self):
        self.client.force_login(self.city.station_a)
        response = self.client.post(
            url("exchange", self.volunteer_a.pk),
            {"service": "家电维修", "hours": "500", "date": days_ago(1).isoformat()},
        )
        self.assertContains(response, "可兑换余额只有 120.0 小时")
        self.assertFalse(self.volunteer_a.exchanges.exists())

    def test_certificate_printable_with_masked_id(self):
        self.client.force_login(self.city.station_a)
        response = self.client.post(url("certify", self.volunteer_a.pk), follow=True)
        certificate = self.volunteer_a.certificates.get()
        self.assertContains(response, certificate.number)
        self.assertContains(response, "110***********002X")
        self.assertNotContains(response, "11010519491231002X")
        self.assertContains(response, "120.0")
        self.assertContains(response, "@media print")

    def test_volunteer_form_validates_id_number(self):
        self.client.force_login(self.city.station_a)
        response = self.client.post(
            url("volunteer_add") + f"?station={self.station_a.pk}",
            {
                "station": self.station_a.pk,
                "name": "赵六",
                "id_number": "110105194912310021",
                "joined_on": days_ago(200).isoformat(),
            },
        )
        self.assertContains(response, "校验位不正确")
        self.assertFalse(Volunteer.objects.filter(name="赵六").exists())

    def test_dates_and_counts(self):
        self.assertEqual(RecordCorrection.objects.count(), 0)
        self.assertEqual(self.record_a.date, days_ago(60))
        self.assertEqual(self.volunteer_a.records.count(), 16)
        self.assertEqual(Decimal("0.5") * 2, 1)


class OfficeConfirmationTests(LedgerCase):
    """A station with a single account cannot confirm what it recorded: the office can."""

    def test_the_office_confirms_a_single_account_stations_records(self):
        self.client.force_login(self.city.reviewer)
        listing = self.client.get(url("records") + f"?station={self.station_a.pk}")
        self.assertContains(listing, "证明所选")
        response = self.client.post(
            url("records") + f"?status=pending&station={self.station_a.pk}",
            {"records": [self.record_a.pk]},
            follow=True,
        )
        self.assertContains(response, "已证明 1 条记录")
        self.record_a.refresh_from_db()
        self.assertEqual(self.record_a.confirmed_by, self.city.reviewer)

    def test_confirming_nothing_says_what_to_do(self):
        self.client.force_login(self.city.reviewer)
        response = self.client.post(url("records") + "?status=pending", {}, follow=True)
        self.assertContains(response, "请先勾选要证明的记录。")

    def test_the_button_is_not_shown_to_whoever_may_not_confirm(self):
        reader = UserFactory(username="ledger_reader")
        reader.user_permissions.add(
            *Permission.objects.filter(codename__in=["access_admin", "view_all_ledgers"])
        )
        self.client.force_login(reader)
        listing = self.client.get(url("records"))
        self.assertContains(listing, "甘棠社区理发")
        self.assertNotContains(listing, "证明所选")
        self.assertNotContains(listing, 'name="records"')
        self.client.post(url("records") + "?status=pending", {"records": [self.record_a.pk]})
        self.record_a.refresh_from_db()
        self.assertIsNone(self.record_a.confirmed_by)
