"""Districts and communities have pinyin addresses (/shequ/xunyang/gantang/), however they
are made, and a site that had Chinese ones keeps its old links working."""

import tempfile
from pathlib import Path
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data

from core.tests.utils import log_in
from goodpeople.factories import (
    CommunityPageFactory,
    CommunitySectionPageFactory,
    DistrictPageFactory,
    GoodPeopleBoardPageFactory,
)
from goodpeople.models import CommunityPage, DistrictPage
from goodpeople.onboarding import import_file
from goodpeople.place_slugs import convert_place_slugs
from goodpeople.sample import community_rows, write_csv

PASSWORD = "pass-word-123"  # noqa: S105 - test account only


class ImportSlugTests(TestCase):
    def test_imported_districts_and_communities_get_pinyin_slugs_unique_among_siblings(self):
        CommunitySectionPageFactory(parent=Site.objects.get(is_default_site=True).root_page)
        rows = community_rows(2, 0)
        # 干塘 sounds like 甘棠: the second in the same district gets -2.
        rows.append({**rows[0], "社区": "干塘社区", "站长账号": "zhan900", "记录员账号": "jilu900"})
        _, errors = import_file(write_csv(Path(tempfile.mkdtemp()) / "rows.csv", rows))
        self.assertEqual(errors, [])
        self.assertEqual(CommunityPage.objects.get(title="甘棠社区").url, "/shequ/xunyang/gantang/")
        self.assertEqual(CommunityPage.objects.get(title="干塘社区").slug, "gantang-2")
        self.assertContains(self.client.get("/shequ/xunyang/gantang/"), "甘棠社区")
        self.assertContains(self.client.get("/shequ/xunyang/gantang-2/"), "干塘社区")


class AdminSlugTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        root = Site.objects.get(is_default_site=True).root_page
        cls.section = CommunitySectionPageFactory(parent=root)
        cls.district = DistrictPageFactory(parent=cls.section, title="浔阳区", slug="xunyang")
        get_user_model().objects.create_superuser("boss", "boss@example.com", PASSWORD)

    def add(self, model: str, parent, **fields):
        log_in(self.client, "boss", PASSWORD)
        url = reverse("wagtailadmin_pages:add", args=["goodpeople", model, parent.pk])
        return self.client.post(url, nested_form_data({**fields, "action-publish": "publish"}))

    def test_a_district_with_the_admins_automatic_slug_gets_pinyin(self):
        # The admin fills the slug from the title as the editor types: here 柴桑区.
        response = self.add(
            "districtpage", self.section, title="柴桑区", slug="柴桑区", kind="district"
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(DistrictPage.objects.get(title="柴桑区").url, "/shequ/chaisang/")

    def test_a_community_with_no_slug_gets_pinyin_and_a_clash_gets_a_number(self):
        CommunityPageFactory(parent=self.district, title="甘棠社区", slug="gantang")
        response = self.add(
            "communitypage", self.district, title="干塘社区", slug="", signage_count=0
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(CommunityPage.objects.get(title="干塘社区").slug, "gantang-2")

    def test_a_slug_the_editor_typed_is_kept(self):
        self.add("communitypage", self.district, title="湓浦社区", slug="penpu-lu", signage_count=0)
        self.assertEqual(CommunityPage.objects.get(title="湓浦社区").slug, "penpu-lu")


class ConversionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        root = Site.objects.get(is_default_site=True).root_page
        section = CommunitySectionPageFactory(parent=root)
        cls.district = DistrictPageFactory(parent=section, title="浔阳区", slug="浔阳区")
        cls.community = CommunityPageFactory(parent=cls.district, title="甘棠社区", slug="甘棠社区")
        cls.board = GoodPeopleBoardPageFactory(parent=cls.community)
        cls.other = DistrictPageFactory(parent=section, title="濂溪区", slug="lianxi")

    def test_chinese_slugs_become_pinyin_and_old_links_redirect(self):
        self.assertEqual(convert_place_slugs(), 2)
        self.assertEqual(
            CommunityPage.objects.get(pk=self.community.pk).url, "/shequ/xunyang/gantang/"
        )
        self.assertEqual(DistrictPage.objects.get(pk=self.other.pk).slug, "lianxi")
        for old, new in [
            ("/shequ/浔阳区/", "/shequ/xunyang/"),
            ("/shequ/浔阳区/甘棠社区/", "/shequ/xunyang/gantang/"),
            ("/shequ/xunyang/甘棠社区/", "/shequ/xunyang/gantang/"),
            ("/shequ/浔阳区/甘棠社区/haoren/", "/shequ/xunyang/gantang/haoren/"),
        ]:
            with self.subTest(old):
                # As pasted into a chat: percent-encoded.
                response = self.client.get(quote(old))
                self.assertRedirects(response, new, status_code=301)
        self.assertEqual(self.client.get("/shequ/xunyang/gantang/").status_code, 200)

    def test_the_next_edit_keeps_the_new_slug_and_a_second_run_changes_nothing(self):
        convert_place_slugs()
        community = CommunityPage.objects.get(pk=self.community.pk)
        self.assertEqual(community.get_latest_revision_as_object().slug, "gantang")
        self.assertEqual(convert_place_slugs(), 0)
