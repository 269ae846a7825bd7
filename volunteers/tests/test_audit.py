"""The ledger's audit log (站点历史): a volunteer's data changed, a ledger exported, a certificate
issued, each with who and when and which fields, never the values; the office reads every
station's entries, a station only its own, an editor none (issue 11, part)."""

import io

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from goodpeople.models import StationLogEntry
from goodpeople.tests.site import build_city
from volunteers import audit
from volunteers.factories import VolunteerFactory, days_ago

SITE_HISTORY = "/admin/reports/site-history/"
ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"
NEW_PHONE = "13700001111"
NEW_ADDRESS = "九江市浔阳区庾亮南路66号"


def url(name: str, *args) -> str:
    return reverse(f"volunteers:{name}", args=args)


class LedgerAuditTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.station_a = cls.city.community_a.station
        cls.station_b = cls.city.community_b.station
        cls.volunteer = VolunteerFactory(
            station=cls.station_a, name="王秀兰", phone=PHONE, id_number=ID_NUMBER
        )
        cls.volunteer_b = VolunteerFactory(station=cls.station_b, name="李建国")

    def form_data(self, **changes) -> dict:
        v = self.volunteer
        data = {
            "name": v.name,
            "gender": v.gender,
            "phone": v.phone,
            "id_number": v.id_number,
            "address": v.address,
            "joined_on": v.joined_on.isoformat(),
            "team": v.team,
            "public_consent": "on",
            "mask_public_name": "on",
        }
        return data | changes

    def edit(self, **changes):
        self.client.force_login(self.city.station_a)
        response = self.client.post(
            url("volunteer_edit", self.volunteer.pk), self.form_data(**changes)
        )
        self.assertEqual(response.status_code, 302)

    def assertNoPersonalValue(self, text: str):
        for value in (PHONE, ID_NUMBER, NEW_PHONE, NEW_ADDRESS, "13800000000"):
            self.assertNotIn(value, text)

    def assertFresh(self, entry: StationLogEntry, action: str, user):
        self.assertEqual((entry.action, entry.user, entry.station), (action, user, self.station_a))
        self.assertLess(timezone.now() - entry.timestamp, timezone.timedelta(minutes=1))

    def test_changing_phone_and_address_logs_the_fields_not_the_values(self):
        self.edit(phone=NEW_PHONE, address=NEW_ADDRESS)
        entry = StationLogEntry.objects.get()
        self.assertFresh(entry, audit.PERSONAL_DATA, self.city.station_a)
        self.assertEqual(entry.data["fields"], ["联系电话", "住址"])
        self.assertEqual(entry.message, "修改了：联系电话、住址")
        self.assertNoPersonalValue(f"{entry.label}{entry.data}")

    def test_saving_without_a_change_logs_nothing(self):
        self.edit()
        self.assertFalse(StationLogEntry.objects.exists())

    def test_adding_a_volunteer_logs_what_was_filled_in(self):
        self.client.force_login(self.city.station_a)
        self.client.post(
            url("volunteer_add") + f"?station={self.station_a.pk}",
            {"name": "赵六", "phone": "13800000000", "joined_on": days_ago(3).isoformat()},
        )
        entry = StationLogEntry.objects.get()
        self.assertFresh(entry, audit.VOLUNTEER_ADDED, self.city.station_a)
        self.assertEqual(entry.data["fields"], ["姓名", "联系电话", "加入日期", "公开时隐去名字"])
        self.assertNoPersonalValue(f"{entry.label}{entry.data}")

    def test_importing_a_new_volunteer_is_logged(self):
        self.client.force_login(self.city.station_a)
        sheet = io.BytesIO(
            f"姓名,手机号,活动名称,服务日期,服务时长\n赵六,13800000000,巡逻,{days_ago(3)},2\n".encode()
        )
        sheet.name = "records.csv"
        self.client.post(url("import") + f"?station={self.station_a.pk}", {"file": sheet})
        entry = StationLogEntry.objects.get()
        self.assertFresh(entry, audit.VOLUNTEER_ADDED, self.city.station_a)
        self.assertEqual(entry.data["fields"], ["姓名", "联系电话"])

    def test_an_export_is_logged(self):
        self.client.force_login(self.city.reviewer)
        response = self.client.get(url("export") + f"?station={self.station_a.pk}")
        self.assertEqual(response.status_code, 200)
        self.assertFresh(StationLogEntry.objects.get(), audit.LEDGER_EXPORT, self.city.reviewer)

    def test_issuing_a_certificate_is_logged(self):
        self.client.force_login(self.city.station_a)
        self.client.post(url("certify", self.volunteer.pk))
        entry = StationLogEntry.objects.get()
        self.assertFresh(entry, audit.CERTIFICATE_ISSUE, self.city.station_a)
        self.assertIn(self.volunteer.certificates.get().number, entry.label)

    def test_the_office_reads_the_log_a_station_only_its_own_an_editor_nothing(self):
        self.edit(phone=NEW_PHONE)
        self.client.force_login(self.city.reviewer)
        self.client.get(url("export") + f"?station={self.station_b.pk}")

        response = self.client.get(SITE_HISTORY)
        self.assertContains(response, "王秀兰")
        self.assertContains(response, "修改志愿者个人信息")
        self.assertContains(response, "修改了：联系电话")
        self.assertContains(response, "导出志愿服务台账")
        self.assertContains(response, str(self.station_b))
        self.assertNoPersonalValue(response.content.decode())

        self.client.force_login(self.city.station_b)
        response = self.client.get(SITE_HISTORY)
        self.assertContains(response, "导出志愿服务台账")
        self.assertNotContains(response, "王秀兰")

        self.client.force_login(self.city.editor)
        response = self.client.get(SITE_HISTORY)
        self.assertNotContains(response, "王秀兰")
        self.assertNotContains(response, "导出志愿服务台账")
