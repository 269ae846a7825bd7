"""The office's dashboard: figures per community, ranking, charts, exports, inspections."""

import datetime
import io
from decimal import Decimal

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from goodpeople.factories import UserFactory
from goodpeople.standing import standing_for
from goodpeople.tests.site import build_city
from volunteers.dashboard import community_rows, month_starts, ranked
from volunteers.factories import VolunteerFactory, give_hours
from volunteers.models import Inspection, ServiceRecord
from volunteers.summaries import refresh_all


def url(name: str) -> str:
    return reverse(f"volunteers:{name}")


class DashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.station_a = cls.city.community_a.station
        cls.volunteer = VolunteerFactory(station=cls.station_a, name="王秀兰")
        give_hours(cls.volunteer, 120, start=timezone.localdate() - datetime.timedelta(days=40))
        cls.today = timezone.localdate()

    def setUp(self):
        self.client.force_login(self.city.reviewer)

    def add_records(self, count: int) -> None:
        volunteers = [
            VolunteerFactory(station=self.city.community_b.station) for _ in range(count // 10)
        ]
        recorder, confirmer = UserFactory(), UserFactory()
        ServiceRecord.objects.bulk_create(
            ServiceRecord(
                station=volunteer.station,
                volunteer=volunteer,
                activity="巡逻",
                date=self.today - datetime.timedelta(days=day),
                hours=Decimal("2"),
                recorded_by=recorder,
                confirmed_by=confirmer,
            )
            for volunteer in volunteers
            for day in range(10)
        )
        refresh_all()

    def test_rows_count_confirmed_hours_stars_and_team(self):
        rows = {row.community.pk: row for row in community_rows(self.today)}
        row = rows[self.city.community_a.pk]
        self.assertEqual(row.volunteers, 1)
        self.assertEqual(row.hours_total, Decimal("120.0"))
        self.assertEqual(row.star_counts, [0, 1, 0, 0, 0, 0])
        self.assertTrue(row.standing.volunteer_team)
        self.assertFalse(rows[self.city.community_b.pk].standing.volunteer_team)
        self.assertGreater(row.score, rows[self.city.community_b.pk].score)
        self.assertEqual(sum(row.monthly), row.hours_year)

    def test_volunteer_team_mark_follows_the_roster(self):
        self.assertTrue(standing_for(self.city.community_a).volunteer_team)
        self.assertFalse(standing_for(self.city.community_b).volunteer_team)

    def test_query_count_does_not_grow_with_records(self):
        self.client.get(url("dashboard"))
        with CaptureQueriesContext(connection) as few:
            response = self.client.get(url("dashboard"))
        self.assertEqual(response.status_code, 200)
        self.add_records(200)
        self.client.get(url("dashboard"))  # new volunteers: the private sections are read again
        with CaptureQueriesContext(connection) as many:
            response = self.client.get(url("dashboard"))
        self.assertContains(response, "<svg")
        self.assertEqual(len(few), len(many))

    def test_ranking_sorts_and_filters_by_district(self):
        rows = community_rows(self.today)
        by_hours, order = ranked(rows, "-hours_total")
        self.assertEqual(order, "-hours_total")
        self.assertEqual(by_hours[0].community.pk, self.city.community_a.pk)
        self.assertEqual(ranked(rows, "bogus")[1], "-score")
        district_b = self.city.community_b.get_parent()
        response = self.client.get(url("dashboard"), {"district": district_b.pk})
        self.assertContains(response, "十里社区")
        ranking = response.content.decode().split("社区排名")[1]
        self.assertNotIn("甘棠社区", ranking)

    def test_charts_and_figures_on_the_page(self):
        response = self.client.get(url("dashboard"))
        self.assertContains(response, "近12个月已证明服务时长")
        self.assertContains(response, "志愿者星级分布")
        self.assertContains(response, "各县（市、区）近12个月人均服务时长")
        self.assertContains(response, "120.0")
        self.assertEqual(len(month_starts(self.today)), 12)

    def test_ranking_export(self):
        response = self.client.get(url("ranking_export"))
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][:4], ("名次", "县（市、区）", "社区", "得分"))
        self.assertEqual({row[2] for row in rows[1:]}, {"甘棠社区", "十里社区"})

    def test_inspection_with_overdue_fix(self):
        response = self.client.post(
            url("inspection_add"),
            {
                "community": self.city.community_b.pk,
                "visited_on": (self.today - datetime.timedelta(days=30)).isoformat(),
                "inspectors": "市文明办 李明",
                "findings": "好人榜两个月未更新",
                "required_fixes": "更新好人榜并补齐台账",
                "deadline": (self.today - datetime.timedelta(days=1)).isoformat(),
            },
        )
        self.assertRedirects(response, url("inspections"))
        self.assertContains(self.client.get(url("inspections")), "逾期未整改")
        self.assertContains(self.client.get(url("dashboard")), "更新好人榜并补齐台账")
        inspection = Inspection.objects.get()
        inspection.fixed_on = self.today
        inspection.save()
        self.assertNotContains(self.client.get(url("inspections")), "逾期未整改")

    def test_inspection_needs_a_deadline_for_fixes(self):
        response = self.client.post(
            url("inspection_add"),
            {
                "community": self.city.community_b.pk,
                "visited_on": self.today.isoformat(),
                "inspectors": "李明",
                "findings": "台账不全",
                "required_fixes": "补齐台账",
            },
        )
        self.assertContains(response, "有整改要求时请填写整改期限")
        self.assertFalse(Inspection.objects.exists())
