"""The ledger's arithmetic and rules: stars, hours, confirmation, corrections, balance."""

import io
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.test import SimpleTestCase, TestCase, override_settings

from core.privacy import mask, mask_name
from goodpeople.factories import UserFactory
from goodpeople.tests.site import build_city
from volunteers import corrections, exchange, hours, records, stars
from volunteers.factories import ServiceRecordFactory, VolunteerFactory, days_ago, give_hours
from volunteers.models import (
    RecordCorrection,
    ServiceRecord,
    StationMonth,
    Volunteer,
    validate_hours,
    validate_id_number,
)
from volunteers.summaries import refresh_for


class StarTests(SimpleTestCase):
    def test_boundaries(self):
        cases = [
            (0, 0),
            (Decimal("99.5"), 0),
            (100, 1),
            (Decimal("100.5"), 1),
            (Decimal("299.5"), 1),
            (300, 2),
            (600, 3),
            (999, 3),
            (1000, 4),
            (Decimal("1499.5"), 4),
            (1500, 5),
            (9000, 5),
        ]
        for total, level in cases:
            with self.subTest(hours=total):
                self.assertEqual(stars.star_level(total), level)

    def test_hours_to_next_star(self):
        self.assertEqual(stars.hours_to_next_star(Decimal("99.5")), Decimal("0.5"))
        self.assertEqual(stars.hours_to_next_star(100), Decimal("200"))
        self.assertEqual(stars.hours_to_next_star(0), Decimal("100"))
        self.assertIsNone(stars.hours_to_next_star(1500))

    @override_settings(GOODPEOPLE_STAR_THRESHOLDS=(50, 150, 300, 500, 800))
    def test_thresholds_are_settings(self):
        self.assertEqual(stars.star_level(50), 1)
        self.assertEqual(stars.star_level(Decimal("49.5")), 0)
        self.assertEqual(stars.star_level(800), 5)
        self.assertEqual(stars.hours_to_next_star(60), Decimal("90"))

    @override_settings(GOODPEOPLE_STAR_THRESHOLDS=(300, 100))
    def test_thresholds_must_rise(self):
        with self.assertRaises(ImproperlyConfigured):
            stars.star_level(10)

    def test_distribution(self):
        self.assertEqual(stars.star_distribution([0, 100, 150, 1500]), [1, 2, 0, 0, 0, 1])

    def test_label(self):
        self.assertEqual(stars.star_label(3), "★★★")
        self.assertEqual(stars.star_label(0), "未评星")


class ValidationTests(SimpleTestCase):
    def test_hours_in_half_hour_steps_positive_at_most_a_day(self):
        for good in ("0.5", "1", "7.5", "24"):
            validate_hours(Decimal(good))
        for bad in ("0", "-1", "0.3", "1.2", "24.5"):
            with self.subTest(bad=bad), self.assertRaises(ValidationError):
                validate_hours(Decimal(bad))

    def test_id_number_check_character(self):
        validate_id_number("11010519491231002X")
        with self.assertRaises(ValidationError):
            validate_id_number("110105194912310021")
        with self.assertRaises(ValidationError):
            validate_id_number("1101051949")

    def test_masks(self):
        self.assertEqual(mask("11010519491231002X"), "110***********002X")
        self.assertEqual(mask("13812345678"), "138****5678")
        self.assertEqual(mask_name("王秀兰"), "王**")
        self.assertEqual(mask_name("李"), "李*")


class RecordTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.station = cls.city.community_a.station
        cls.volunteer = VolunteerFactory(station=cls.station, name="王秀兰")
        cls.recorder = cls.city.station_a
        cls.confirmer = UserFactory()
        cls.day = days_ago(60)

    def entries(self, *hours):
        return [records.Entry(self.volunteer, self.day, Decimal(h)) for h in hours]

    def test_only_confirmed_hours_count(self):
        [record] = records.add_records(
            self.station, self.recorder, self.entries("3"), activity="理发"
        )
        self.assertEqual(hours.confirmed_hours(self.volunteer), 0)
        self.assertEqual(records.confirm_records([record], self.confirmer), (1, []))
        self.assertEqual(hours.confirmed_hours(self.volunteer), 3)

    def test_recorder_cannot_confirm_own_record(self):
        [record] = records.add_records(
            self.station, self.recorder, self.entries("3"), activity="理发"
        )
        count, refused = records.confirm_records([record], self.recorder)
        self.assertEqual(count, 0)
        self.assertIn("记录人不能自证", refused[0])
        record.confirmed_by = self.recorder
        with self.assertRaises(IntegrityError), transaction.atomic():
            record.save()

    def test_at_most_24_hours_a_day_across_records(self):
        records.add_records(self.station, self.recorder, self.entries("20"), activity="值守")
        with self.assertRaisesMessage(ValidationError, "超过一天 24 小时"):
            records.add_records(self.station, self.recorder, self.entries("4.5"), activity="值守")
        with self.assertRaisesMessage(ValidationError, "超过一天 24 小时"):
            records.add_records(self.station, self.recorder, self.entries("2", "2.5"), activity="x")
        records.add_records(self.station, self.recorder, self.entries("4"), activity="值守")
        self.assertEqual(ServiceRecord.objects.filter(volunteer=self.volunteer).count(), 2)

    def test_bulk_entry_is_all_or_nothing(self):
        other = VolunteerFactory(station=self.city.community_b.station, name="外站志愿者")
        entries = [*self.entries("2"), records.Entry(other, self.day, Decimal("2"))]
        with self.assertRaisesMessage(ValidationError, "不是本站的志愿者"):
            records.add_records(self.station, self.recorder, entries, activity="理发")
        self.assertFalse(ServiceRecord.objects.exists())


class CorrectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.volunteer = VolunteerFactory(station=cls.city.community_a.station)
        cls.recorder = cls.city.station_a
        cls.confirmer = UserFactory()

    def setUp(self):
        self.record = ServiceRecordFactory(
            volunteer=self.volunteer, hours=Decimal("8"), confirmed_by=self.confirmer
        )

    def test_correction_keeps_original_until_confirmed(self):
        correction = corrections.correct_record(
            self.record, self.recorder, "实际服务 3 小时，录入有误", hours=Decimal("3")
        )
        self.record.refresh_from_db()
        self.assertEqual(self.record.hours, 8)
        self.assertFalse(self.record.superseded)
        self.assertEqual(hours.confirmed_hours(self.volunteer), 8)

        records.confirm_records([correction.replacement], self.confirmer)
        self.record.refresh_from_db()
        self.assertTrue(self.record.superseded)
        self.assertEqual(self.record.hours, 8, "the original keeps its values")
        self.assertEqual(hours.confirmed_hours(self.volunteer), 3)
        trail = corrections.trail(correction.replacement)
        self.assertEqual([c.reason for c in trail], ["实际服务 3 小时，录入有误"])
        self.assertEqual(trail[0].corrected_by, self.recorder)

    def test_running_totals_follow_confirmations_corrections_and_voids(self):
        def totals():
            self.volunteer.refresh_from_db()
            station_hours = StationMonth.objects.filter(station=self.volunteer.station).aggregate(
                total=Sum("hours")
            )["total"]
            return self.volunteer.confirmed_hours, station_hours or 0

        refresh_for([self.record])
        self.assertEqual(totals(), (8, 8))
        correction = corrections.correct_record(
            self.record, self.recorder, "时长有误", hours=Decimal("3")
        )
        self.assertEqual(totals(), (8, 8))
        records.confirm_records([correction.replacement], self.confirmer)
        self.assertEqual(totals(), (3, 3))
        corrections.void_record(correction.replacement, self.recorder, "重复录入")
        self.assertEqual(totals(), (0, 0))

    def test_correction_needs_reason_and_one_at_a_time(self):
        with self.assertRaisesMessage(ValidationError, "更正原因"):
            corrections.correct_record(self.record, self.recorder, " ", hours=Decimal("3"))
        corrections.correct_record(self.record, self.recorder, "时长有误", hours=Decimal("3"))
        with self.assertRaisesMessage(ValidationError, "待证明的更正"):
            corrections.correct_record(self.record, self.recorder, "再改", hours=Decimal("4"))

    def test_void_keeps_the_record_and_stops_counting(self):
        corrections.void_record(self.record, self.recorder, "重复录入")
        self.record.refresh_from_db()
        self.assertTrue(self.record.superseded)
        self.assertEqual(hours.confirmed_hours(self.volunteer), 0)
        self.assertTrue(RecordCorrection.objects.get(original=self.record).is_void)


class BalanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.volunteer = VolunteerFactory(station=cls.city.community_a.station)
        cls.user = cls.city.station_a
        give_hours(cls.volunteer, 10)

    def test_exchange_lowers_balance_not_star_hours(self):
        exchange.record_exchange(self.volunteer, self.user, "免费理发", Decimal("4"))
        self.assertEqual(hours.exchange_balance(self.volunteer), 6)
        self.assertEqual(hours.confirmed_hours(self.volunteer), 10)

    def test_balance_never_below_zero(self):
        exchange.record_exchange(self.volunteer, self.user, "家电维修", Decimal("10"))
        with self.assertRaisesMessage(ValidationError, "可兑换余额只有 0"):
            exchange.record_exchange(self.volunteer, self.user, "理发", Decimal("0.5"))
        self.assertEqual(hours.exchange_balance(self.volunteer), 0)

    def test_correction_cannot_take_back_exchanged_hours(self):
        exchange.record_exchange(self.volunteer, self.user, "家电维修", Decimal("9"))
        record = ServiceRecord.objects.get(volunteer=self.volunteer, hours=8)
        with self.assertRaisesMessage(ValidationError, "余额不能小于 0"):
            corrections.void_record(record, self.user, "重复录入")
        correction = corrections.correct_record(record, self.user, "时长有误", hours=Decimal("1"))
        count, refused = records.confirm_records([correction.replacement], UserFactory())
        self.assertEqual(count, 0)
        self.assertIn("余额不能小于 0", refused[0])
        self.assertEqual(hours.exchange_balance(self.volunteer), 1)
        self.assertFalse(ServiceRecord.objects.get(pk=record.pk).superseded)


class RefreshTotalsCommandTests(TestCase):
    def test_refresh_ledger_totals_repairs_totals_written_around_the_ledger(self):
        city = build_city()
        volunteer = VolunteerFactory(station=city.community_a.station)
        give_hours(volunteer, 20, start=days_ago(90))
        # As after a restore of the records table alone.
        Volunteer.objects.filter(pk=volunteer.pk).update(confirmed_hours=0)
        StationMonth.objects.all().delete()

        out = io.StringIO()
        call_command("refresh_ledger_totals", stdout=out)

        volunteer.refresh_from_db()
        self.assertEqual(volunteer.confirmed_hours, Decimal("20"))
        month = StationMonth.objects.get(station=city.community_a.station)
        self.assertEqual((month.month, month.hours), (days_ago(90).replace(day=1), Decimal("20")))
        self.assertIn("1 名志愿者的累计时长已更正，1 条工作站月度合计", out.getvalue())

        out = io.StringIO()
        call_command("refresh_ledger_totals", stdout=out)
        self.assertIn("0 名志愿者", out.getvalue())
