"""Fixtures every app's tests may use."""

import pytest
from wagtail.models import Site

pytest_plugins = ["core.tests.browser"]


@pytest.fixture(autouse=True)
def _fresh_site_root_paths():
    """Wagtail caches the sites' root paths; a rolled-back test's site must not outlive it."""
    Site.clear_site_root_paths_cache()
