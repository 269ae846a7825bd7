"""Videos and galleries in the bodies of articles, topics and brand projects: as readers see
them, as the editor previews them, and a wrong file refused in the editor's own form."""

import json

import wagtail_factories
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from goodpeople.factories import (
    BrandProjectPageFactory,
    CommunityPageFactory,
    CommunitySectionPageFactory,
    DistrictPageFactory,
)
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory, TopicPageFactory


def gallery_form(*items: tuple[int, str]) -> dict:
    """A gallery's images as the editor's list block posts them."""
    images = {"count": len(items)}
    for n, (image_id, caption) in enumerate(items):
        images[str(n)] = {
            "value": {"image": image_id, "caption": caption},
            "deleted": "",
            "order": n,
            "id": "",
        }
    return {"images": images}


class MediaBlockTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site_home()
        channel = ChannelPageFactory(parent=home, title="文明实践", slug="shijian")
        section = CommunitySectionPageFactory(parent=home)
        district = DistrictPageFactory(parent=section, title="濂溪区", slug="lianxi")
        community = CommunityPageFactory(parent=district, title="莲花社区", slug="lianhua")
        cls.poster = wagtail_factories.ImageFactory(title="义诊现场")
        cls.photos = [wagtail_factories.ImageFactory(title=f"活动照片{n}") for n in range(3)]
        cls.video = Document.objects.create(
            title="义诊视频", file=ContentFile(b"\x00" * 64, name="yizhen.mp4")
        )
        cls.pdf = Document.objects.create(
            title="活动方案", file=ContentFile(b"%PDF-1.4", name="fangan.pdf")
        )
        body = [
            ("video", {"video": cls.video, "poster": cls.poster, "caption": "社区义诊"}),
            (
                "gallery",
                {
                    "images": [
                        {"image": photo, "caption": f"第{n + 1}张"}
                        for n, photo in enumerate(cls.photos)
                    ]
                },
            ),
        ]
        cls.pages = [
            ArticlePageFactory(parent=channel, title="义诊进社区", body=body),
            TopicPageFactory(parent=home, title="健康社区专题", slug="jiankang", body=body),
            BrandProjectPageFactory(parent=community, title="健康小屋", slug="xiaowu", body=body),
        ]
        cls.admin = User.objects.create_superuser("boss", "boss@example.com", "pw")

    def assert_shows_video_and_gallery(self, html: str):
        self.assertIn('<video controls preload="none" playsinline', html)
        self.assertIn(f'<source src="{self.video.url}" type="video/mp4">', html)
        self.assertIn("<figcaption>社区义诊</figcaption>", html)
        self.assertIn('<ul class="body-gallery">', html)
        for n in range(3):
            self.assertIn(f"<figcaption>第{n + 1}张</figcaption>", html)

    def test_readers_see_the_video_and_the_gallery(self):
        for page in self.pages:
            with self.subTest(page_type=type(page).__name__):
                self.assert_shows_video_and_gallery(self.client.get(page.url).content.decode())

    def test_the_editors_preview_shows_a_video_and_gallery_not_yet_saved(self):
        self.client.force_login(self.admin)
        for page in self.pages:
            with self.subTest(page_type=type(page).__name__):
                data = self.edit_form(page)
                data.update(self.body_form(self.video, "预览里的视频"))
                preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
                self.assertJSONEqual(
                    self.client.post(preview_url, data).content,
                    {"is_valid": True, "is_available": True},
                )
                html = self.client.get(preview_url).content.decode()
                self.assertIn("<figcaption>预览里的视频</figcaption>", html)
                self.assertIn("<figcaption>预览图一</figcaption>", html)

    def test_a_document_that_is_not_a_video_is_refused_and_the_edit_kept(self):
        self.client.force_login(self.admin)
        page = self.pages[0]
        data = self.edit_form(page)
        data.update(self.body_form(self.pdf, "不是视频"))
        data["title"] = "改过的标题"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        # The editor's block widgets are built by script from JSON, error messages included.
        message = json.dumps("“活动方案”不是视频文件：请选择 MP4 或 WebM 格式的视频")[1:-1]
        self.assertTrue(message in html, "the editor is told why the video was refused")
        self.assertTrue('value="改过的标题"' in html, "the editor's changes are kept")
        self.assertEqual(Page.objects.get(pk=page.pk).title, "义诊进社区")

    def edit_form(self, page: Page) -> dict:
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
        return querydict_from_html(html.decode(), form_id="page-edit-form").dict()

    def body_form(self, video: Document, caption: str) -> dict:
        body = streamfield(
            [
                ("video", {"video": video.pk, "poster": self.poster.pk, "caption": caption}),
                (
                    "gallery",
                    gallery_form((self.photos[0].pk, "预览图一"), (self.photos[1].pk, "")),
                ),
            ]
        )
        return nested_form_data({"body": body})
