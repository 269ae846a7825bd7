"""`manage.py bench_dashboard`: the office's dashboard at the source's scale.

Builds a throwaway database (a temporary SQLite file, or a ``test_`` database beside the
configured PostgreSQL one) with 213 communities, 10,000 volunteers and 200,000 confirmed
service records over the last year, then times full GET requests of the dashboard against
a trivial admin view (the empty inspection list) measured in the same run, and counts the
dashboard's queries at half and at all of the records: the count must not change. Records are
bulk-loaded, so the running totals (volunteers.summaries) are rebuilt after each load,
as any bulk load must; that time is reported too.
"""

import datetime
import random
import statistics
import time
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from bench.database import throwaway_database
from goodpeople.city import DISTRICTS
from goodpeople.models import CommunityPage, CommunitySectionPage, DistrictPage, Station
from volunteers.models import ServiceRecord, Volunteer
from volunteers.summaries import refresh_all


class Command(BaseCommand):
    help = "Times the office's dashboard at 213 communities, 10,000 volunteers, 200,000 records."

    def add_arguments(self, parser):
        parser.add_argument("--communities", type=int, default=213)
        parser.add_argument("--volunteers", type=int, default=10_000)
        parser.add_argument("--records", type=int, default=200_000)
        parser.add_argument("--rounds", type=int, default=5)

    def handle(self, *args, communities, volunteers, records, rounds, **options):
        if min(communities, volunteers, records, rounds) < 1:
            raise CommandError("every count must be at least 1")
        with throwaway_database():
            self.run(communities, volunteers, records, rounds)

    def run(self, communities: int, volunteers: int, records: int, rounds: int) -> None:
        rng = random.Random(213)  # noqa: S311 - reproducible data, not security
        started = time.perf_counter()
        stations = self.build_city(communities)
        people = self.build_volunteers(stations, volunteers, rng)
        recorder, confirmer = self.users()
        half = records // 2
        self.build_records(people, half, recorder, confirmer, rng)
        built = time.perf_counter()
        refresh_all()
        summed = time.perf_counter()
        self.stdout.write(
            f"{connection.vendor}: {communities} communities, {volunteers} volunteers, "
            f"{half} records built in {built - started:.0f} s; running totals rebuilt from "
            f"every record in {summed - built:.1f} s"
        )
        with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
            client = Client()
            client.force_login(confirmer)
            dashboard = reverse("volunteers:dashboard")
            baseline = reverse("volunteers:inspections")
            queries_half = self.count_queries(client, dashboard)
            self.build_records(people, records - half, recorder, confirmer, rng)
            refresh_all()
            self.stdout.write(f"{records} records in all")
            queries_full = self.count_queries(client, dashboard)
            dashboard_ms = self.time_url(client, dashboard, rounds)
            baseline_ms = self.time_url(client, baseline, rounds)
        self.report("dashboard", dashboard_ms)
        self.report("baseline (empty inspection list)", baseline_ms)
        self.stdout.write(
            f"queries: {queries_half} at {half} records, {queries_full} at {records} records"
        )
        ratio = statistics.median(dashboard_ms) / statistics.median(baseline_ms)
        self.stdout.write(f"ratio of medians (dashboard / baseline): {ratio:.1f}")
        if queries_half != queries_full:
            raise CommandError("the dashboard's query count grows with the records")

    def build_city(self, count: int) -> list[Station]:
        """A section, the city's districts and count communities (their stations by signal)."""
        with transaction.atomic():
            root = Page.get_first_root_node()
            home = root.add_child(instance=Page(title="九江文明网", slug="bench-home"))
            Site.objects.update_or_create(
                is_default_site=True, defaults={"hostname": "testserver", "root_page": home}
            )
            section = home.add_child(instance=CommunitySectionPage(title="社区", slug="shequ"))
            districts = [
                section.add_child(instance=DistrictPage(title=title, slug=f"d{n}"))
                for n, title in enumerate(DISTRICTS)
            ]
            for n in range(count):
                districts[n % len(districts)].add_child(
                    instance=CommunityPage(
                        title=f"第{n + 1}社区",
                        slug=f"c{n}",
                        station_head="王秀兰",
                        address="九江市",
                        phone="0792-8220000",
                        opening_hours="周一至周五",
                    )
                )
        return list(Station.objects.order_by("pk"))

    def build_volunteers(self, stations, count: int, rng: random.Random) -> list[Volunteer]:
        Volunteer.objects.bulk_create(
            (
                Volunteer(
                    station=stations[n % len(stations)],
                    name=f"志愿者{n}",
                    phone=f"139{n:08d}",
                    public_consent=rng.random() < 0.7,
                )
                for n in range(count)
            ),
            batch_size=2000,
        )
        return list(Volunteer.objects.only("pk", "station_id"))

    def users(self) -> tuple:
        User = get_user_model()
        recorder = User.objects.create_user("bench-recorder")
        confirmer = User.objects.create_superuser("bench-office", password=None)
        return recorder, confirmer

    def build_records(self, people, count: int, recorder, confirmer, rng: random.Random) -> None:
        """count confirmed records on random days of the last year, in batches."""
        today = timezone.localdate()
        now = timezone.now()
        batch = []
        for _ in range(count):
            volunteer = rng.choice(people)
            batch.append(
                ServiceRecord(
                    station_id=volunteer.station_id,
                    volunteer_id=volunteer.pk,
                    activity="巡逻",
                    date=today - datetime.timedelta(days=rng.randrange(365)),
                    hours=Decimal(rng.choice([1, 2, 3, 4])),
                    recorded_by=recorder,
                    confirmed_by=confirmer,
                    confirmed_at=now,
                )
            )
            if len(batch) == 5000:
                ServiceRecord.objects.bulk_create(batch)
                batch = []
        ServiceRecord.objects.bulk_create(batch)

    def count_queries(self, client: Client, url: str) -> int:
        self.fetch(client, url)
        with CaptureQueriesContext(connection) as queries:
            self.fetch(client, url)
        return len(queries)

    def time_url(self, client: Client, url: str, rounds: int) -> list[float]:
        """Milliseconds per request, after one untimed request."""
        self.fetch(client, url)
        samples = []
        for _ in range(rounds):
            began = time.perf_counter()
            self.fetch(client, url)
            samples.append((time.perf_counter() - began) * 1000)
        return samples

    def fetch(self, client: Client, url: str) -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")

    def report(self, label: str, samples: list[float]) -> None:
        self.stdout.write(
            f"{label}: median {statistics.median(samples):.0f} ms, "
            f"max {max(samples):.0f} ms ({len(samples)} requests)"
        )
