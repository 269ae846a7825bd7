"""Fixtures every app's tests may use."""

pytest_plugins = ["core.tests.browser"]
