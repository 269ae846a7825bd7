"""Every page type previews: in the editor's panel, in 查看草稿 of a revision, in moderation.

A preview renders the page from a revision or the unsaved form, so its child entries, tags
and related articles are in-memory objects, not database rows; the reviewer approves what the
preview shows, so it must show the draft's entries, not the live ones.
"""

import wagtail_factories
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from goodpeople.factories import (
    BoardEntryFactory,
    BrandProjectPageFactory,
    BrandShowcasePageFactory,
    CommunityPageFactory,
    CommunitySectionPageFactory,
    DistrictPageFactory,
    GoodPeopleBoardPageFactory,
    NoticePageFactory,
)
from goodpeople.models import BoardEntry, Category
from goodpeople.tests.site import build_city
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory, TopicPageFactory
from news.models import RelatedArticle


def every_page_type() -> list[Page]:
    """One live page of each type, in a small site."""
    home = make_site_home()
    channel = ChannelPageFactory(parent=home, title="动态要闻", slug="news")
    article = ArticlePageFactory(parent=channel, title="志愿服务进社区")
    article.tags.add("志愿服务")
    article.save()
    section = CommunitySectionPageFactory(parent=home)
    district = DistrictPageFactory(parent=section, title="浔阳区", slug="xunyang")
    community = CommunityPageFactory(parent=district, title="甘棠社区", slug="gantang")
    board = GoodPeopleBoardPageFactory(parent=community)
    BoardEntryFactory(board=board, name="李好人", category=Category.HONEST)
    return [
        home,
        channel,
        article,
        TopicPageFactory(parent=home, title="学雷锋专题", slug="topic"),
        section,
        district,
        community,
        board,
        BrandProjectPageFactory(parent=community, title="爱心理发"),
        BrandShowcasePageFactory(parent=home, slug="showcase"),
        NoticePageFactory(parent=channel, title="关于好人推荐的公示"),
    ]


class EveryPageTypeTests(WagtailPageTestCase):
    def test_every_page_type_renders_in_the_editors_preview(self):
        pages = every_page_type()
        ours = {m for m in get_page_models() if m._meta.app_label in {"home", "goodpeople", "news"}}
        self.assertEqual({type(page.specific) for page in pages}, ours)
        admin = User.objects.create_superuser("boss", "boss@example.com", "pw")
        for page in pages:
            with self.subTest(page_type=type(page).__name__):
                self.assertPageIsPreviewable(page.specific, post_data=self.form_data(page, admin))

    def test_every_page_type_renders_its_newest_revision_as_a_draft(self):
        self.client.force_login(User.objects.create_superuser("boss", "boss@example.com", "pw"))
        for page in every_page_type():
            with self.subTest(page_type=type(page).__name__):
                revision = page.specific.save_revision()
                url = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk])
                self.assertContains(self.client.get(url), page.title)

    def form_data(self, page: Page, user) -> dict:
        """The edit form as a browser sends it; StreamFields are built by JavaScript there."""
        self.client.force_login(user)
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
        data = querydict_from_html(html.decode(), form_id="page-edit-form").dict()
        if "body-count" not in data and hasattr(page.specific, "body"):
            body = streamfield([("paragraph", rich_text("<p>预览正文</p>"))])
            data.update(nested_form_data({"body": body}))
        return data


