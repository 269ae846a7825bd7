"""The ledger demo: every star level, one correction and one exchange, added only once."""

from django.test import TestCase

from goodpeople.factories import UserFactory
from goodpeople.tests.site import build_city
from volunteers.dashboard import community_rows
from volunteers.demo import load_ledger_demo
from volunteers.models import HourExchange, RecordCorrection, ServiceRecord


class LedgerDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        UserFactory(username="clerk_a").groups.add(cls.city.community_a.station.group)

    def test_demo_shows_every_star_level_and_the_trails(self):
        self.assertGreater(load_ledger_demo(), 0)
        rows = {row.community.pk: row for row in community_rows()}
        self.assertEqual(rows[self.city.community_a.pk].star_counts, [1, 1, 1, 1, 1, 1])
        self.assertEqual(RecordCorrection.objects.count(), 1)
        self.assertEqual(HourExchange.objects.count(), 1)
        self.assertTrue(ServiceRecord.objects.pending().exists())
        correction = RecordCorrection.objects.get()
        self.assertNotEqual(correction.replacement.recorded_by, correction.replacement.confirmed_by)
        self.assertEqual(load_ledger_demo(), 0)
