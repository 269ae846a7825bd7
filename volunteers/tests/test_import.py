"""Spreadsheet import: every row checked, a report by row number, all or nothing."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from openpyxl import Workbook

from goodpeople.tests.site import build_city
from volunteers.factories import VolunteerFactory, days_ago
from volunteers.importing import import_records
from volunteers.models import ServiceRecord, Volunteer

HEADER = ["姓名", "手机号", "身份证号", "活动名称", "服务日期", "服务地点", "服务时长"]


def xlsx(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("台账.xlsx", buffer.getvalue())


def csv_file(text: str, encoding="utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile("台账.csv", text.encode(encoding))


# Service days of the sheets: in the past whatever today is, written as stations write them.
DAY = days_ago(60)
NEXT_DAY = days_ago(59)


class ImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.station = cls.city.community_a.station
        cls.known = VolunteerFactory(station=cls.station, name="王秀兰", phone="13812345678")

    def test_good_sheet_imports_every_row_unconfirmed(self):
        report = import_records(
            xlsx(
                [
                    ["王秀兰", "", "", "爱心理发", DAY, "活动室", 2],
                    [
                        "王秀兰",
                        "",
                        "",
                        "爱心理发",
                        f"{NEXT_DAY.year}/{NEXT_DAY.month}/{NEXT_DAY.day}",
                        "活动室",
                        "1.5",
                    ],
                    [
                        "张新",
                        "13900001111",
                        "",
                        "敬老",
                        f"{NEXT_DAY:%Y}年{NEXT_DAY.month}月{NEXT_DAY.day}日",
                        "",
                        3,
                    ],
                ]
            ),
            self.station,
            self.city.station_a,
        )
        self.assertTrue(report.ok, report.errors)
        self.assertEqual(report.imported, 3)
        self.assertEqual(report.new_volunteers, ["张新"])
        self.assertEqual(self.known.records.count(), 2)
        self.assertFalse(ServiceRecord.objects.filter(confirmed_by__isnull=False).exists())
        self.assertTrue(Volunteer.objects.filter(name="张新", station=self.station).exists())

    def test_bad_sheet_imports_nothing_and_names_each_row(self):
        report = import_records(
            xlsx(
                [
                    ["王秀兰", "", "", "爱心理发", DAY.isoformat(), "", 2],
                    ["王秀兰", "", "", "爱心理发", "2026-13-01", "", 2],
                    ["王秀兰", "", "", "爱心理发", NEXT_DAY.isoformat(), "", "1.2"],
                    ["李四", "", "", "巡逻", NEXT_DAY.isoformat(), "", 2],
                    ["王秀兰", "", "", "通宵", DAY.isoformat(), "", 23],
                    ["", "", "", "巡逻", NEXT_DAY.isoformat(), "", 2],
                ]
            ),
            self.station,
            self.city.station_a,
        )
        self.assertFalse(report.ok)
        text = "\n".join(report.errors)
        self.assertIn("第 3 行：没有“2026-13-01”这一天", text)
        self.assertIn("第 4 行：时长以半小时为单位", text)
        self.assertIn("第 5 行：“李四”不在本站名册中", text)
        self.assertIn("超过一天 24 小时", text)
        self.assertIn("第 7 行：“姓名”为空", text)
        self.assertFalse(ServiceRecord.objects.exists())
        self.assertFalse(Volunteer.objects.filter(name="李四").exists())

    def test_csv_in_gbk_and_missing_columns(self):
        report = import_records(
            csv_file(f"姓名,活动名称,服务日期,服务时长\n王秀兰,巡逻,{DAY},2\n", "gbk"),
            self.station,
            self.city.station_a,
        )
        self.assertTrue(report.ok, report.errors)
        report = import_records(csv_file(f"姓名,日期\n王秀兰,{DAY}\n"), self.station, None)
        self.assertEqual(report.errors, ["第一行缺少这些列：活动名称、服务时长。"])
        report = import_records(SimpleUploadedFile("a.pdf", b"%PDF"), self.station, None)
        self.assertIn("只能导入", report.errors[0])

    def test_import_view_shows_the_report(self):
        self.client.force_login(self.city.station_a)
        url = reverse("volunteers:import")
        response = self.client.post(
            url,
            {
                "station": self.station.pk,
                "file": xlsx([["王秀兰", "", "", "巡逻", DAY.isoformat(), "", "abc"]]),
            },
        )
        self.assertContains(response, "没有导入任何记录")
        self.assertContains(response, "第 2 行：时长“abc”不是数字")
        response = self.client.post(
            url,
            {
                "station": self.station.pk,
                "file": xlsx([["王秀兰", "", "", "巡逻", DAY.isoformat(), "", 2]]),
            },
        )
        self.assertContains(response, "已导入 1 条记录")
