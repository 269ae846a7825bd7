"""Residents' nominations in the admin: private photos, and listing one on the station's board."""

import io
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image

from core.tests.images import image_bytes, psd_bytes
from goodpeople.factories import UserFactory
from goodpeople.models import Category, GoodPeopleBoardPage, Nomination
from goodpeople.tests.admin import board_form
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


def list_url(nomination: Nomination) -> str:
    return reverse("goodpeople_nomination_list", args=[nomination.pk])


class ListOnBoardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.board = GoodPeopleBoardPage.objects.child_of(cls.city.community_a).get()
        cls.nomination = nominate(cls.board, "王大爷")

    def draft_entry(self, name: str = "王大爷"):
        draft = GoodPeopleBoardPage.objects.get(pk=self.board.pk).get_latest_revision_as_object()
        return next((e for e in draft.entries.all() if e.name == name), None)

    def assertUnchanged(self, revisions: int):
        self.nomination.refresh_from_db()
        self.assertEqual(self.nomination.status, Nomination.Status.NEW)
        self.assertEqual(self.board.revisions.count(), revisions)
        self.assertIsNone(self.draft_entry())

    def test_a_station_lists_its_nomination_as_a_draft_for_the_office(self):
        self.client.force_login(self.city.station_a)
        button = f'formaction="{list_url(self.nomination)}"'
        self.assertContains(self.client.get(edit_url(self.nomination)), button)
        response = self.client.post(list_url(self.nomination), follow=True)
        self.assertRedirects(response, reverse("wagtailadmin_pages:edit", args=[self.board.pk]))
        self.assertContains(response, "请核对后提交市文明办审核")
        self.assertContains(response, 'value="王大爷"')
        entry = self.draft_entry()
        self.assertEqual((entry.deed, entry.listed_on), ("义务巡逻二十年。", timezone.localdate()))
        self.assertEqual(entry.category, Category.HELPING)
        self.assertIsNotNone(self.draft_entry("甘棠社区好人"))
        board = GoodPeopleBoardPage.objects.get(pk=self.board.pk)
        self.assertEqual(board.latest_revision.user, self.city.station_a)
        self.assertTrue(board.has_unpublished_changes)
        self.assertFalse(board.workflow_in_progress)
        self.assertNotContains(self.client.get(board.url), "王大爷")
        self.nomination.refresh_from_db()
        self.assertEqual(self.nomination.status, Nomination.Status.LISTED)
        self.assertIn("已加入好人榜草稿", self.nomination.note)

    def test_the_draft_goes_to_the_office_when_the_station_submits_it(self):
        self.client.force_login(self.city.station_a)
        self.client.post(list_url(self.nomination))
        draft = GoodPeopleBoardPage.objects.get(pk=self.board.pk).get_latest_revision_as_object()
        post = board_form(draft, **{"action-publish": "1"})
        self.client.post(reverse("wagtailadmin_pages:edit", args=[self.board.pk]), post)
        board = GoodPeopleBoardPage.objects.get(pk=self.board.pk)
        self.assertEqual(board.current_workflow_state.status, "in_progress")
        self.assertIsNotNone(self.draft_entry())
        self.assertNotContains(self.client.get(board.url), "王大爷")

    def test_the_photo_becomes_an_image_in_the_stations_collection(self):
        self.client.force_login(self.city.station_a)
        self.client.post(list_url(self.nomination))
        photo = self.draft_entry().photo
        self.assertEqual(photo.collection, self.city.community_a.station.collection)
        self.assertEqual(photo.title, "王大爷")
        with photo.open_file() as file:
            self.assertEqual(PILImage.open(file).size, PILImage.open(io.BytesIO(PHOTO)).size)

    def test_a_photo_nominated_before_photos_were_checked_is_checked_when_listed(self):
        # The form once took any file Pillow could open; such a photo cannot enter the library.
        for name, data in (("海报", image_bytes(fmt="EPS")), ("设计稿", psd_bytes())):
            with self.subTest(name):
                nomination = nominate(self.board, name, photo=None)
                nomination.photo.save("old.png", ContentFile(data))
                self.client.force_login(self.city.station_a)
                response = self.client.post(list_url(nomination), follow=True)
                self.assertContains(response, "推荐附带的照片无法使用，条目没有照片")
                self.assertIsNone(self.draft_entry(name).photo)
                nomination.refresh_from_db()
                self.assertIn("照片未加入", nomination.note)
        self.assertFalse(Image.objects.filter(title__in=["海报", "设计稿"]).exists())

    def test_another_station_cannot_list_it(self):
        revisions = self.board.revisions.count()
        self.client.force_login(self.city.station_b)
        self.assertEqual(self.client.post(list_url(self.nomination)).status_code, 404)
        self.assertUnchanged(revisions)

    def test_handling_nominations_is_not_enough_without_editing_the_board(self):
        clerks = Group.objects.create(name="市文明办推荐受理")
        clerks.permissions.add(
            *Permission.objects.filter(
                codename__in=[
                    "access_admin",
                    "handle_all_nominations",
                    "view_nomination",
                    "change_nomination",
                ]
            )
        )
        clerk = UserFactory(username="clerk")
        clerk.groups.add(clerks)
        revisions = self.board.revisions.count()
        self.client.force_login(clerk)
        button = f'formaction="{list_url(self.nomination)}"'
        self.assertNotContains(self.client.get(edit_url(self.nomination)), button)
        response = self.client.post(list_url(self.nomination))
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertUnchanged(revisions)

    def test_a_second_click_is_refused(self):
        self.client.force_login(self.city.station_a)
        self.client.post(list_url(self.nomination))
        revisions = self.board.revisions.count()
        response = self.client.post(list_url(self.nomination), follow=True)
        self.assertRedirects(response, edit_url(self.nomination))
        self.assertContains(response, "已经上榜，不再重复加入")
        self.assertNotContains(response, f'formaction="{list_url(self.nomination)}"')
        self.assertEqual(self.board.revisions.count(), revisions)
        draft = GoodPeopleBoardPage.objects.get(pk=self.board.pk).get_latest_revision_as_object()
        self.assertEqual([e.name for e in draft.entries.all()].count("王大爷"), 1)

    def test_a_board_in_moderation_is_refused(self):
        self.board.save_revision(user=self.city.station_a)
        self.board.get_workflow().start(self.board, self.city.station_a)
        revisions = self.board.revisions.count()
        self.client.force_login(self.city.station_a)
        response = self.client.post(list_url(self.nomination), follow=True)
        self.assertRedirects(response, edit_url(self.nomination))
        self.assertContains(response, "正在审核或已被锁定")
        self.assertUnchanged(revisions)

    def test_a_get_or_a_post_without_the_csrf_token_does_nothing(self):
        revisions = self.board.revisions.count()
        self.client.force_login(self.city.station_a)
        self.assertEqual(self.client.get(list_url(self.nomination)).status_code, 405)
        strict = Client(enforce_csrf_checks=True)
        strict.force_login(self.city.station_a)
        self.assertEqual(strict.post(list_url(self.nomination)).status_code, 403)
        self.assertUnchanged(revisions)
