"""The body's video and gallery blocks: what a reader's browser gets, and what an editor may
choose."""

from django.core.files.base import ContentFile
from django.test import TestCase
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail_factories import ImageFactory

from core.blocks import GalleryBlock, VideoBlock


def make_document(title: str, filename: str) -> Document:
    return Document.objects.create(title=title, file=ContentFile(b"\x00" * 64, name=filename))


class VideoBlockTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poster = ImageFactory(title="活动封面")
        cls.video = make_document("学雷锋活动视频", "leifeng.mp4")

    def value(self, document, caption="志愿者在社区服务"):
        block = VideoBlock()
        return block, block.to_python(
            {"video": document.pk, "poster": self.poster.pk, "caption": caption}
        )

    def test_plays_on_demand_with_its_poster_and_caption(self):
        block, value = self.value(self.video)
        html = block.render(block.clean(value))
        self.assertIn('<video controls preload="none" playsinline', html)
        self.assertIn('poster="/media/images/', html)
        self.assertIn(f'<source src="{self.video.url}" type="video/mp4">', html)
        self.assertIn("<figcaption>志愿者在社区服务</figcaption>", html)

    def test_a_document_that_is_not_a_video_is_refused_in_chinese(self):
        block, value = self.value(make_document("通知", "tongzhi.pdf"))
        with self.assertRaises(StructBlockValidationError) as refused:
            block.clean(value)
        message = refused.exception.block_errors["video"].messages[0]
        self.assertEqual(message, "“通知”不是视频文件：请选择 MP4 或 WebM 格式的视频")

    def test_webm_in_capitals_is_a_video(self):
        block, value = self.value(make_document("夜景", "yejing.WEBM"))
        self.assertIn('type="video/webm"', block.render(block.clean(value)))


class GalleryBlockTests(TestCase):
    def test_a_grid_of_captioned_lazy_webp_pictures(self):
        size = {"file__width": 1000, "file__height": 800}
        first, second = ImageFactory(title="清扫楼道", **size), ImageFactory(title="义诊", **size)
        block = GalleryBlock()
        value = block.to_python(
            {
                "images": [
                    {"image": first.pk, "caption": "清晨清扫楼道"},
                    {"image": second.pk, "caption": ""},
                ]
            }
        )
        html = block.render(block.clean(value))
        self.assertIn('<ul class="body-gallery">', html)
        self.assertEqual(html.count("<figure>"), 2)
        self.assertIn("<figcaption>清晨清扫楼道</figcaption>", html)
        self.assertEqual(html.count("<figcaption>"), 1)
        self.assertIn('alt="清晨清扫楼道"', html)
        self.assertIn('alt="义诊"', html)
        self.assertEqual(html.count('loading="lazy"'), 2)
        self.assertIn(".fill-320x240.webp 320w", html)
        self.assertIn(".fill-640x480.webp 640w", html)

    def test_a_gallery_needs_two_pictures(self):
        block = GalleryBlock()
        one = block.to_python({"images": [{"image": ImageFactory().pk, "caption": ""}]})
        with self.assertRaises(StructBlockValidationError):
            block.clean(one)
