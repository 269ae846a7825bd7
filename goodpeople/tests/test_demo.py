"""The communities part of the demo: what a first visitor and the demo accounts find."""

from django.contrib.auth.models import Group
from django.db.models import Count
from django.test import TestCase
from wagtail.images.models import Image
from wagtail.models import Site, WorkflowState

from goodpeople.demo import load_goodpeople_demo
from goodpeople.models import (
    BoardEntry,
    BrandProjectPage,
    Category,
    CommunityPage,
    DistrictPage,
    NoticePage,
    PairedUnit,
    Pairing,
    Station,
)


class GoodPeopleDemoTests(TestCase):
    def test_demo_city_accounts_and_a_waiting_submission_and_a_second_run_adds_nothing(self):
        root = Site.objects.get(is_default_site=True).root_page
        Group.objects.create(name="市文明办编辑")
        section, accounts = load_goodpeople_demo(root, None, "demo-pass-123", "市文明办编辑")
        self.assertGreaterEqual(DistrictPage.objects.live().count(), 3)
        self.assertGreaterEqual(Station.objects.count(), 12)
        self.assertEqual(Station.objects.count(), CommunityPage.objects.count())
        self.assertEqual(set(BoardEntry.objects.values_list("category", flat=True)), set(Category))
        self.assertGreaterEqual(BrandProjectPage.objects.live().count(), 6)
        statuses = {notice.publicity_status() for notice in NoticePage.objects.live()}
        self.assertTrue({"open", "ended"} <= statuses)
        national = PairedUnit.objects.filter(level=PairedUnit.Level.NATIONAL)
        self.assertEqual(national.count(), 8)
        current = Pairing.objects.filter(unit__in=national, ended_on__isnull=True)
        self.assertEqual(current.values("community").distinct().count(), 8)
        self.assertFalse(current.values("unit").annotate(n=Count("pk")).filter(n__gt=1).exists())
        self.assertEqual(
            [username for username, _, _ in accounts],
            ["reviewer", "gantang", "yuliang", "gantang-clerk"],
        )
        # 甘棠社区 has two accounts, so what one records the other can confirm.
        gantang = CommunityPage.objects.get(title="甘棠社区").station.group.user_set
        self.assertEqual(
            set(gantang.values_list("username", flat=True)), {"gantang", "gantang-clerk"}
        )
        waiting = WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(waiting.requested_by.username, "gantang")
        self.assertContains(self.client.get(section.url), "甘棠社区")

        counts = (CommunityPage.objects.count(), BoardEntry.objects.count(), Image.objects.count())
        load_goodpeople_demo(root, None, "demo-pass-123", "市文明办编辑")
        self.assertEqual(
            (CommunityPage.objects.count(), BoardEntry.objects.count(), Image.objects.count()),
            counts,
        )
        self.assertEqual(WorkflowState.objects.count(), 1)
