"""Residents' nominations in the admin: private photos, and listing one on the station's board."""

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from goodpeople.models import GoodPeopleBoardPage, Nomination
from goodpeople.tests.site import build_city, png_bytes

PHOTO = png_bytes()


def photo_url(nomination: Nomination) -> str:
    return reverse("goodpeople_nomination_photo", args=[nomination.pk])


def edit_url(nomination: Nomination) -> str:
    return reverse("wagtailsnippets_goodpeople_nomination:edit", args=[nomination.pk])


def nominate(board: GoodPeopleBoardPage, name: str, photo: bytes | None = PHOTO, **fields):
    upload = SimpleUploadedFile(f"{name}.png", photo, "image/png") if photo else None
    return Nomination.objects.create(
        board=board, name=name, deed="义务巡逻二十年。", photo=upload, **fields
    )


class NominationPhotoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.board_a = GoodPeopleBoardPage.objects.child_of(cls.city.community_a).get()
        cls.nomination = nominate(cls.board_a, "王大爷")
        cls.without_photo = nominate(cls.board_a, "李阿姨", photo=None)

    def test_the_photo_is_kept_outside_the_public_media_under_a_random_name(self):
        path = Path(self.nomination.photo.path).resolve()
        self.assertFalse(path.is_relative_to(Path(settings.MEDIA_ROOT).resolve()))
        self.assertTrue(path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve()))
        self.assertEqual(path.read_bytes(), PHOTO)
        self.assertNotIn("王大爷", self.nomination.photo.name)
        self.assertEqual(path.suffix, ".png")

    def test_the_own_station_and_the_office_see_the_photo(self):
        for user in (self.city.station_a, self.city.reviewer):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                response = self.client.get(photo_url(self.nomination))
                self.assertEqual(response.status_code, 200)
                self.assertEqual(b"".join(response.streaming_content), PHOTO)
                self.assertEqual(response["Content-Type"], "image/png")
                self.assertIn("private", response["Cache-Control"])
                self.assertEqual(response["X-Content-Type-Options"], "nosniff")

    def test_another_station_cannot_tell_the_nomination_exists(self):
        self.client.force_login(self.city.station_b)
        self.assertEqual(self.client.get(photo_url(self.nomination)).status_code, 404)

    def test_a_visitor_is_sent_to_the_admin_login(self):
        url = photo_url(self.nomination)
        response = self.client.get(url)
        self.assertRedirects(response, f"{reverse('wagtailadmin_login')}?next={url}")

    def test_a_nomination_without_a_photo_has_none_to_show(self):
        self.client.force_login(self.city.station_a)
        self.assertEqual(self.client.get(photo_url(self.without_photo)).status_code, 404)

    def test_the_station_sees_the_photo_in_the_nomination_editor(self):
        self.client.force_login(self.city.station_a)
        response = self.client.get(edit_url(self.nomination))
        self.assertContains(response, f'src="{photo_url(self.nomination)}"')
        self.assertNotContains(response, self.nomination.photo.name)
        self.assertContains(self.client.get(edit_url(self.without_photo)), "没有照片")
