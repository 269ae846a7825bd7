"""`manage.py bench_search`: search latency at 10,000 articles, in a throwaway database.

Builds a fresh database (a temporary SQLite file, or a ``test_`` database beside the
configured PostgreSQL one), fills it with articles written from realistic phrases and the
city's 213 communities (searchable, and options of the search filters), indexes them, then
times full GET requests of /search/ for 20 realistic queries against a plain listing of the
same articles (a channel page, no search) measured in the same run, and hostile queries
(operators, quotes, injection attempts, an over-long query) against the same listing.
The database is dropped at the end, whatever happens.
"""

import random
import statistics
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client, override_settings
from wagtail.models import Page, Site

from bench.database import throwaway_database
from core.tests.queryset import HOSTILE_QUERIES
from goodpeople.factories import CommunitySectionPageFactory
from goodpeople.onboarding import import_records
from goodpeople.sample import community_rows
from home.models import HomePage
from news.models import ArticlePage, ChannelPage

COMMUNITIES_IN_CITY = 213
UNITS_IN_CITY = 164

QUERIES = [
    "志愿服务",
    "八里湖社区",
    "学雷锋",
    "文明城市",
    "垃圾分类",
    "好人榜",
    "道德讲堂",
    "浔阳区 志愿者",
    "2024年",
    "志願服務",
    "文明实践站",
    "空巢老人",
    "结对帮扶",
    "家风家训",
    "文明礼让",
    "濂溪区",
    "品牌项目",
    "环境整治",
    "公益广告",
    "五个一",
]

PLACES = ["浔阳区", "濂溪区", "柴桑区", "瑞昌市", "共青城市", "庐山市", "修水县", "八里湖新区"]
COMMUNITIES = ["八里湖", "甘棠", "湓浦", "白水湖", "十里", "人民路", "湖滨", "滨兴", "五里", "向阳"]
SUBJECTS = [
    "学雷锋志愿服务站挂牌",
    "开展垃圾分类宣传",
    "举办道德讲堂",
    "更新身边好人榜",
    "走访空巢老人",
    "开展文明礼让劝导",
    "征集好家风好家训",
    "推进文明城市创建",
    "组织环境整治志愿行动",
    "结对帮扶工作推进会召开",
    "新时代文明实践站开放",
    "公益广告全覆盖",
    "五个一标准化建设",
    "品牌项目评选揭晓",
]
SENTENCES = [
    "{place}{community}社区组织志愿者{n}余人参加活动。",
    "活动现场，居民纷纷表示受益匪浅。",
    "据了解，该社区学雷锋志愿服务站已累计开展服务{n}次。",
    "{year}年以来，{place}持续推进新时代文明实践。",
    "帮扶单位负责人表示，将继续做好结对帮扶工作。",
    "志愿者们为辖区群众提供义务理发、量血压等服务。",
    "社区身边好人榜每月更新，营造崇德向善的良好氛围。",
    "下一步，{community}社区将围绕群众需求打造品牌项目。",
]


