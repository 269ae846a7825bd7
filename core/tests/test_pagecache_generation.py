"""With the cache in each worker's memory (no REDIS_URL), every worker still sees a change."""

import subprocess
import sys

from django.conf import settings
from django.core.cache import cache
from django.test import SimpleTestCase

from core import pagecache

# Another worker: its own process, its own local-memory cache, the same private media folder.
OTHER_WORKER = """
import sys
import django
django.setup()
from django.conf import settings
settings.PRIVATE_MEDIA_ROOT = sys.argv[1]
from core.pagecache import invalidate
invalidate()
"""


class LocalMemoryGenerationTests(SimpleTestCase):
    def test_a_change_saved_by_another_worker_makes_this_workers_pages_stale(self):
        before = pagecache.generation()
        cache.clear()  # nothing of this process's cache may carry the news
        self.assertEqual(pagecache.generation(), before)
        subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", OTHER_WORKER, str(settings.PRIVATE_MEDIA_ROOT)],
            cwd=settings.BASE_DIR,
            env={"DJANGO_SETTINGS_MODULE": "wenming.settings.test", "PATH": ""},
            check=True,
        )
        self.assertNotEqual(pagecache.generation(), before)

    def test_each_change_starts_a_new_generation(self):
        seen = {pagecache.generation()}
        for _ in range(3):
            pagecache.invalidate()
            seen.add(pagecache.generation())
        self.assertEqual(len(seen), 4)
