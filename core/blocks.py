"""StreamField blocks shared by every page type that carries a body."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

# The video formats every browser readers use plays in <video> (WeChat's on iOS included).
VIDEO_EXTENSIONS = ("mp4", "webm")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="图片")
    caption = blocks.CharBlock(label="图片说明", required=False, max_length=200)

    class Meta:
        icon = "image"
        label = "图片"
        template = "components/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="引文")
    attribution = blocks.CharBlock(label="出处", required=False, max_length=100)

    class Meta:
        icon = "openquote"
        label = "引用"
        template = "components/blocks/quote.html"


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="文件")
    title = blocks.CharBlock(
        label="显示名称", required=False, max_length=200, help_text="留空则使用文件标题"
    )

    class Meta:
        icon = "doc-full"
        label = "附件"
        template = "components/blocks/attachment.html"


class VideoBlock(blocks.StructBlock):
    video = DocumentChooserBlock(label="视频文件", help_text="MP4 或 WebM 格式，先上传到文档库")
    poster = ImageChooserBlock(label="封面图片", help_text="视频播放前显示的图片")
    caption = blocks.CharBlock(label="视频说明", required=False, max_length=200)

    class Meta:
        icon = "media"
        label = "视频"
        template = "components/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        extension = value["video"].file_extension.lower()
        if extension not in VIDEO_EXTENSIONS:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "video": ValidationError(
                        f"“{value['video'].title}”不是视频文件：请选择 MP4 或 WebM 格式的视频"
                    )
                }
            )
        return value


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="图片")
    caption = blocks.CharBlock(label="图片说明", required=False, max_length=200)

    class Meta:
        icon = "image"
        label = "图片"


class GalleryBlock(blocks.StructBlock):
    images = blocks.ListBlock(GalleryImageBlock(), label="图片", min_num=2)

    class Meta:
        icon = "grip"
        label = "图集"
        template = "components/blocks/gallery.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label="段落", features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    attachment = AttachmentBlock()
    video = VideoBlock()
    gallery = GalleryBlock()
