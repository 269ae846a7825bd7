from django.core.management import CommandError, call_command
from django.test import SimpleTestCase


class BadArgumentTests(SimpleTestCase):
    """A benchmark given impossible sizes says so before it builds anything."""

    def test_each_command_refuses_impossible_sizes(self):
        for command, arguments, message in [
            ("bench_search", ["--articles", "0"], "at least 1"),
            ("bench_search", ["--rounds", "-1"], "at least 1"),
            ("bench_dashboard", ["--records", "0"], "at least 1"),
            ("bench_import", ["--communities", "1"], "at least 2 communities"),
            ("bench_import", ["--communities", "3", "--units", "4"], "no more units"),
        ]:
            with (
                self.subTest(command=command, arguments=arguments),
                self.assertRaisesMessage(CommandError, message),
            ):
                call_command(command, *arguments)