def article_text(rng: random.Random) -> tuple[str, str]:
    """A title and a body of a few hundred characters, like the office's news."""
    place, community = rng.choice(PLACES), rng.choice(COMMUNITIES)
    title = f"{place}{community}社区{rng.choice(SUBJECTS)}"
    fill = {"place": place, "community": community, "n": rng.randint(10, 300)}
    fill["year"] = rng.randint(2014, 2025)
    body = "".join(rng.choice(SENTENCES).format(**fill) for _ in range(rng.randint(6, 14)))
    return title, body


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Times site search at 10,000 articles in a throwaway database, against a plain listing."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--rounds", type=int, default=5, help="timed requests per query")

    def handle(self, *args, articles: int, rounds: int, **options):
        if articles < 1 or rounds < 1:
            raise CommandError("--articles and --rounds must be at least 1")
        with throwaway_database():
            self.run(articles, rounds)

    def run(self, articles: int, rounds: int) -> None:
        started = time.perf_counter()
        channel = self.build(articles)
        built = time.perf_counter()
        call_command("update_index", verbosity=0)
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum keeps them on a live database; without them the
            # planner takes the just-filled index table for empty.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        indexed = time.perf_counter()
        self.stdout.write(
            f"{connection.vendor}: {articles} articles and {COMMUNITIES_IN_CITY} communities "
            f"built in {built - started:.0f} s, "
            f"indexed in {indexed - built:.0f} s"
        )
        with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
            client = Client()
            search = self.time_urls(client, [("/search/", {"q": q}) for q in QUERIES], rounds)
            hostile_urls = [("/search/", {"q": q}) for q in HOSTILE_QUERIES]
            # A hostile query may be refused (400 with the reason), never an error.
            hostile = self.time_urls(client, hostile_urls, rounds, answers=(200, 400))
            pages = max(1, min(len(QUERIES), articles // 15))
            listing_urls = [(channel.url, {"page": n}) for n in range(1, pages + 1)]
            listing = self.time_urls(client, listing_urls, rounds * len(QUERIES) // pages)
        self.report("search /search/?q=", search)
        self.report("hostile queries /search/?q=", hostile)
        self.report(f"plain listing {channel.url}", listing)
        listing_p50 = statistics.median(listing)
        self.stdout.write(
            f"ratio of p50s (search / listing): {statistics.median(search) / listing_p50:.2f}; "
            f"slowest hostile query / listing p50: {max(hostile) / listing_p50:.2f}"
        )

    def build(self, articles: int) -> ChannelPage:
        """The site tree and the articles, created with search auto-update off (indexed after)."""
        rng = random.Random(2014)  # noqa: S311 - reproducible demo text, not security
        no_auto_update = {
            name: {**config, "AUTO_UPDATE": False}
            for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
        }
        with override_settings(WAGTAILSEARCH_BACKENDS=no_auto_update), transaction.atomic():
            root = Page.get_first_root_node()
            home = root.add_child(instance=HomePage(title="九江文明网", slug="bench-home"))
            Site.objects.update_or_create(
                is_default_site=True,
                defaults={"hostname": "testserver", "root_page": home, "site_name": "九江文明网"},
            )
            channel = home.add_child(instance=ChannelPage(title="动态要闻", slug="news"))
            # The city's communities: searchable pages, and the options of the search filters.
            CommunitySectionPageFactory(parent=home)
            _, errors = import_records(community_rows(COMMUNITIES_IN_CITY, UNITS_IN_CITY))
            if errors:
                raise CommandError(f"sample communities rejected: {errors[:3]}")
            for n in range(articles):
                title, body = article_text(rng)
                day = f"{rng.randint(2014, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                channel.add_child(
                    instance=ArticlePage(
                        title=title,
                        slug=f"a{n}",
                        date=day,
                        body=[("paragraph", f"<p>{body}</p>")],
                    )
                )
        return channel

    def time_urls(
        self, client: Client, urls: list[tuple[str, dict]], rounds: int, answers=(200,)
    ) -> list[float]:
        """Milliseconds per request; each URL fetched once untimed first (caches, jieba)."""
        for url, params in urls:
            self.fetch(client, url, params, answers)
        samples = []
        for _ in range(max(1, rounds)):
            for url, params in urls:
                began = time.perf_counter()
                self.fetch(client, url, params, answers)
                samples.append((time.perf_counter() - began) * 1000)
        return samples

    def fetch(self, client: Client, url: str, params: dict, answers: tuple[int, ...]) -> None:
        response = client.get(url, params)
        if response.status_code not in answers:
            raise CommandError(f"{url} {params} answered {response.status_code}")

    def report(self, label: str, samples: list[float]) -> None:
        self.stdout.write(
            f"{label}: p50 {percentile(samples, 50):.1f} ms, p95 {percentile(samples, 95):.1f} ms "
            f"({len(samples)} requests)"
        )
