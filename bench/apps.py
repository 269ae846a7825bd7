from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark commands: installed by the dev and test settings only, never in production."""

    name = "bench"
    verbose_name = "性能测试"
