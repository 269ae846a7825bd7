"""Fixtures every app's tests may use, and the moved clock that proves they pass on any date."""

import datetime
import os

import pytest
import time_machine
from django.core.cache import cache

pytest_plugins = ["core.tests.browser"]


def pytest_configure(config):
    # WENMING_TEST_CLOCK=2028-02-29 runs the whole suite as if that were today (the clock
    # keeps ticking from there), so a test that mixes fixed dates with today fails here.
    moved = os.environ.get("WENMING_TEST_CLOCK")
    if moved:
        day = datetime.date.fromisoformat(moved)
        # Mid-morning in China: the same calendar day in Asia/Shanghai and in UTC.
        start = datetime.datetime.combine(day, datetime.time(2, 30), tzinfo=datetime.UTC)
        config._wenming_clock = time_machine.travel(start, tick=True)
        config._wenming_clock.start()


def pytest_unconfigure(config):
    clock = getattr(config, "_wenming_clock", None)
    if clock is not None:
        clock.stop()


def pytest_report_header(config):
    moved = os.environ.get("WENMING_TEST_CLOCK")
    return f"clock moved to {moved} (WENMING_TEST_CLOCK)" if moved else None


@pytest.fixture(autouse=True)
def _empty_cache():
    # Wagtail keeps the sites' root paths in the cache; a test's rolled-back Site change
    # must not leave the next test resolving URLs against a page that no longer exists.
    cache.clear()
