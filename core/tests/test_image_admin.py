"""Images uploaded in the admin: refused with a form error, never decoded beyond the cap."""

import io
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.images.models import Image
from wagtail.models import Collection

from core.tests.images import animation, image_bytes, many_pixels_png, phone_photo


def noise_jpeg(size=(300, 300)) -> bytes:
    buffer = io.BytesIO()
    PILImage.effect_noise(size, 64).save(buffer, "JPEG")
    return buffer.getvalue()


class ImageUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("root", "root@example.com", "x")

    def setUp(self):
        self.client.force_login(self.admin)

    def add(self, name: str, data: bytes):
        """The admin's single upload form (添加图片)."""
        return self.client.post(
            reverse("wagtailimages:add"),
            {
                "title": name,
                "collection": Collection.get_first_root_node().pk,
                "file": SimpleUploadedFile(name, data),
            },
        )

    def add_multiple(self, name: str, data: bytes) -> dict:
        """The drag-and-drop uploader, which most editors use."""
        response = self.client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": SimpleUploadedFile(name, data)},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_too_many_pixels_are_refused_from_the_header(self):
        # 64 megapixels: under Wagtail's own limit, which it checks only after decoding.
        data = many_pixels_png(8000, 8000)
        with mock.patch.object(ImageFile.ImageFile, "load", side_effect=AssertionError):
            response = self.add("board.png", data)
            multiple = self.add_multiple("board.png", data)
        self.assertContains(response, "图片的像素太多（6400 万像素），最多 4000 万像素")
        self.assertFalse(multiple["success"])
        self.assertIn("像素太多", multiple["error_message"])
        self.assertFalse(Image.objects.exists())

    @override_settings(WENMING_MAX_IMAGE_PIXELS=100_000)
    def test_every_frame_counts_and_gif_is_not_taken(self):
        apng = self.add_multiple("moving.png", animation("PNG", (200, 200), 3))
        self.assertIn("像素太多（12 万像素）", apng["error_message"])
        gif = self.add_multiple("moving.gif", animation("GIF", (200, 200), 3))
        self.assertIn("只接受 JPG、PNG 或 WebP", gif["error_message"])
        self.assertFalse(Image.objects.exists())

    def test_a_damaged_image_is_a_form_error(self):
        damaged = noise_jpeg()
        damaged = damaged[: len(damaged) // 2]
        self.assertContains(self.add("damaged.jpg", damaged), "图片已损坏")
        self.assertIn("图片已损坏", self.add_multiple("damaged.jpg", damaged)["error_message"])
        self.assertFalse(Image.objects.exists())

    def test_the_stored_image_has_no_metadata(self):
        self.assertTrue(self.add_multiple("IMG_0001.jpg", phone_photo())["success"])
        image = Image.objects.get()
        with image.open_file() as file:
            stored = PILImage.open(file)
            self.assertEqual(dict(stored.getexif()), {})
            self.assertEqual(stored.size, (20, 40))
        self.assertEqual((image.width, image.height), (20, 40))

    def test_a_replaced_file_is_checked_too(self):
        self.assertTrue(self.add_multiple("photo.png", image_bytes())["success"])
        image = Image.objects.get()
        response = self.client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {
                "title": "照片",
                "collection": image.collection_id,
                "file": SimpleUploadedFile("photo.png", many_pixels_png(8000, 8000)),
            },
        )
        self.assertContains(response, "图片的像素太多")


class StoredImageTests(TestCase):
    """Images stored before uploads were checked: shown as missing, never decoded past the cap."""

    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("root", "root@example.com", "x")

    def setUp(self):
        self.client.force_login(self.admin)
        self.image = Image.objects.create(
            title="旧照片", file=ContentFile(image_bytes((300, 200)), "old.png")
        )

    def assertShownAsMissing(self):
        pages = {
            "index": self.client.get(reverse("wagtailimages:index")).content.decode(),
            "edit": self.client.get(
                reverse("wagtailimages:edit", args=[self.image.pk])
            ).content.decode(),
            "chooser": self.client.get(reverse("wagtailimages_chooser:choose")).json()["html"],
        }
        for name, html in pages.items():
            with self.subTest(name):
                self.assertIn("旧照片", html)
                self.assertIn('src="/media/not-found"', html)
        self.assertFalse(self.image.renditions.exists())

    @override_settings(WENMING_MAX_IMAGE_PIXELS=50_000)
    def test_an_image_over_the_cap_is_not_decoded(self):
        with mock.patch.object(ImageFile.ImageFile, "load", side_effect=AssertionError):
            self.assertShownAsMissing()

    def test_a_damaged_image_does_not_fail_the_listing(self):
        data = noise_jpeg()
        with self.image.file.storage.open(self.image.file.name, "wb") as file:
            file.write(data[: len(data) // 2])
        self.assertShownAsMissing()


class PreviewTests(TestCase):
    """The URL generator's preview (图片 › 编辑 › URL 生成器) with sizes an editor may type."""

    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("root", "root@example.com", "x")
        cls.image = Image.objects.create(
            title="照片", file=ContentFile(image_bytes((300, 200)), "photo.png")
        )

    def preview(self, spec: str, image: Image | None = None):
        image = image or self.image
        return self.client.get(reverse("wagtailimages:preview", args=[image.pk, spec]))

    def test_a_size_of_zero_is_a_bad_request(self):
        # The admin's login comes first, as on Wagtail's own URL.
        response = self.preview("fill-0x0")
        self.assertRedirects(
            response, f"{reverse('wagtailadmin_login')}?next={response.request['PATH_INFO']}"
        )
        self.client.force_login(self.admin)
        for spec in ("fill-0x0", "fill-100x0", "width-0", "max-0x50"):
            with self.subTest(spec):
                response = self.preview(spec)
                self.assertEqual(response.status_code, 400)
                self.assertIn("宽度和高度必须大于 0", response.content.decode())
        response = self.preview("fill-100x50")
        # A real size previews, in WebP as every rendition (WAGTAILIMAGES_FORMAT_CONVERSIONS).
        self.assertEqual((response.status_code, response["Content-Type"]), (200, "image/webp"))
        self.assertEqual(self.preview("fill-abc").status_code, 400)

    def test_an_image_that_cannot_be_read_is_not_found(self):
        self.client.force_login(self.admin)
        emptied = Image.objects.create(title="空", file=ContentFile(image_bytes(), "empty.png"))
        with emptied.file.storage.open(emptied.file.name, "wb") as file:
            file.write(b"")
        self.assertEqual(self.preview("fill-100x50", emptied).status_code, 404)
