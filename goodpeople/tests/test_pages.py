"""What residents see on community, board, project, showcase and notice pages."""

import datetime
import io
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core.tests.images import image_bytes, many_pixels_png, phone_photo, psd_bytes
from core.tests.utils import count_queries
from goodpeople.factories import (
    BoardEntryFactory,
    BrandProjectPageFactory,
    BrandShowcasePageFactory,
    CommunityPageFactory,
    NoticePageFactory,
    PairedUnitFactory,
    PairingFactory,
)
from goodpeople.models import (
    BrandProjectPage,
    BrandShowcasePage,
    Category,
    CommunityPage,
    CommunitySectionPage,
    DistrictPage,
    GoodPeopleBoardPage,
    Nomination,
    NoticePage,
    ProjectCategory,
)
from goodpeople.tests.site import build_city, make_image, png_bytes


class TreeRulesTests(WagtailPageTestCase):
    def test_the_city_nests_section_district_community(self):
        # By name: goodpeople does not import the apps above it.
        home_page, channel_page = (
            apps.get_model("home.HomePage"),
            apps.get_model("news.ChannelPage"),
        )
        self.assertAllowedParentPageTypes(CommunitySectionPage, {home_page})
        self.assertAllowedSubpageTypes(CommunitySectionPage, {DistrictPage, BrandShowcasePage})
        self.assertAllowedSubpageTypes(DistrictPage, {CommunityPage})
        self.assertAllowedSubpageTypes(
            CommunityPage, {GoodPeopleBoardPage, BrandProjectPage, NoticePage}
        )
        self.assertAllowedParentPageTypes(NoticePage, {channel_page, CommunityPage})
        self.assertAllowedSubpageTypes(GoodPeopleBoardPage, set())


class CommunityPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.community = cls.city.community_a
        unit = PairedUnitFactory(name="九江市税务局")
        PairingFactory(unit=unit, community=cls.community)
        old = PairedUnitFactory(name="往年帮扶单位")
        PairingFactory(unit=old, community=cls.community, ended_on=datetime.date(2020, 1, 1))
        NoticePageFactory(
            parent=cls.community,
            title="社区好人评选结果公示",
            publicity_start=datetime.date.today(),
            publicity_end=datetime.date.today() + datetime.timedelta(days=7),
        )

    def test_shows_station_units_board_project_notices_and_standing(self):
        html = self.client.get(self.community.url).content.decode()
        self.assertIn("甘棠社区学雷锋志愿服务工作站", html)
        self.assertIn("王秀兰", html)
        self.assertIn("0792-8220000", html)
        self.assertIn("九江市税务局", html)
        self.assertNotIn("往年帮扶单位", html)
        self.assertIn("甘棠社区好人", html)
        self.assertIn("甘棠社区爱心理发", html)
        self.assertIn("社区好人评选结果公示", html)
        self.assertIn("公示中", html)
        self.assertIn('一个品牌项目<span class="visually-hidden">：已达标', html)
        self.assertIn('一个公益氛围<span class="visually-hidden">：未达标', html)
        self.assertIn(f'<a href="/volunteers/{self.community.pk}/">本社区志愿者风采', html)

    def test_news_are_published_pages_elsewhere_that_link_to_it(self):
        link = f'<p>详见<a linktype="page" id="{self.community.pk}">甘棠社区</a>。</p>'
        NoticePageFactory(parent=self.city.community_b, title="十里社区向甘棠社区学习", body=link)
        draft = NoticePageFactory(parent=self.city.community_b, title="未发布的草稿", body=link)
        draft.unpublish()
        html = self.client.get(self.community.url).content.decode()
        self.assertIn("相关新闻", html)
        self.assertIn("十里社区向甘棠社区学习", html)
        self.assertNotIn("未发布的草稿", html)

    def test_query_count_does_not_grow_with_entries_units_and_notices(self):
        board = self.community.board()
        BoardEntryFactory(board=board, photo=make_image("首张照片"))
        self.client.get(self.community.url)  # renditions are created once
        before = count_queries(self.client, self.community.url)
        for n in range(6):
            BoardEntryFactory(board=board, photo=make_image(f"照片{n}"))
            NoticePageFactory(parent=self.community)
            PairingFactory(community=self.community, ended_on=datetime.date(2021, 1, n + 1))
        self.client.get(self.community.url)  # renditions are created once
        self.assertEqual(count_queries(self.client, self.community.url), before)


class BoardPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.board = cls.city.community_a.board()
        cls.board.entries.all().delete()
        for name, category, day in [
            ("张秀英", Category.HELPING, datetime.date(2026, 11, 3)),
            ("李卫东", Category.BRAVE, datetime.date(2026, 11, 18)),
            ("陈桂花", Category.FILIAL, datetime.date(2026, 9, 9)),
        ]:
            BoardEntryFactory(board=cls.board, name=name, category=category, listed_on=day)

    def test_current_month_last_update_and_archive(self):
        html = self.client.get(self.board.url).content.decode()
        self.assertIn("本期好人（2026年11月）", html)
        self.assertIn('最近更新：<time datetime="2026-11-18">', html)
        self.assertIn("张秀英", html)
        self.assertIn("见义勇为", html)
        self.assertNotIn("陈桂花", html)
        self.assertIn("2026年9月（1）", html)
        archive = self.client.get(self.board.url + "archive/2026/9/").content.decode()
        self.assertIn("陈桂花", archive)
        self.assertNotIn("张秀英", archive)
        self.assertEqual(self.client.get(self.board.url + "archive/2026/13/").status_code, 404)

    def test_query_count_does_not_grow_with_entries(self):
        BoardEntryFactory(
            board=self.board, listed_on=datetime.date(2026, 11, 20), photo=make_image("首张")
        )
        self.client.get(self.board.url)
        before = count_queries(self.client, self.board.url)
        for n in range(8):
            BoardEntryFactory(
                board=self.board,
                listed_on=datetime.date(2026, 11, 20),
                photo=make_image(f"好人照片{n}"),
            )
            BoardEntryFactory(board=self.board, listed_on=datetime.date(2025, n + 1, 1))
        self.client.get(self.board.url)
        self.assertEqual(count_queries(self.client, self.board.url), before)

    def nominate(self, **data):
        fields = {"name": "王大爷", "deed": "义务巡逻二十年。", "nominator": "邻居"}
        fields.update(data)
        return self.client.post(reverse("nominate", args=[self.board.pk]), fields)

    def test_a_resident_nominates_someone(self):
        response = self.nominate(photo=SimpleUploadedFile("a.png", png_bytes(), "image/png"))
        self.assertRedirects(response, self.board.url + "?nominated=1#nominate")
        nomination = Nomination.objects.get()
        self.assertEqual((nomination.name, nomination.board_id), ("王大爷", self.board.pk))
        self.assertTrue(nomination.photo.storage.exists(nomination.photo.name))
        self.assertFalse(Path(nomination.photo.path).is_relative_to(settings.MEDIA_ROOT))
        self.assertContains(self.client.get(self.board.url + "?nominated=1"), "感谢推荐")

    def test_name_and_deed_are_required(self):
        response = self.nominate(name="", deed="")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "请填写被推荐人的姓名。")
        self.assertContains(response, "请写下他（她）的事迹。")
        self.assertContains(response, "推荐没有提交")
        self.assertFalse(Nomination.objects.exists())

    def test_a_photo_must_be_a_real_image(self):
        fake = SimpleUploadedFile("photo.jpg", b"not an image at all", "image/jpeg")
        response = self.nominate(photo=fake)
        self.assertContains(response, "无法识别这张图片")
        self.assertContains(response, 'value="王大爷"')
        self.assertFalse(Nomination.objects.exists())

    def test_the_same_nomination_twice_in_a_day_is_kept_once(self):
        self.assertEqual(self.nominate().status_code, 302)
        again = self.nominate(name=" 王大爷", deed="义务巡逻二十年")
        self.assertContains(again, "这条推荐今天已经收到了")
        self.assertEqual(Nomination.objects.count(), 1)
        # A different deed is a different nomination; a day later the same one is welcome.
        self.assertEqual(self.nominate(deed="冬天给环卫工人送热水。").status_code, 302)
        Nomination.objects.update(submitted_at=timezone.now() - datetime.timedelta(days=2))
        self.assertEqual(self.nominate().status_code, 302)
        self.assertEqual(Nomination.objects.count(), 3)

    def test_a_script_filling_the_hidden_field_is_refused(self):
        page = self.client.get(self.board.url)
        self.assertContains(page, 'class="gp-trap" aria-hidden="true"')
        response = self.nominate(homepage="http://spam.example/")
        self.assertContains(response, "“主页”一栏请留空")
        self.assertFalse(Nomination.objects.exists())

    @override_settings(GOODPEOPLE_NOMINATION_PHOTO_MAX_BYTES=1000)
    def test_a_photo_must_be_small_enough(self):
        big = SimpleUploadedFile("big.png", png_bytes(size=(400, 400)), "image/png")
        response = self.nominate(photo=big)
        self.assertContains(response, "照片太大")
        self.assertFalse(Nomination.objects.exists())

    def test_a_small_photo_of_too_many_pixels_is_refused(self):
        # 144 megapixels in a few kilobytes: listed, each admin page showing it would decode it.
        bomb = SimpleUploadedFile("a.png", many_pixels_png(12000, 12000), "image/png")
        response = self.nominate(photo=bomb)
        self.assertContains(response, "图片的像素太多（14400 万像素），最多 4000 万像素")
        self.assertContains(response, 'value="王大爷"')
        self.assertFalse(Nomination.objects.exists())

    def test_only_jpeg_png_and_webp_photos_are_accepted(self):
        for name, data in [
            ("scan.jpg", image_bytes(fmt="TIFF")),
            ("design.png", psd_bytes()),
            ("poster.jpg", image_bytes(fmt="EPS")),
            ("moving.gif", image_bytes(fmt="GIF")),
        ]:
            with self.subTest(name):
                response = self.nominate(photo=SimpleUploadedFile(name, data, "image/jpeg"))
                self.assertContains(response, "只接受 JPG、PNG 或 WebP 格式的图片")
        response = self.nominate(
            photo=SimpleUploadedFile("photo.jpg", image_bytes(fmt="PNG"), "image/jpeg")
        )
        self.assertContains(response, "与图片的实际格式（PNG）不符")
        self.assertFalse(Nomination.objects.exists())
        webp = SimpleUploadedFile("photo.webp", image_bytes(fmt="WEBP"), "image/webp")
        self.assertEqual(self.nominate(photo=webp).status_code, 302)

    def test_the_stored_photo_keeps_only_its_pixels(self):
        upload = phone_photo() + b"<?php system($_GET['c']); ?>"
        self.nominate(photo=SimpleUploadedFile("IMG_0001.jpg", upload, "image/jpeg"))
        with Nomination.objects.get().photo.open("rb") as file:
            data = file.read()
        photo = PILImage.open(io.BytesIO(data))
        self.assertEqual(dict(photo.getexif()), {}, "no GPS position, no camera")
        self.assertNotIn(b"<?php", data)
        self.assertNotIn(b"home address", data)
        self.assertEqual(photo.size, (20, 40), "turned upright as the phone showed it")


class ProjectAndShowcaseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.showcase = BrandShowcasePageFactory(parent=cls.city.section)
        cls.project_b = BrandProjectPage.objects.child_of(cls.city.community_b).get()
        cls.project_b.category = ProjectCategory.ENVIRONMENT
        cls.project_b.save_revision().publish()

    def test_project_page_shows_need_and_community(self):
        project = BrandProjectPage.objects.child_of(self.city.community_a).get()
        html = self.client.get(project.url).content.decode()
        self.assertIn("需求调查显示", html)
        self.assertIn("甘棠社区", html)
        self.assertIn("助老助残", html)

    def test_showcase_filters_by_district_and_category(self):
        html = self.client.get(self.showcase.url).content.decode()
        self.assertIn("甘棠社区爱心理发", html)
        self.assertIn("十里社区爱心理发", html)
        lianxi = DistrictPage.objects.get(title="濂溪区")
        html = self.client.get(self.showcase.url, {"district": lianxi.pk}).content.decode()
        self.assertNotIn("甘棠社区爱心理发", html)
        self.assertIn("濂溪区 · 十里社区 · 环境保护", html)
        html = self.client.get(self.showcase.url, {"category": "elderly"}).content.decode()
        self.assertIn("甘棠社区爱心理发", html)
        self.assertNotIn("十里社区爱心理发", html)
        html = self.client.get(self.showcase.url, {"category": "nonsense"}).content.decode()
        self.assertIn("十里社区爱心理发", html)

    def test_showcase_query_count_does_not_grow_with_projects(self):
        district = DistrictPage.objects.get(title="浔阳区")
        BrandProjectPageFactory(
            parent=CommunityPageFactory(parent=district), cover=make_image("首图")
        )
        self.client.get(self.showcase.url)
        before = count_queries(self.client, self.showcase.url)
        for n in range(5):
            community = CommunityPageFactory(parent=district)
            BrandProjectPageFactory(parent=community, cover=make_image(f"封面{n}"))
        self.client.get(self.showcase.url)
        self.assertEqual(count_queries(self.client, self.showcase.url), before)

    def test_project_query_count_does_not_grow_with_photos(self):
        project = BrandProjectPage.objects.child_of(self.city.community_a).get()
        project.photos.create(image=make_image("首张活动照片"))
        self.client.get(project.url)
        before = count_queries(self.client, project.url)
        for n in range(5):
            project.photos.create(image=make_image(f"活动照片{n}"), caption=f"第{n}次活动")
        self.client.get(project.url)
        self.assertEqual(count_queries(self.client, project.url), before)


class NoticeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()

    def test_window_status_and_stays_readable_after_it_ends(self):
        today = datetime.date.today()
        ended = NoticePageFactory(
            parent=self.city.community_a,
            title="已结束的公示",
            publicity_start=today - datetime.timedelta(days=20),
            publicity_end=today - datetime.timedelta(days=13),
        )
        response = self.client.get(ended.url)
        self.assertContains(response, "已结束")
        self.assertTrue(Page.objects.get(pk=ended.pk).live)
        self.assertEqual(ended.publicity_status(today - datetime.timedelta(days=15)), "open")
        self.assertEqual(ended.publicity_status(today - datetime.timedelta(days=30)), "upcoming")

    def test_a_window_ending_before_it_starts_is_a_form_error(self):
        self.client.force_login(self.city.editor)
        url = reverse(
            "wagtailadmin_pages:add",
            args=["goodpeople", "noticepage", self.city.community_a.pk],
        )
        data = nested_form_data(
            {
                "title": "时间颠倒的公示",
                "slug": "reversed",
                "date": "2026-11-20",
                "publicity_start": "2026-11-20",
                "publicity_end": "2026-11-10",
                "body": rich_text("<p>正文</p>"),
                "attachments": inline_formset([]),
                "action-publish": "publish",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "公示结束日期不能早于开始日期。")
        self.assertFalse(NoticePage.objects.filter(slug="reversed").exists())


class StationCreationTests(TestCase):
    def test_creating_a_community_creates_its_station_group_and_collection(self):
        city = build_city()
        station = city.community_a.station
        self.assertEqual(station.group.name, "浔阳区甘棠社区工作站")
        self.assertEqual(station.collection.name, "甘棠社区")
        perms = set(station.group.page_permissions.values_list("permission__codename", flat=True))
        self.assertEqual(perms, {"add_page", "change_page"})
