"""Handling residents' nominations leaves an entry in the audit log (站点历史): who, when,
what; the office reads every station's entries, a station only its own (issue 11, part)."""

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from goodpeople.models import GoodPeopleBoardPage, Nomination, StationLogEntry
from goodpeople.nominations import HANDLED, LISTED, REJECTED
from goodpeople.tests.site import build_city

SITE_HISTORY = "/admin/reports/site-history/"
NOTE = "推荐人电话13800001111已核实"


def edit_url(nomination: Nomination) -> str:
    return reverse("wagtailsnippets_goodpeople_nomination:edit", args=[nomination.pk])


class NominationAuditTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        board_a = GoodPeopleBoardPage.objects.child_of(cls.city.community_a).get()
        board_b = GoodPeopleBoardPage.objects.child_of(cls.city.community_b).get()
        cls.nomination_a = Nomination.objects.create(
            board=board_a, name="王大爷", deed="义务巡逻二十年。", contact="13900002222"
        )
        cls.nomination_b = Nomination.objects.create(
            board=board_b, name="刘阿姨", deed="照顾孤寡老人。"
        )

    def handle(self, user, nomination: Nomination, status: str, note: str = ""):
        self.client.force_login(user)
        response = self.client.post(edit_url(nomination), {"status": status, "note": note})
        self.assertEqual(response.status_code, 302)

    def test_declining_logs_who_when_and_which_fields_never_the_note(self):
        self.handle(self.city.station_a, self.nomination_a, Nomination.Status.DECLINED, NOTE)
        entry = StationLogEntry.objects.get()
        self.assertEqual(entry.action, REJECTED)
        self.assertEqual(entry.user, self.city.station_a)
        self.assertEqual(entry.station, self.city.community_a.station)
        self.assertLess(timezone.now() - entry.timestamp, timezone.timedelta(minutes=1))
        self.assertEqual(entry.message, "标为未采纳：处理状态、处理意见")
        self.assertNotIn("13800001111", f"{entry.label}{entry.data}{entry.message}")

    def test_a_note_alone_is_logged_as_handling_and_an_unchanged_save_not_at_all(self):
        self.handle(self.city.station_a, self.nomination_a, Nomination.Status.NEW, "已电话联系")
        self.handle(self.city.station_a, self.nomination_a, Nomination.Status.NEW, "已电话联系")
        self.assertEqual(list(StationLogEntry.objects.values_list("action", flat=True)), [HANDLED])

    def test_listing_on_the_board_is_logged(self):
        self.client.force_login(self.city.station_a)
        self.client.post(reverse("goodpeople_nomination_list", args=[self.nomination_a.pk]))
        entry = StationLogEntry.objects.get()
        self.assertEqual((entry.action, entry.user), (LISTED, self.city.station_a))

    def test_the_office_reads_every_stations_entries_a_station_only_its_own(self):
        self.handle(self.city.station_a, self.nomination_a, Nomination.Status.DECLINED)
        self.handle(self.city.station_b, self.nomination_b, Nomination.Status.DECLINED)
        self.client.force_login(self.city.reviewer)
        response = self.client.get(SITE_HISTORY)
        self.assertContains(response, "王大爷")
        self.assertContains(response, "刘阿姨")
        self.assertContains(response, "好人推荐未采纳")
        for station, own, other in (
            (self.city.station_a, "王大爷", "刘阿姨"),
            (self.city.station_b, "刘阿姨", "王大爷"),
        ):
            with self.subTest(station=station.username):
                self.client.force_login(station)
                response = self.client.get(SITE_HISTORY)
                self.assertContains(response, own)
                self.assertNotContains(response, other)

    def test_a_station_cannot_read_another_stations_nomination_history(self):
        self.handle(self.city.station_a, self.nomination_a, Nomination.Status.DECLINED)
        history, usage = (
            reverse(f"wagtailsnippets_goodpeople_nomination:{view}", args=[self.nomination_a.pk])
            for view in ("history", "usage")
        )
        self.assertContains(self.client.get(history), "标为未采纳：处理状态")
        self.client.force_login(self.city.station_b)
        self.assertEqual(self.client.get(history).status_code, 404)
        self.assertEqual(self.client.get(usage).status_code, 404)