class DraftPreviewTests(WagtailPageTestCase):
    """The draft's own entries, tags and related articles show in every kind of preview."""

    @classmethod
    def setUpTestData(cls):
        make_site_home()
        cls.city = build_city()
        cls.board = cls.city.community_a.board()

    def draft_with_new_entry(self, user):
        """The station's draft of its board with one more person, as its newest revision."""
        board = self.board.get_latest_revision_as_object()
        board.entries.add(
            BoardEntry(
                photo=wagtail_factories.ImageFactory(title="王新人照片"),
                name="王新人",
                category=Category.DEDICATED,
                deed="每天清晨打扫楼道。",
                # Today: the board shows only the newest month, and yesterday may be last month.
                listed_on=timezone.localdate(),
            )
        )
        return board.save_revision(user=user)

    def test_viewing_a_draft_revision_shows_its_new_entry(self):
        revision = self.draft_with_new_entry(self.city.station_a)
        self.client.force_login(self.city.station_a)
        response = self.client.get(
            reverse("wagtailadmin_pages:revisions_view", args=[self.board.pk, revision.pk])
        )
        self.assertContains(response, "王新人")
        self.assertContains(response, 'alt="王新人"')
        self.assertContains(response, "甘棠社区好人")

    def test_the_reviewer_previews_a_submitted_board_with_its_new_entry(self):
        revision = self.draft_with_new_entry(self.city.station_a)
        workflow = self.board.get_workflow()
        workflow_state = workflow.start(self.board, self.city.station_a)
        task_state = workflow_state.current_task_state
        self.assertEqual(task_state.revision_id, revision.pk)
        self.client.force_login(self.city.reviewer)
        response = self.client.get(
            reverse(
                "wagtailadmin_pages:workflow_preview",
                args=[self.board.pk, task_state.task_id],
            )
        )
        self.assertContains(response, "王新人")
        self.assertContains(response, "每天清晨打扫楼道。")

    def test_the_editors_preview_panel_shows_an_entry_typed_but_not_saved(self):
        self.client.force_login(self.city.station_a)
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.board.pk])
        data = self.edit_form_data(edit_url)
        n = int(data["entries-TOTAL_FORMS"])
        data.update(
            {
                "entries-TOTAL_FORMS": str(n + 1),
                f"entries-{n}-name": "赵未存",
                f"entries-{n}-category": Category.FILIAL,
                f"entries-{n}-deed": "照顾瘫痪的婆婆十年。",
                f"entries-{n}-listed_on": timezone.localdate().isoformat(),
                f"entries-{n}-ORDER": str(n + 1),
                f"entries-{n}-DELETE": "",
                f"entries-{n}-id": "",
            }
        )
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.board.pk])
        self.assertJSONEqual(
            self.client.post(preview_url, data).content,
            {"is_valid": True, "is_available": True},
        )
        self.assertContains(self.client.get(preview_url), "赵未存")

    def edit_form_data(self, edit_url: str) -> dict:
        html = self.client.get(edit_url).content.decode()
        return querydict_from_html(html, form_id="page-edit-form").dict()


class ArticleDraftPreviewTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site_home()
        cls.channel = ChannelPageFactory(parent=home, title="动态要闻", slug="news")
        cls.older = ArticlePageFactory(parent=cls.channel, title="旧的相关文章")
        cls.tagged = ArticlePageFactory(parent=cls.channel, title="同标签的文章")
        cls.tagged.tags.add("垃圾分类")
        cls.tagged.save()
        cls.article = ArticlePageFactory(parent=cls.channel, title="正在修改的文章")

    def test_a_draft_with_new_tags_related_articles_and_image_previews_them(self):
        draft = self.article.get_latest_revision_as_object()
        draft.lead_image = wagtail_factories.ImageFactory(title="草稿里换的题图")
        draft.tags.add("垃圾分类")
        draft.related_links.add(RelatedArticle(article=self.older))
        revision = draft.save_revision()
        admin = User.objects.create_superuser("boss", "boss@example.com", "pw")
        self.client.force_login(admin)
        response = self.client.get(
            reverse("wagtailadmin_pages:revisions_view", args=[self.article.pk, revision.pk])
        )
        self.assertContains(response, "垃圾分类")
        html = response.content.decode()
        self.assertIn("旧的相关文章", html)
        self.assertIn("同标签的文章", html)
        self.assertIn('alt="草稿里换的题图"', html)
        # The live page is unchanged until the draft is published.
        live = self.client.get(self.article.url).content.decode()
        self.assertNotIn("垃圾分类", live)
