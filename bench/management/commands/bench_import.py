"""`manage.py bench_import`: onboarding a city of the source's size (213 communities, 164 units).

Runs `import_communities` on a generated spreadsheet in a throwaway database (a temporary SQLite
file, or a ``test_`` database beside the configured PostgreSQL one) and prints the time of the
first import, of a second run over the same file (updates only), and of a one-community file
measured in the same run as the baseline, so the ratio shows how the cost grows with size.
"""

import io
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from wagtail.models import Site

from bench.database import throwaway_database
from goodpeople.factories import CommunitySectionPageFactory
from goodpeople.models import CommunityPage, PairedUnit
from goodpeople.sample import community_rows, write_csv

GOAL_SECONDS = 60


def timed_import(path: Path) -> float:
    started = time.perf_counter()
    call_command("import_communities", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    return time.perf_counter() - started


class Command(BaseCommand):
    help = "Times import_communities at 213 communities and 164 paired units."

    def add_arguments(self, parser):
        parser.add_argument("--communities", type=int, default=213)
        parser.add_argument("--units", type=int, default=164)

    def handle(self, *args, communities, units, **options):
        if communities < 2 or not 0 <= units <= communities:
            raise CommandError("need at least 2 communities and no more units than communities")
        with throwaway_database() as folder:
            self.run(folder, communities, units)

    def run(self, folder: Path, communities: int, units: int) -> None:
        CommunitySectionPageFactory(parent=Site.objects.get(is_default_site=True).root_page)
        rows = community_rows(communities, units)
        baseline = timed_import(write_csv(folder / "one.csv", rows[:1]))
        city = write_csv(folder / "city.csv", rows)
        first = timed_import(city)
        again = timed_import(city)
        if CommunityPage.objects.count() != communities or PairedUnit.objects.count() != units:
            raise CommandError("the import did not create every community and unit")
        per_community = first / communities
        self.stdout.write(f"import_communities on {connection.vendor}")
        self.stdout.write(f"  baseline, 1 community:        {baseline:8.2f} s")
        self.stdout.write(
            f"  {communities} communities, {units} units: {first:8.2f} s "
            f"({per_community * 1000:.0f} ms each, {per_community / baseline:.2f}x the baseline "
            "per community)"
        )
        self.stdout.write(f"  same file again (updates):    {again:8.2f} s")
        verdict = "within" if first < GOAL_SECONDS else "OVER"
        self.stdout.write(f"  goal: under {GOAL_SECONDS} s on SQLite: {verdict}")
