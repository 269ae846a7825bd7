"""The search backend's PostgreSQL match is served by core's GIN index on title || body."""

from unittest import skipUnless

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import TestCase
from wagtail.models import Page
from wagtail.search.backends import get_search_backend


@skipUnless(connection.vendor == "postgresql", "PostgreSQL's text-search index")
class PostgresIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # A city's worth of index entries, merged into the index and analysed: the planner then
        # weighs the indexes as on a live site, whatever earlier tests left behind.
        page_type = ContentType.objects.get_for_model(Page).pk
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO wagtailsearch_indexentry
                    (object_id, title_norm, content_type_id, autocomplete, title, body,
                     title_text, body_text)
                SELECT n::text, 1, %s, ''::tsvector, to_tsvector('simple', '标题' || n),
                       to_tsvector('simple', '正文' || n), '', ''
                FROM generate_series(1, 5000) AS n
                """,
                [page_type],
            )
            # Entries wait in the GIN index's pending list until a vacuum merges them; a long
            # list (left by earlier tests) makes the index look too costly to the planner.
            cursor.execute("SELECT gin_clean_pending_list('core_search_title_body_gin')")
            cursor.execute("ANALYZE wagtailsearch_indexentry")

    def plan(self, query: str) -> str:
        results = get_search_backend().search(query, Page.objects.all(), order_by_relevance=False)
        sql, params = results.get_queryset().query.sql_with_params()
        with connection.cursor() as cursor:
            # A test database is too small for the planner to prefer any index on its own.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            return "\n".join(row[0] for row in cursor.fetchall())

    def test_every_word_of_a_query_is_looked_up_in_the_title_body_index(self):
        plan = self.plan("八里湖社区志愿服务")
        self.assertIn("core_search_title_body_gin", plan)
        self.assertIn("'八里' & '湖' & '社区'", plan.replace("''", "'"))

    def test_connections_plan_for_solid_state_storage(self):
        with connection.cursor() as cursor:
            cursor.execute("SHOW random_page_cost")
            self.assertEqual(float(cursor.fetchone()[0]), 1.1)
