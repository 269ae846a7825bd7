"""What is stored of an uploaded image: checked from its header, then only its pixels."""

import io
from unittest import mock

from django.test import SimpleTestCase, override_settings
from PIL import Image, ImageFile
from PIL.PngImagePlugin import PngInfo

from core.tests.images import animation, image_bytes, many_pixels_png, phone_photo, psd_bytes
from core.uploads import ImageRefused, clean_image


def stored(data: bytes, name: str) -> bytes:
    return clean_image(io.BytesIO(data), name).read()


class CleanImageTests(SimpleTestCase):
    def refusal(self, data: bytes, name: str) -> ImageRefused:
        with self.assertRaises(ImageRefused) as raised:
            clean_image(io.BytesIO(data), name)
        return raised.exception

    def test_a_small_file_of_many_pixels_is_refused_without_decoding_it(self):
        data = many_pixels_png(12000, 12000)
        self.assertLess(len(data), 50_000)
        with mock.patch.object(ImageFile.ImageFile, "load", side_effect=AssertionError):
            refusal = self.refusal(data, "board.png")
        self.assertEqual(refusal.code, "too_many_pixels")
        self.assertIn("14400 万像素", str(refusal))
        self.assertIn("最多 4000 万像素", str(refusal))

    @override_settings(WENMING_MAX_IMAGE_PIXELS=100_000)
    def test_every_frame_of_an_animation_counts(self):
        self.assertEqual(stored(animation("PNG", (200, 200), 2), "a.png")[:4], b"\x89PNG")
        for fmt, name in (("PNG", "a.png"), ("WEBP", "a.webp")):
            with self.subTest(fmt):
                refusal = self.refusal(animation(fmt, (200, 200), 3), name)
                self.assertEqual(refusal.code, "too_many_pixels")

    def test_only_jpeg_png_and_webp_are_accepted(self):
        for fmt in ("JPEG", "PNG", "WEBP"):
            with self.subTest(fmt):
                data = stored(image_bytes(fmt=fmt), f"photo.{fmt.lower()}")
                self.assertEqual(Image.open(io.BytesIO(data)).format, fmt)
        others = {
            "TIFF": image_bytes(fmt="TIFF"),
            "GIF": image_bytes(fmt="GIF"),
            "EPS": image_bytes(fmt="EPS"),
            "PSD": psd_bytes(),
        }
        for fmt, data in others.items():
            with self.subTest(fmt):
                self.assertIn("只接受 JPG、PNG 或 WebP", str(self.refusal(data, "photo.jpg")))

    def test_the_name_must_say_the_format_it_holds(self):
        refusal = self.refusal(image_bytes(fmt="PNG"), "photo.jpg")
        self.assertIn("文件名（.jpg）与图片的实际格式（PNG）不符", str(refusal))
        self.assertTrue(stored(image_bytes(fmt="JPEG"), "photo.JPEG"))

    def test_a_damaged_image_is_refused(self):
        buffer = io.BytesIO()
        Image.effect_noise((300, 300), 64).save(buffer, "JPEG")
        damaged = buffer.getvalue()[: len(buffer.getvalue()) // 2]
        self.assertEqual(self.refusal(damaged, "photo.jpg").code, "broken_image")

    def test_metadata_is_stripped_and_the_photo_stays_upright(self):
        original = Image.open(io.BytesIO(phone_photo()))
        self.assertIn(0x8825, original.getexif())
        self.assertIn(b"GPSLatitude", phone_photo())
        data = stored(phone_photo(), "photo.jpg")
        photo = Image.open(io.BytesIO(data))
        self.assertEqual(dict(photo.getexif()), {})
        self.assertNotIn(b"GPSLatitude", data)
        self.assertNotIn(b"home address", data)
        self.assertEqual(photo.size, (20, 40))

    def test_png_text_and_anything_after_the_image_are_dropped(self):
        text = PngInfo()
        text.add_text("Location", "29.70N 116.00E")
        polyglot = image_bytes(fmt="PNG", pnginfo=text) + b"<script>alert(1)</script>"
        data = stored(polyglot, "photo.png")
        self.assertNotIn(b"29.70N", data)
        self.assertNotIn(b"<script>", data)
        self.assertEqual(Image.open(io.BytesIO(data)).info, {})
