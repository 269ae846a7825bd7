import json

from django.test import SimpleTestCase

from core.tests.test_settings import run_manage

PRINT_BACKENDS = (
    "import json; from django.conf import settings; "
    "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS))"
)


def backends(**env: str) -> dict:
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        PRINT_BACKENDS,
        DJANGO_SETTINGS_MODULE="wenming.settings.test",
        **env,
    )
    if result.returncode != 0:
        raise AssertionError(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])["default"]


class SearchEngineSettingsTests(SimpleTestCase):
    """The settings wiring only: no search server runs here."""

    def test_the_database_backend_with_chinese_segmentation_is_the_default(self):
        self.assertEqual(backends(), {"BACKEND": "core.search_backend"})

    def test_elasticsearch_with_the_ik_analyzer(self):
        config = backends(SEARCH_ENGINE="elasticsearch", SEARCH_URL="http://es:9200")
        self.assertEqual(config["BACKEND"], "wagtail.search.backends.elasticsearch8")
        self.assertEqual(config["URLS"], ["http://es:9200"])
        analyzers = config["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]
        self.assertEqual(analyzers["default"]["tokenizer"], "ik_max_word")
        self.assertEqual(analyzers["default_search"]["tokenizer"], "ik_smart")

    def test_opensearch_with_smartcn_and_traditional_folding(self):
        config = backends(
            SEARCH_ENGINE="opensearch",
            SEARCH_URL="https://os1:9200,https://os2:9200",
            SEARCH_ANALYZER="smartcn",
            SEARCH_FOLD_TRADITIONAL="true",
        )
        self.assertEqual(config["BACKEND"], "wagtail.search.backends.opensearch2")
        self.assertEqual(len(config["URLS"]), 2)
        analysis = config["INDEX_SETTINGS"]["settings"]["analysis"]
        self.assertEqual(analysis["analyzer"]["default"]["type"], "smartcn")
        self.assertEqual(analysis["analyzer"]["default"]["char_filter"], ["t2s"])
        self.assertEqual(analysis["char_filter"]["t2s"]["convert_type"], "t2s")

    def test_a_wrong_engine_analyzer_or_missing_url_stops_start_up_with_the_reason(self):
        for env, reason in [
            ({"SEARCH_ENGINE": "solr"}, "SEARCH_ENGINE"),
            ({"SEARCH_ENGINE": "elasticsearch"}, "SEARCH_URL"),
            (
                {
                    "SEARCH_ENGINE": "opensearch",
                    "SEARCH_URL": "http://x",
                    "SEARCH_ANALYZER": "jieba",
                },
                "SEARCH_ANALYZER",
            ),
        ]:
            with self.subTest(env=env):
                result = run_manage("check", DJANGO_SETTINGS_MODULE="wenming.settings.test", **env)
                self.assertNotEqual(result.returncode, 0)
                self.assertIn(reason, result.stderr)
