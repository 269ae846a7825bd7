"""Fixtures every app's tests may use."""

import pytest
from django.core.cache import cache

pytest_plugins = ["core.tests.browser"]


@pytest.fixture(autouse=True)
def _empty_cache():
    # Wagtail keeps the sites' root paths in the cache; a test's rolled-back Site change
    # must not leave the next test resolving URLs against a page that no longer exists.
    cache.clear()
