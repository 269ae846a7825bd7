from django.core.management import CommandError, call_command
from django.test import SimpleTestCase

from bench.management.commands.bench_pages import parse_wrk

WRK_OUTPUT = """Running 8s test @ http://127.0.0.1:8000/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     9.12ms    3.10ms  48.20ms   88.00%
  Latency Distribution
     50%    8.80ms
     75%   10.10ms
     90%   12.40ms
     99%    1.02s
  14065 requests in 8.01s, 1.2MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   1755.93
Transfer/sec:    153.20KB
"""


class BadArgumentTests(SimpleTestCase):
    """A benchmark given impossible sizes says so before it builds anything."""

    def test_each_command_refuses_impossible_sizes(self):
        for command, arguments, message in [
            ("bench_search", ["--articles", "0"], "at least 1"),
            ("bench_search", ["--rounds", "-1"], "at least 1"),
            ("bench_dashboard", ["--records", "0"], "at least 1"),
            ("bench_import", ["--communities", "1"], "at least 2 communities"),
            ("bench_import", ["--communities", "3", "--units", "4"], "no more units"),
            ("bench_pages", ["--duration", "0"], "at least 1"),
            ("bench_pages", ["--workers", "0"], "at least 1"),
        ]:
            with (
                self.subTest(command=command, arguments=arguments),
                self.assertRaisesMessage(CommandError, message),
            ):
                call_command(command, *arguments)


class WrkOutputTests(SimpleTestCase):
    def test_rate_percentiles_and_every_failure_are_read(self):
        load = parse_wrk(WRK_OUTPUT)
        self.assertEqual(load.requests_per_second, 1755.93)
        self.assertEqual((load.p50_ms, load.p99_ms), (8.8, 1020.0))
        # Non-2xx answers and socket errors both count as failed requests.
        self.assertEqual(load.failures, 7)
