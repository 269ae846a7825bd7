"""`manage.py bench_pages`: what readers get per second, against a bare Django view.

Loads the demo into a throwaway database (a temporary SQLite file, or a ``test_`` database
beside the configured PostgreSQL one), serves it with production settings under gunicorn on
127.0.0.1 (Redis as the cache when REDIS_URL is set), and loads each page with wrk: once with
the page cache (what a reader gets from the second hit on) and once with it off. A bare Django
view (bench/bare.py) under the same gunicorn is the yardstick, measured in the same run.
Prints req/s, p50 and p99 per page, the ratio to the bare view, the SQL queries a page costs
to render, the workers' memory afterwards, and every non-2xx answer or socket error.
"""

import contextlib
import io
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.encoding import iri_to_uri

from bench.database import throwaway_database
from core.tests.tools import free_port, wait_for_port
from goodpeople.models import CommunityPage, GoodPeopleBoardPage
from news.models import ArticlePage, ChannelPage

LOCMEM_EMAIL = "django.core.mail.backends.locmem.EmailBackend"
# What every browser sends: pages come compressed (stored so in the page cache), static files
# as their precompressed copies, as readers get them.
ACCEPT_GZIP = {"Accept-Encoding": "gzip"}
# A like is a POST with the CSRF cookie and header the article page's script sends.
LIKE_SCRIPT = """wrk.method = "POST"
wrk.headers["Cookie"] = "csrftoken={token}"
wrk.headers["X-CSRFToken"] = "{token}"
"""
# Every scope far above what the load generator sends: the benchmark measures pages, not limits.
NO_LIMITS = ",".join(
    f"{scope}=100000000/60"
    for scope in ("view", "like", "search", "api", "nomination", "certificate")
)


