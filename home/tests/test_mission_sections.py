"""The home page's 身边好人, 品牌项目, 志愿者风采 and 公益广告, seen by residents and the office."""

import datetime

from django.contrib.auth.models import User
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from core.tests.utils import count_queries, log_in
from goodpeople.factories import (
    BoardEntryFactory,
    BrandProjectPageFactory,
    BrandShowcasePageFactory,
    CommunityPageFactory,
    GoodPeopleBoardPageFactory,
)
from goodpeople.models import DistrictPage, GoodPeopleBoardPage
from goodpeople.tests.site import build_city
from home.models import HomePage
from home.tests.site import build_site, picture
from volunteers.factories import VolunteerFactory, give_hours

QUERY_BUDGET = 12


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def home_page() -> HomePage:
    return HomePage.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)


@override_settings(WENMING_PAGE_CACHE_SECONDS=0)
class MissionSectionsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        city = build_city()
        cls.section = city.section
        cls.showcase = BrandShowcasePageFactory(parent=city.section, title="品牌项目展示")
        home = home_page()
        home.community_section = city.section
        home.save()
        district = DistrictPage.objects.get(slug="xunyang")

        cls.board = GoodPeopleBoardPage.objects.child_of(city.community_a).get()
        BoardEntryFactory(board=cls.board, name="陈新近", photo=picture(1), listed_on=days_ago(1))
        BoardEntryFactory(board=cls.board, name="刘较早", photo=picture(2), listed_on=days_ago(40))
        BoardEntryFactory(board=cls.board, name="周无照", listed_on=timezone.localdate())
        cls.project = BrandProjectPageFactory(
            parent=CommunityPageFactory(parent=district, title="白水湖社区", slug="baishuihu"),
            title="白水湖邻里守望",
            cover=picture(3),
        )

        draft = CommunityPageFactory(parent=district, title="筹建社区", slug="choujian")
        GoodPeopleBoardPageFactory(parent=draft, live=False)
        draft_board = GoodPeopleBoardPage.objects.child_of(draft).get()
        BoardEntryFactory(board=draft_board, name="草稿好人", photo=picture(4))
        BrandProjectPageFactory(parent=draft, title="草稿项目", cover=picture(4), live=False)

        private = CommunityPageFactory(parent=district, title="内部社区", slug="neibu")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        private_board = GoodPeopleBoardPageFactory(parent=private)
        BoardEntryFactory(board=private_board, name="私密好人", photo=picture(0))
        BrandProjectPageFactory(parent=private, title="私密项目", cover=picture(0))
        give_hours(VolunteerFactory(station=private.station, name="赵私密"), 500)

        station = city.community_a.station
        give_hours(VolunteerFactory(station=station, name="张志强", mask_public_name=False), 30)
        give_hours(VolunteerFactory(station=station, name="王秀兰", mask_public_name=True), 20)
        give_hours(
            VolunteerFactory(
                station=station, name="李不公开", public_consent=False, mask_public_name=False
            ),
            400,
        )

    def home_html(self) -> str:
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_good_people_shows_the_newest_with_photos_and_links_to_the_boards(self):
        html = self.home_html()
        self.assertIn("身边好人", html)
        self.assertLess(html.index("陈新近"), html.index("刘较早"))
        self.assertNotIn("周无照", html)
        self.assertIn(f'href="{self.board.url}"', html)
        self.assertIn(f'href="{self.section.url}">各社区身边好人榜', html)
        self.assertIn("甘棠社区 · ", html)

    def test_brand_projects_show_covers_and_link_to_the_showcase(self):
        response = self.client.get("/")
        self.assertContains(response, "白水湖邻里守望")
        self.assertContains(response, "白水湖社区 · 助老助残")
        self.assertContains(response, f'href="{self.showcase.url}">全部品牌项目')
        # The projects of build_city have no cover: a card without a picture is not shown.
        self.assertNotContains(response, "甘棠社区爱心理发")

    def test_top_volunteers_are_those_who_consented_most_hours_first(self):
        html = self.home_html()
        self.assertLess(html.index("张志强"), html.index("王**"))
        self.assertNotIn("王秀兰", html)
        self.assertNotIn("李不公开", html)
        self.assertIn("30.0 小时", html)
        self.assertIn(f'href="{reverse("honour_roll")}">更多志愿者风采', html)

    def test_drafts_and_private_sections_show_nothing(self):
        html = self.home_html()
        for hidden in ["草稿好人", "草稿项目", "私密好人", "私密项目", "赵私密"]:
            with self.subTest(hidden=hidden):
                self.assertNotIn(hidden, html)

    def test_the_office_sets_how_many_and_turns_sections_off(self):
        home = home_page()
        home.good_people_count = 1
        home.volunteer_count = 1
        home.save()
        html = self.home_html()
        self.assertIn("陈新近", html)
        self.assertNotIn("刘较早", html)
        self.assertIn("张志强", html)
        self.assertNotIn("王**", html)

        home.good_people_count = home.brand_project_count = home.volunteer_count = 0
        home.save()
        html = self.home_html()
        for gone in ["good-people-title", "brand-projects-title", "top-volunteers-title"]:
            with self.subTest(section=gone):
                self.assertNotIn(gone, html)
        self.assertNotIn("陈新近", html)

    def test_the_banner_shows_only_when_set_with_its_link_and_alt_text(self):
        self.assertNotIn('aria-label="公益广告"', self.home_html())
        home = home_page()
        home.banner_image = picture(4)
        home.banner_alt = "文明健康 有你有我"
        home.banner_link = "/shequ/"
        home.save()
        html = self.home_html()
        self.assertIn('aria-label="公益广告"', html)
        self.assertIn('<a href="/shequ/"><img', html)
        self.assertIn('alt="文明健康 有你有我"', html)

    def test_sections_cost_the_same_queries_however_many_items(self):
        home = home_page()
        home.banner_image = picture(4)
        home.banner_alt = "公益广告"
        home.save()
        before = count_queries(self.client, "/")
        self.assertLessEqual(before, QUERY_BUDGET)
        station = Page.objects.get(slug="gantang").specific.station
        for n in range(6):
            BoardEntryFactory(board=self.board, name=f"新增好人{n}", photo=picture(n))
            give_hours(VolunteerFactory(station=station, name=f"新增志愿者{n}"), 10 + n)
        for n, slug in enumerate(["a", "b", "c"]):
            community = CommunityPageFactory(
                parent=DistrictPage.objects.get(slug="lianxi"), slug=f"added-{slug}"
            )
            BrandProjectPageFactory(parent=community, title=f"新增项目{n}", cover=picture(n))
        self.assertContains(self.client.get("/"), "新增项目2")
        self.assertEqual(count_queries(self.client, "/"), before)

    def test_the_community_section_links_to_the_brand_showcase(self):
        response = self.client.get(self.section.url)
        self.assertContains(response, f'href="{self.showcase.url}">品牌项目展示')


