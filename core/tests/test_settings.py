import os
import subprocess
import sys

from django.conf import settings
from django.test import SimpleTestCase


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    required = {"SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"}
    environment = {k: v for k, v in os.environ.items() if k not in required}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


class SettingsTests(SimpleTestCase):
    def test_site_speaks_simplified_chinese_in_shanghai_time(self):
        self.assertEqual(settings.LANGUAGE_CODE, "zh-hans")
        self.assertEqual(settings.TIME_ZONE, "Asia/Shanghai")

    def test_production_refuses_to_start_without_a_secret_key(self):
        result = run_manage(
            "check", DJANGO_SETTINGS_MODULE="wenming.settings.production", ALLOWED_HOSTS="x"
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY", result.stderr)

    def test_production_refuses_to_start_without_the_sites_address_for_e_mails(self):
        result = run_manage(
            "check",
            DJANGO_SETTINGS_MODULE="wenming.settings.production",
            SECRET_KEY="a-long-random-production-key-" + "x9" * 30,
            ALLOWED_HOSTS="wenming.example",
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("WAGTAILADMIN_BASE_URL", result.stderr)

    def test_production_refuses_private_photos_inside_the_public_media(self):
        result = run_manage(
            "check",
            DJANGO_SETTINGS_MODULE="wenming.settings.production",
            SECRET_KEY="a-long-random-production-key-" + "x9" * 30,
            ALLOWED_HOSTS="wenming.example",
            WAGTAILADMIN_BASE_URL="https://wenming.example",
            MEDIA_ROOT=str(settings.BASE_DIR / "media"),
            PRIVATE_MEDIA_ROOT=str(settings.BASE_DIR / "media" / "private"),
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("PRIVATE_MEDIA_ROOT", result.stderr)

    def test_postgres_page_cost_is_set_unless_left_to_the_server(self):
        show = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
        database = "postgres://postgres@127.0.0.1:5432/wenming"
        default = run_manage("shell", "-c", show, DATABASE_URL=database)
        self.assertIn("-c random_page_cost=1.1", default.stdout, default.stderr)
        left = run_manage("shell", "-c", show, DATABASE_URL=database, PG_RANDOM_PAGE_COST="")
        self.assertNotIn("random_page_cost", left.stdout + left.stderr)
        wrong = run_manage("shell", "-c", show, DATABASE_URL=database, PG_RANDOM_PAGE_COST="fast")
        self.assertNotEqual(wrong.returncode, 0)
        self.assertIn("PG_RANDOM_PAGE_COST is not a number: 'fast'", wrong.stderr)

    def test_postgres_gives_up_connecting_after_a_few_seconds(self):
        show = "from django.conf import settings; print(settings.DATABASES['default'])"
        database = "postgres://postgres@127.0.0.1:5432/wenming"
        default = run_manage("shell", "-c", show, DATABASE_URL=database)
        self.assertIn("'connect_timeout': 3", default.stdout, default.stderr)
        self.assertIn("'CONN_HEALTH_CHECKS': True", default.stdout)
        in_url = run_manage("shell", "-c", show, DATABASE_URL=f"{database}?connect_timeout=10")
        self.assertIn("'connect_timeout': 10,", in_url.stdout, in_url.stderr)
        wrong = run_manage("shell", "-c", show, DATABASE_URL=database, DB_CONNECT_TIMEOUT="3s")
        self.assertNotEqual(wrong.returncode, 0)
        self.assertIn("DB_CONNECT_TIMEOUT is not a whole number of seconds: '3s'", wrong.stderr)

    def test_production_settings_pass_the_deploy_check(self):
        result = run_manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            DJANGO_SETTINGS_MODULE="wenming.settings.production",
            SECRET_KEY="a-long-random-production-key-" + "x9" * 30,
            ALLOWED_HOSTS="wenming.example",
            WAGTAILADMIN_BASE_URL="https://wenming.example",
        )
        self.assertEqual(result.returncode, 0, result.stderr + result.stdout)


class CacheAndLimitSettingsTests(SimpleTestCase):
    def test_a_cdn_purge_address_turns_on_wagtails_frontend_cache(self):
        show = "from django.conf import settings; print(settings.WAGTAILFRONTENDCACHE)"
        result = run_manage("shell", "-c", show, FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:8080")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("HTTPBackend", result.stdout)
        self.assertIn("http://127.0.0.1:8080", result.stdout)

    def test_a_malformed_rate_limit_stops_start_up_with_a_message(self):
        result = run_manage("check", WENMING_RATE_LIMITS="like=many")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("WENMING_RATE_LIMITS: not scope=count/seconds: 'like=many'", result.stderr)


class ObjectStorageSettingsTests(SimpleTestCase):
    S3 = {
        "DJANGO_SETTINGS_MODULE": "wenming.settings.dev",
        "S3_BUCKET": "wenming-media",
        "S3_ENDPOINT_URL": "https://oss-cn-hangzhou.aliyuncs.com",
    }

    def test_uploads_go_to_object_storage_and_nomination_photos_to_a_private_bucket(self):
        show = (
            "from django.core.files.storage import storages; "
            "d = storages['default']; print(type(d).__name__, d.bucket_name, "
            "d.querystring_auth); "
            "n = storages['nominations']; "
            "print(type(n).__name__, n.bucket_name, n.default_acl, n.querystring_auth)"
        )
        result = run_manage(
            "shell", "-v", "0", "-c", show, **self.S3, S3_PRIVATE_BUCKET="wenming-private"
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(
            result.stdout.split("\n")[:2],
            ["S3Storage wenming-media False", "S3Storage wenming-private private True"],
        )

    def test_object_storage_without_a_private_bucket_refuses_to_start(self):
        result = run_manage("check", **self.S3)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("set S3_PRIVATE_BUCKET too", result.stderr)
