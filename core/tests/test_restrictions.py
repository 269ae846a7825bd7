from django.contrib.auth.models import Group
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from core import pagecache
from core.tests.utils import make_site_root


def public_titles() -> set[str]:
    return set(Page.objects.live().public().filter(depth__gte=3).values_list("title", flat=True))


class CachedRestrictionsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = make_site_root()
        cls.open = cls.root.add_child(instance=Page(title="公开栏目", slug="open"))
        cls.section = cls.root.add_child(instance=Page(title="内部栏目", slug="internal"))
        cls.inside = cls.section.add_child(instance=Page(title="内部通知", slug="notice"))

    def restrict(self, page: Page) -> PageViewRestriction:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.create(name="内部"))
        return restriction

    def test_listings_read_the_private_sections_from_the_cache(self):
        self.restrict(self.section)
        self.assertEqual(public_titles(), {"公开栏目"})
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(public_titles(), {"公开栏目"})
        self.assertEqual(len(queries), 1, [q["sql"] for q in queries])

    def test_a_new_restriction_hides_its_section_at_once_and_lifting_it_shows_it(self):
        self.assertEqual(public_titles(), {"公开栏目", "内部栏目", "内部通知"})
        restriction = self.restrict(self.section)
        self.assertEqual(public_titles(), {"公开栏目"})
        restriction.delete()
        self.assertEqual(public_titles(), {"公开栏目", "内部栏目", "内部通知"})

    def test_a_section_moved_under_a_restricted_one_is_private(self):
        self.restrict(self.section)
        self.assertIn("公开栏目", public_titles())
        Page.objects.get(pk=self.open.pk).move(self.section, pos="last-child")
        self.assertEqual(public_titles(), set())

    def test_a_page_in_a_restricted_section_still_asks_readers_to_log_in(self):
        self.client.get("/open/")  # the restrictions are now in the cache
        self.restrict(self.section)
        self.assertEqual(self.client.get("/open/").status_code, 200)
        response = self.client.get("/internal/notice/")
        self.assertEqual(response.status_code, 302)
        self.assertIn("/login/", response["Location"])

    def test_an_alias_of_a_restricted_page_is_restricted_too(self):
        self.restrict(self.section)
        self.section.create_alias(parent=self.open, update_slug="internal-copy")
        response = self.client.get("/open/internal-copy/")
        self.assertEqual(response.status_code, 302)

    def test_a_reader_between_the_save_and_its_commit_does_not_keep_the_old_answer(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.restrict(self.section)
            # A reader in another transaction does not see the uncommitted restriction yet.
            stale_generation = pagecache.generation()
        self.assertNotEqual(pagecache.generation(), stale_generation)