@dataclass
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    failures: int


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse_wrk(output: str) -> Load:
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = milliseconds(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = milliseconds(re.search(r"\s99%\s+(\S+)", output).group(1))
    failures = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket_errors:
        failures += sum(int(n) for n in socket_errors.groups())
    return Load(rate, p50, p99, failures)


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgresql://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def worker_rss_mb(master: int) -> list[float]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return sizes


class Command(BaseCommand):
    help = "Pages per second from the page cache and without it, against a bare Django view."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=8, help="seconds of load per URL")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, **options):
        for name in ("duration", "connections", "workers"):
            if options[name] < 1:
                raise CommandError(f"--{name} must be at least 1")
        self.wrk = shutil.which("wrk")
        if not self.wrk:
            raise CommandError("wrk is not installed: apt-get install wrk (make bench does it)")
        self.options = options
        with throwaway_database() as folder:
            media = folder / "media"
            # The demo's moderation e-mails and account list are not the benchmark's output.
            with override_settings(MEDIA_ROOT=media, EMAIL_BACKEND=LOCMEM_EMAIL):
                self.stdout.write("Loading the demo …")
                call_command("load_demo", verbosity=0, stdout=io.StringIO())
                urls = self.pages()
                queries = self.queries(urls)
            env = self.environment(folder, media)
            self.collect_static(env)
            results, memory = {}, {}
            bare_runs = [self.bare(env, folder)]
            for mode, seconds in (("cached", "600"), ("uncached", "0")):
                with self.gunicorn(
                    "wenming.wsgi", {**env, "WENMING_PAGE_CACHE_SECONDS": seconds}
                ) as (
                    port,
                    master,
                ):
                    base = f"http://127.0.0.1:{port}"
                    static = self.static_url(base)
                    token = self.csrf_token(base + urls["like"][0].replace("/like/", "/view/"))
                    (folder / "like.lua").write_text(LIKE_SCRIPT.format(token=token))
                    self.headers = {"Cookie": f"csrftoken={token}", "X-CSRFToken": token}
                    for name, (path, method) in {**urls, "static file": (static, "GET")}.items():
                        self.warm(base + path, method)
                        results[(mode, name)] = self.load(base + path, method, folder)
                    memory[mode] = worker_rss_mb(master)
            bare_runs.append(self.bare(env, folder))
        self.report(results, bare_runs, queries, memory)

    def bare(self, env, folder: Path) -> Load:
        """The bare view's load: measured first and last, the yardstick is the two's mean."""
        with self.gunicorn("bench.bare", env) as (port, _master):
            base = f"http://127.0.0.1:{port}/"
            self.warm(base, "GET")
            return self.load(base, "GET", folder)

    def pages(self) -> dict[str, tuple[str, str]]:
        headlines = ChannelPage.objects.live().get(slug="toutiao")
        article = ArticlePage.objects.live().descendant_of(headlines).order_by("-date").first()
        community = CommunityPage.objects.live().get(title="甘棠社区")
        board = GoodPeopleBoardPage.objects.live().child_of(community).get()
        pages = {
            "home": ("/", "GET"),
            "channel 头条热点": (headlines.url, "GET"),
            "article": (article.url, "GET"),
            "community 甘棠社区": (community.url, "GET"),
            "board": (board.url, "GET"),
            "search 志愿服务": ("/search/?q=志愿服务", "GET"),
            "API article listing": ("/api/v2/pages/?type=news.ArticlePage&limit=20", "GET"),
            "like": (f"/stats/{article.pk}/like/", "POST"),
        }
        # wrk and urllib take only ASCII: 甘棠 and 志愿服务 percent-encoded.
        return {name: (iri_to_uri(path), method) for name, (path, method) in pages.items()}

    def queries(self, urls) -> dict[str, str]:
        """SQL queries per render, the page cache off; the API at two page sizes."""
        client = Client()
        counts = {}
        with override_settings(
            WENMING_PAGE_CACHE_SECONDS=0,
            WENMING_RATE_LIMITS=settings.WENMING_RATE_LIMITS
            | {"api": (10**8, 60), "search": (10**8, 60)},
        ):
            for name, (path, method) in urls.items():
                if method != "GET":
                    continue
                client.get(path)  # the first render makes the renditions
                with CaptureQueriesContext(connection) as ctx:
                    client.get(path)
                counts[name] = str(len(ctx))
            small = urls["API article listing"][0].replace("limit=20", "limit=5")
            with CaptureQueriesContext(connection) as ctx:
                client.get(small)
            counts["API article listing"] = (
                f"{len(ctx)} (limit 5) → {counts['API article listing']} (limit 20)"
            )
        return counts

    def environment(self, folder: Path, media: Path) -> dict[str, str]:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wenming.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url(),
            "DB_CONN_MAX_AGE": "60",
            "MEDIA_ROOT": str(media),
            "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
            "WENMING_RATE_LIMITS": NO_LIMITS,
        }
        return env

    def collect_static(self, env) -> None:
        subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
        )

    @contextlib.contextmanager
    def gunicorn(self, app: str, env):
        port = free_port()
        server = subprocess.Popen(  # noqa: S603 - our own argument list
            [
                sys.executable,
                "-m",
                "gunicorn",
                app,
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(self.options["workers"]),
                "--log-level",
                "warning",
            ],
            cwd=settings.BASE_DIR,
            env=env,
        )
        try:
            try:
                wait_for_port(port, server)
            except AssertionError as error:
                raise CommandError(f"gunicorn {app} did not start: {error}") from None
            yield port, server.pid
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)

    def static_url(self, base: str) -> str:
        html = urllib.request.urlopen(base + "/").read().decode()  # noqa: S310 - our own server
        return re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', html).group(1)

    def csrf_token(self, view_url: str) -> str:
        """The token the view counter hands out, as it does to the article page's script."""
        request = urllib.request.Request(view_url, method="POST")  # noqa: S310 - our own server
        with urllib.request.urlopen(request) as response:  # noqa: S310
            cookies = response.headers.get_all("Set-Cookie")
        return next(
            re.search(r"csrftoken=([^;]+)", c).group(1) for c in cookies if "csrftoken" in c
        )

    def warm(self, url: str, method: str) -> None:
        """Two hits: the first renders (and makes renditions), the second is what readers get."""
        for _ in range(2):
            headers = {**(self.headers if method == "POST" else {}), **ACCEPT_GZIP}
            request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310
            with urllib.request.urlopen(request) as response:  # noqa: S310
                if response.status != 200:
                    raise CommandError(f"{url} answered {response.status}")

    def load(self, url: str, method: str, folder: Path) -> Load:
        command = [
            self.wrk,
            "--threads",
            "2",
            "--connections",
            str(self.options["connections"]),
            "--duration",
            f"{self.options['duration']}s",
            "--latency",
            "--header",
            "Accept-Encoding: gzip",
        ]
        if method == "POST":
            command += ["--script", str(folder / "like.lua")]
        result = subprocess.run(  # noqa: S603 - our own argument list
            [*command, url], capture_output=True, text=True, check=True
        )
        return parse_wrk(result.stdout)

    def report(self, results, bare_runs: list[Load], queries, memory) -> None:
        bare = Load(
            requests_per_second=sum(r.requests_per_second for r in bare_runs) / len(bare_runs),
            p50_ms=sum(r.p50_ms for r in bare_runs) / len(bare_runs),
            p99_ms=sum(r.p99_ms for r in bare_runs) / len(bare_runs),
            failures=sum(r.failures for r in bare_runs),
        )
        database = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
        cache = "Redis" if os.environ.get("REDIS_URL") else "local memory per worker"
        self.stdout.write(
            f"\n{database}, cache: {cache}; gunicorn {self.options['workers']} workers, "
            f"wrk {self.options['connections']} connections × {self.options['duration']} s\n"
        )
        self.row(
            "page",
            "cached req/s",
            "p50 / p99 ms",
            "ratio",
            "uncached req/s",
            "p50 / p99 ms",
            "ratio",
            "queries",
            "failed",
        )
        self.row(*["---"] * 9)
        for mode, name in results:
            if mode != "cached":
                continue
            cached, uncached = results[("cached", name)], results[("uncached", name)]
            self.row(
                name,
                f"{cached.requests_per_second:,.0f}",
                f"{cached.p50_ms:.1f} / {cached.p99_ms:.1f}",
                f"{cached.requests_per_second / bare.requests_per_second:.0%}",
                f"{uncached.requests_per_second:,.0f}",
                f"{uncached.p50_ms:.1f} / {uncached.p99_ms:.1f}",
                f"{uncached.requests_per_second / bare.requests_per_second:.1%}",
                queries.get(name, "–"),
                cached.failures + uncached.failures,
            )
        self.row(
            "bare Django view",
            f"{bare.requests_per_second:,.0f}",
            f"{bare.p50_ms:.1f} / {bare.p99_ms:.1f}",
            "100%",
            "",
            "",
            "",
            0,
            bare.failures,
        )
        self.stdout.write(
            "\nThe bare view measured first and last: "
            + " and ".join(f"{r.requests_per_second:,.0f} req/s" for r in bare_runs)
            + " (the ratios divide by their mean)."
        )
        for mode, sizes in memory.items():
            self.stdout.write(
                f"\nWorkers' RSS after the {mode} run: " + ", ".join(f"{s:.0f} MB" for s in sizes)
            )

    def row(self, *cells) -> None:
        self.stdout.write("| " + " | ".join(str(cell) for cell in cells) + " |")
