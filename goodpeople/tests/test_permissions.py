"""Station isolation through the admin's real views: station A against station B's pages."""

from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from goodpeople.factories import NoticePageFactory
from goodpeople.models import GoodPeopleBoardPage, Nomination, NoticePage
from goodpeople.stations import shared_collection
from goodpeople.tests.admin import board_form, entry
from goodpeople.tests.site import build_city, make_image, today


def admin_url(name: str, *args) -> str:
    return reverse(f"wagtailadmin_pages:{name}", args=args)


class IsolationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.board_b = GoodPeopleBoardPage.objects.child_of(cls.city.community_b).get()
        cls.draft_b = NoticePageFactory(
            parent=cls.city.community_b, title="十里社区未发布草稿", live=False
        )
        cls.draft_b.save_revision()
        cls.revision_b = cls.board_b.save_revision()
        cls.image_b = make_image("十里社区照片", cls.city.community_b.station.collection)
        cls.image_a = make_image("甘棠社区照片", cls.city.community_a.station.collection)
        cls.shared_image = make_image("市文明办公共图片", shared_collection())
        cls.document_b = Document.objects.create(
            title="十里社区台账",
            file=ContentFile(b"ledger", name="ledger.txt"),
            collection=cls.city.community_b.station.collection,
        )

    def setUp(self):
        self.client.force_login(self.city.station_a)

    def assertDenied(self, response):
        """Wagtail answers a forbidden admin view with 403/404 or a redirect to the dashboard.

        Some views first redirect to a sibling view (revisions to history, a refused move
        back to the move chooser); that one must refuse in turn.
        """
        for _ in range(3):
            if response.status_code != 302 or response.url == reverse("wagtailadmin_home"):
                break
            response = self.client.get(response.url)
        if response.status_code == 302:
            self.assertEqual(response.url, reverse("wagtailadmin_home"))
        else:
            self.assertIn(response.status_code, (403, 404))

    def modal_html(self, url: str, **params) -> str:
        """The HTML inside a chooser's JSON answer (where Chinese is \\u-escaped)."""
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200)
        if response["Content-Type"] == "application/json":
            return response.json()["html"]
        return response.content.decode()

    def test_cannot_open_other_stations_pages(self):
        for page in (self.board_b, self.draft_b, self.city.community_b):
            with self.subTest(page=page.title):
                self.assertDenied(self.client.get(admin_url("edit", page.pk)))
                self.assertDenied(self.client.get(admin_url("history", page.pk)))
                self.assertDenied(self.client.get(admin_url("revisions_index", page.pk)))
                self.assertDenied(self.client.get(admin_url("preview_on_edit", page.pk)))
        explorer = self.client.get(reverse("wagtailadmin_explore", args=[self.city.community_b.pk]))
        self.assertNotContains(explorer, "十里社区未发布草稿", status_code=explorer.status_code)

    def test_cannot_read_other_stations_revisions(self):
        pk, rev = self.board_b.pk, self.revision_b.pk
        self.assertDenied(self.client.get(admin_url("revisions_view", pk, rev)))
        self.assertDenied(self.client.get(admin_url("revisions_compare", pk, "live", rev)))
        self.assertDenied(self.client.get(admin_url("revisions_revert", pk, rev)))

    def test_cannot_change_other_stations_pages(self):
        pk = self.board_b.pk
        post = board_form(self.board_b, [entry("冒名好人")], **{"action-publish": "1"})
        self.assertDenied(self.client.post(admin_url("edit", pk), post))
        self.assertDenied(self.client.post(admin_url("delete", pk)))
        self.assertDenied(self.client.post(admin_url("unpublish", pk)))
        self.assertDenied(self.client.post(admin_url("move_confirm", pk, self.city.community_a.pk)))
        self.assertDenied(
            self.client.post(
                admin_url("copy", pk),
                {
                    "new_title": "抄来的",
                    "new_slug": "copied",
                    "new_parent_page": self.city.community_a.pk,
                },
            )
        )
        board = GoodPeopleBoardPage.objects.get(pk=pk)
        self.assertTrue(board.live)
        self.assertEqual(board.get_parent().pk, self.city.community_b.pk)
        self.assertFalse(board.entries.filter(name="冒名好人").exists())
        self.assertFalse(Page.objects.filter(slug="copied").exists())

    def test_choosers_and_admin_api_hide_other_drafts(self):
        child = self.modal_html(
            reverse("wagtailadmin_choose_page_child", args=[self.city.community_b.pk])
        )
        self.assertIn("身边好人榜", child)
        self.assertNotIn("十里社区未发布草稿", child)
        search = self.modal_html(reverse("wagtailadmin_choose_page_search"), q="草稿")
        self.assertNotIn("十里社区未发布草稿", search)
        api = reverse("wagtailadmin_api:pages:detail", args=[self.draft_b.pk])
        self.assertEqual(self.client.get(api).status_code, 404)
        listing = self.client.get(
            reverse("wagtailadmin_api:pages:listing"), {"child_of": self.city.community_b.pk}
        )
        self.assertNotIn("十里社区未发布草稿", listing.content.decode())
        # A station does see its own pages.
        own = reverse("wagtailadmin_choose_page_child", args=[self.city.community_a.pk])
        self.assertIn("身边好人榜", self.modal_html(own))

    def test_cannot_edit_or_delete_other_stations_images_and_documents(self):
        self.assertDenied(self.client.get(reverse("wagtailimages:edit", args=[self.image_b.pk])))
        self.assertDenied(self.client.post(reverse("wagtailimages:delete", args=[self.image_b.pk])))
        self.assertDenied(self.client.get(reverse("wagtaildocs:edit", args=[self.document_b.pk])))
        self.assertDenied(
            self.client.post(reverse("wagtaildocs:delete", args=[self.document_b.pk]))
        )
        self.assertTrue(Document.objects.filter(pk=self.document_b.pk).exists())
        self.assertEqual(
            self.client.get(reverse("wagtailimages:edit", args=[self.image_a.pk])).status_code,
            200,
        )

    def test_image_chooser_offers_own_and_shared_images_only(self):
        html = self.modal_html(reverse("wagtailimages_chooser:choose"))
        self.assertIn("甘棠社区照片", html)
        self.assertIn("市文明办公共图片", html)
        self.assertNotIn("十里社区照片", html)

    def test_a_form_post_naming_another_stations_image_is_refused(self):
        board_a = GoodPeopleBoardPage.objects.child_of(self.city.community_a).get()
        url = admin_url("edit", board_a.pk)
        post = board_form(board_a, [entry("借图好人", photo=self.image_b.pk)])
        revisions = board_a.revisions.count()
        response = self.client.post(url, post)
        self.assertContains(response, "不能使用其他工作站的图片或文件：十里社区照片")
        self.assertEqual(board_a.revisions.count(), revisions)
        post = board_form(board_a, [entry("共享图好人", photo=self.shared_image.pk)])
        self.assertRedirects(self.client.post(url, post), url)

    def test_an_image_the_office_placed_stays_when_the_station_edits(self):
        board_a = GoodPeopleBoardPage.objects.child_of(self.city.community_a).get()
        entry_a = board_a.entries.get()
        entry_a.photo = self.image_b
        entry_a.save()
        url = admin_url("edit", board_a.pk)
        post = board_form(board_a, [entry("又一位好人")])
        self.assertRedirects(self.client.post(url, post), url)

    def test_a_future_listing_date_is_a_form_error(self):
        board_a = GoodPeopleBoardPage.objects.child_of(self.city.community_a).get()
        post = board_form(board_a, [entry("未来好人", listed_on="2999-01-01")])
        response = self.client.post(admin_url("edit", board_a.pk), post)
        self.assertContains(response, "上榜日期不能晚于今天。")

    def test_nominations_of_other_stations_are_hidden(self):
        board_a = GoodPeopleBoardPage.objects.child_of(self.city.community_a).get()
        mine = Nomination.objects.create(board=board_a, name="甲推荐", deed="好事")
        theirs = Nomination.objects.create(board=self.board_b, name="乙推荐", deed="好事")
        index = self.client.get(reverse("wagtailsnippets_goodpeople_nomination:list"))
        self.assertContains(index, "甲推荐")
        self.assertNotContains(index, "乙推荐")
        edit = "wagtailsnippets_goodpeople_nomination:edit"
        self.assertEqual(self.client.get(reverse(edit, args=[mine.pk])).status_code, 200)
        self.assertDenied(self.client.get(reverse(edit, args=[theirs.pk])))

    def test_own_publish_becomes_a_submission(self):
        board_a = GoodPeopleBoardPage.objects.child_of(self.city.community_a).get()
        post = board_form(board_a, [entry("新好人")], **{"action-publish": "1"})
        self.client.post(admin_url("edit", board_a.pk), post)
        board_a.refresh_from_db()
        self.assertFalse(board_a.entries.filter(name="新好人").exists())
        self.assertEqual(board_a.current_workflow_state.status, "in_progress")
        self.assertEqual(board_a.current_workflow_state.requested_by, self.city.station_a)
        self.assertNotContains(self.client.get(board_a.url), "新好人")

    def test_station_cannot_publish_a_new_page_directly(self):
        url = reverse(
            "wagtailadmin_pages:add", args=["goodpeople", "noticepage", self.city.community_a.pk]
        )
        data = nested_form_data(
            {
                "title": "甘棠社区新公告",
                "slug": "new-notice",
                "date": today().isoformat(),
                "body": rich_text("<p>正文</p>"),
                "attachments": inline_formset([]),
                "action-publish": "publish",
            }
        )
        self.client.post(url, data)
        notice = NoticePage.objects.get(slug="new-notice")
        self.assertFalse(notice.live)
        self.assertEqual(notice.current_workflow_state.status, "in_progress")

    def test_a_station_document_downloads_only_once_a_published_page_uses_it(self):
        url = self.document_b.url
        self.client.logout()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(self.city.station_a)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(self.city.station_b)
        self.assertEqual(self.client.get(url).status_code, 200)
        NoticePageFactory(
            parent=self.city.community_b,
            title="十里社区台账公示",
            body=f'<p><a linktype="document" id="{self.document_b.pk}">台账</a></p>',
        )
        self.client.logout()
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), b"ledger")

    def test_a_rich_text_link_to_another_stations_document_is_refused(self):
        own = Document.objects.create(
            title="甘棠社区台账",
            file=ContentFile(b"own", name="own.txt"),
            collection=self.city.community_a.station.collection,
        )
        url = reverse(
            "wagtailadmin_pages:add", args=["goodpeople", "noticepage", self.city.community_a.pk]
        )

        def post(slug, document):
            link = f'<p><a linktype="document" id="{document.pk}">台账</a></p>'
            return self.client.post(
                url,
                nested_form_data(
                    {
                        "title": "甘棠社区台账公示",
                        "slug": slug,
                        "date": today().isoformat(),
                        "body": rich_text(link),
                        "attachments": inline_formset([]),
                    }
                ),
            )

        response = post("borrowed", self.document_b)
        self.assertContains(response, "不能使用其他工作站的图片或文件：十里社区台账")
        self.assertFalse(NoticePage.objects.filter(slug="borrowed").exists())
        post("own", own)
        self.assertTrue(NoticePage.objects.filter(slug="own").exists())
