"""What the benchmark commands share."""

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import connection


@contextlib.contextmanager
def throwaway_database() -> Iterator[Path]:
    """A fresh, migrated database for a benchmark, removed afterwards: a temporary SQLite file,
    or a ``test_`` database beside the configured PostgreSQL one. Yields a scratch folder."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if connection.vendor == "sqlite":
            settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = str(
                folder / "bench.sqlite3"
            )
        original_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            yield folder
        finally:
            connection.creation.destroy_test_db(original_name, verbosity=0)
