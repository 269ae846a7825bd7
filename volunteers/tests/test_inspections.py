"""Inspections from both sides: the station reads the findings and reports its fix, the office
confirms it or sends it back."""

from volunteers.factories import days_ago
from volunteers.models import Inspection
from volunteers.tests.test_admin import LedgerCase, url


class FollowUpTests(LedgerCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.visit_a = Inspection.objects.create(
            community=cls.city.community_a,
            visited_on=days_ago(20),
            inspectors="市文明办督查组",
            findings="好人榜两个月未更新。",
            required_fixes="本月内更新好人榜并补齐台账。",
            deadline=days_ago(-10),
            created_by=cls.city.reviewer,
        )
        cls.visit_b = Inspection.objects.create(
            community=cls.city.community_b,
            visited_on=days_ago(15),
            inspectors="市文明办督查组",
            findings="十里社区服务站无人值守。",
            required_fixes="安排值班。",
            deadline=days_ago(5),
            created_by=cls.city.reviewer,
        )

    def report(self, text="已更新好人榜，补录台账12条。", visit=None):
        self.client.force_login(self.city.station_a)
        return self.client.post(
            url("fix_report", (visit or self.visit_a).pk), {"report": text}, follow=True
        )

    def test_a_station_reads_only_its_own_communitys_findings(self):
        self.client.force_login(self.city.station_a)
        page = self.client.get(url("fixes"))
        self.assertContains(page, "好人榜两个月未更新。")
        self.assertContains(page, "本月内更新好人榜并补齐台账。")
        self.assertContains(page, "整改中")
        self.assertNotContains(page, "十里社区服务站无人值守")
        # Read-only: the office's own screens stay closed.
        self.assertDenied(self.client.get(url("inspection_edit", self.visit_a.pk)))
        self.assertDenied(self.client.get(url("inspections")))

    def test_a_station_reports_its_fix_and_the_office_confirms_it(self):
        self.assertContains(self.report(), "已报告整改完成，等待市文明办确认。")
        self.visit_a.refresh_from_db()
        self.assertEqual(self.visit_a.status(), "已报告，待确认")
        self.assertIsNone(self.visit_a.fixed_on)
        self.client.force_login(self.city.reviewer)
        index = self.client.get(url("inspections"))
        self.assertContains(index, "已更新好人榜，补录台账12条。")
        self.assertContains(index, "确认整改")
        self.client.post(url("inspection_review", self.visit_a.pk), {"decision": "confirm"})
        self.visit_a.refresh_from_db()
        self.assertEqual(self.visit_a.fixed_on, self.visit_a.fix_reported_on)
        self.assertEqual(self.visit_a.fix_confirmed_by, self.city.reviewer)
        self.client.force_login(self.city.station_a)
        self.assertContains(self.client.get(url("fixes")), "市文明办已确认")

    def test_the_office_sends_a_report_back_with_its_reason(self):
        self.report()
        self.client.force_login(self.city.reviewer)
        refused = self.client.post(
            url("inspection_review", self.visit_a.pk), {"decision": "return"}, follow=True
        )
        self.assertContains(refused, "退回时请写明原因。")
        self.client.post(
            url("inspection_review", self.visit_a.pk),
            {"decision": "return", "note": "请附更新后的好人榜照片"},
        )
        self.visit_a.refresh_from_db()
        self.assertEqual(self.visit_a.status(), "整改中")
        self.client.force_login(self.city.station_a)
        page = self.client.get(url("fixes"))
        self.assertContains(page, "请附更新后的好人榜照片")
        self.assertContains(page, "报告整改完成")

    def test_bad_reports_are_refused_and_other_communities_are_out_of_reach(self):
        self.assertContains(self.report(text="  "), "请写明做了哪些整改。")
        self.visit_a.refresh_from_db()
        self.assertIsNone(self.visit_a.fix_reported_on)
        self.client.force_login(self.city.station_a)
        response = self.client.post(url("fix_report", self.visit_b.pk), {"report": "已整改"})
        self.assertEqual(response.status_code, 404)
        self.visit_b.refresh_from_db()
        self.assertIsNone(self.visit_b.fix_reported_on)

    def test_only_the_office_confirms(self):
        self.report()
        self.client.force_login(self.city.station_a)
        self.assertDenied(
            self.client.post(url("inspection_review", self.visit_a.pk), {"decision": "confirm"})
        )
        self.visit_a.refresh_from_db()
        self.assertIsNone(self.visit_a.fixed_on)