@override_settings(WENMING_PAGE_CACHE_SECONDS=0)
class EmptyMissionSectionsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()

    def test_a_new_site_says_there_is_nothing_yet(self):
        response = self.client.get("/")
        self.assertContains(response, "暂无上榜好人")
        self.assertContains(response, "暂无品牌项目")
        self.assertContains(response, "暂无公开展示的志愿者")
        self.assertNotContains(response, 'aria-label="公益广告"')


class BannerAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        User.objects.create_superuser("office", "office@example.com", "pw")

    def edit(self, **changes):
        home = home_page()
        data = {
            "title": home.title,
            "slug": home.slug,
            "intro": home.intro,
            "headline_channel": home.headline_channel_id,
            "notice_channel": home.notice_channel_id,
            "community_section": "",
            "good_people_count": 6,
            "brand_project_count": 4,
            "volunteer_count": 5,
            "banner_image": "",
            "banner_alt": "",
            "banner_link": "",
        } | changes
        self.assertTrue(log_in(self.client, "office", "pw"))
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)

    def test_the_office_edits_the_sections_in_chinese(self):
        self.assertTrue(log_in(self.client, "office", "pw"))
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[home_page().pk]))
        for label in ["身边好人人数", "品牌项目个数", "志愿者风采人数", "公益广告图片", "图片说明"]:
            with self.subTest(label=label):
                self.assertContains(response, label)

    def test_a_banner_without_alt_text_or_with_a_bad_link_is_refused_in_chinese(self):
        response = self.edit(banner_image=picture(1).pk, banner_link="javascript:alert(1)")
        self.assertContains(response, "选了公益广告图片，请填写图片说明。")
        self.assertContains(response, "请填写以 / 开头的站内地址或 http(s) 网址。")
        self.assertEqual(home_page().banner_image_id, None)

    def test_a_banner_with_alt_text_and_link_is_saved(self):
        image = picture(1)
        response = self.edit(banner_image=image.pk, banner_alt="文明出行", banner_link="/shequ/")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(home_page().get_latest_revision_as_object().banner_image_id, image.pk)
        self.assertContains(self.client.get("/"), 'aria-label="公益广告"', count=0)
