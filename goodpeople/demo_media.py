"""A video and a photo gallery for the demo's pages, so the body's media blocks are seen: the
video is a four-second clip shipped with the repo (32 KB), the pictures are drawn here."""

import io
from pathlib import Path

from django.core.files import File
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from goodpeople.models import BrandProjectPage
from goodpeople.stations import shared_collection

DEMO_VIDEO = Path(__file__).resolve().parent / "fixtures" / "demo-video.webm"
VIDEO_TITLE = "演示视频：讲文明 树新风"
SCENES = [
    ((179, 25, 31), "志愿者集合出发"),
    ((38, 128, 74), "清扫楼道与绿地"),
    ((26, 79, 139), "为老人测量血压"),
    ((201, 123, 22), "活动结束合影"),
]


def scene_picture(title: str, colour: tuple[int, int, int], seed: int) -> Image:
    """A generated 4:3 picture (nothing is downloaded): a sky, a ground and a few figures."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", (1200, 900), colour)
    draw = ImageDraw.Draw(picture)
    draw.rectangle([0, 600, 1200, 900], fill=tuple(c // 2 for c in colour))
    for n in range(3 + seed % 3):
        x = 180 + n * 240
        draw.ellipse([x, 330, x + 110, 440], fill=(250, 235, 220))
        draw.rectangle([x - 10, 450, x + 120, 700], fill=(255, 255, 255))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"demo-scene-{seed}.jpg"),
        collection=shared_collection(),
    )


def demo_video() -> Document:
    existing = Document.objects.filter(title=VIDEO_TITLE).first()
    if existing:
        return existing
    with DEMO_VIDEO.open("rb") as clip:
        return Document.objects.create(
            title=VIDEO_TITLE,
            file=File(clip, name="demo-video.webm"),
            collection=shared_collection(),
        )


def media_blocks(caption: str) -> list[tuple[str, dict]]:
    """A video with its poster, and a gallery of the activity, as body blocks."""
    pictures = [
        scene_picture(f"演示活动照片：{title}", colour, seed)
        for seed, (colour, title) in enumerate(SCENES)
    ]
    return [
        ("video", {"video": demo_video(), "poster": pictures[0], "caption": caption}),
        (
            "gallery",
            {
                "images": [
                    {"image": picture, "caption": title}
                    for picture, (_, title) in zip(pictures, SCENES, strict=True)
                ]
            },
        ),
    ]


def add_media(page: Page, caption: str) -> None:
    """Append the video and gallery to page's body and publish it, unless it has a video."""
    if any(block.block_type == "video" for block in page.body):
        return
    for block_type, value in media_blocks(caption):
        page.body.append((block_type, value))
    page.save_revision().publish()


def add_media_to_a_project() -> BrandProjectPage | None:
    """The first brand project of the city, with a video and a gallery of its activity."""
    project = BrandProjectPage.objects.live().order_by("path").first()
    if project is not None:
        add_media(project, f"{project.title}活动短片")
    return project
