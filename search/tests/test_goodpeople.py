import datetime

from django.test import TestCase

from goodpeople.factories import (
    BoardEntryFactory,
    BrandProjectPageFactory,
    CommunityPageFactory,
    CommunitySectionPageFactory,
    DistrictPageFactory,
    GoodPeopleBoardPageFactory,
    NoticePageFactory,
    PairingFactory,
)
from home.factories import make_site_home
from volunteers.factories import VolunteerFactory

# A 公示 whose window has ended, whatever today is.
PUBLICITY_START = datetime.date.today() - datetime.timedelta(days=30)
PUBLICITY_END = PUBLICITY_START + datetime.timedelta(days=6)


class CommunityContentTests(TestCase):
    """Communities, boards, brand projects and notices in the site search and the API."""

    @classmethod
    def setUpTestData(cls):
        home = make_site_home()
        section = CommunitySectionPageFactory(parent=home)
        cls.district = DistrictPageFactory(parent=section, title="浔阳区", slug="xunyang")
        cls.other_district = DistrictPageFactory(parent=section, title="濂溪区", slug="lianxi")
        cls.community = CommunityPageFactory(
            parent=cls.district, title="湓浦社区", slug="penpu", intro="湓浦社区位于老城区"
        )
        cls.other = CommunityPageFactory(parent=cls.other_district, title="十里社区", slug="shili")
        cls.board = GoodPeopleBoardPageFactory(parent=cls.community)
        BoardEntryFactory(board=cls.board, name="张秀英", deed="退休教师义务辅导孩子功课十年")
        # Stations add entries in the page editor, and publishing re-indexes the board.
        cls.board.save_revision().publish()
        cls.project = BrandProjectPageFactory(
            parent=cls.community, title="银龄上门理发", slug="lifa", summary="为独居老人上门理发"
        )
        cls.notice = NoticePageFactory(
            parent=cls.community,
            title="湓浦社区文明家庭拟推荐名单公示",
            slug="gongshi",
            date=PUBLICITY_START,
            publicity_start=PUBLICITY_START,
            publicity_end=PUBLICITY_END,
        )
        PairingFactory(community=cls.community, unit__name="九江市税务局", role="每月走访")

    def search_titles(self, **params) -> list[str]:
        response = self.client.get("/search/", params)
        self.assertEqual(response.status_code, 200)
        return [hit.page.title for hit in response.context["hits"]]

    def api(self, path: str, **params) -> dict:
        response = self.client.get(f"/api/v2/{path}", params)
        self.assertEqual(response.status_code, 200, response.content[:300])
        return response.json()

    def test_search_finds_board_entries_projects_and_notices_with_their_community(self):
        self.assertEqual(self.search_titles(q="张秀英"), ["身边好人榜"])
        board_hit = self.client.get("/search/", {"q": "张秀英"})
        self.assertContains(board_hit, "<mark>张秀英</mark>")
        # Every board is titled 身边好人榜: its hit is titled with its community first.
        self.assertContains(board_hit, ">湓浦社区·身边好人榜</a>")
        self.assertEqual(self.search_titles(q="上门理发"), ["银龄上门理发"])
        response = self.client.get("/search/", {"q": "文明家庭"})
        self.assertContains(response, "湓浦社区文明家庭拟推荐名单公示")
        self.assertContains(response, '<a href="/shequ/xunyang/penpu/">湓浦社区</a>', html=True)

    def test_search_filters_by_type_district_and_community(self):
        self.assertEqual(
            set(self.search_titles(q="社区", type="community")), {"湓浦社区", "十里社区"}
        )
        self.assertEqual(
            self.search_titles(q="社区", district=self.other_district.pk), ["十里社区"]
        )
        titles = self.search_titles(q="湓浦", community=self.community.pk)
        self.assertEqual(titles, ["湓浦社区文明家庭拟推荐名单公示"])

    def test_the_community_filter_lists_communities_under_their_district(self):
        response = self.client.get("/search/", {"q": "湓浦", "community": self.community.pk})
        chosen = f'<option value="{self.community.pk}" selected>湓浦社区</option>'
        other = f'<option value="{self.other.pk}">十里社区</option>'
        self.assertContains(response, f'<optgroup label="浔阳区">{chosen}</optgroup>', html=True)
        self.assertContains(response, f'<optgroup label="濂溪区">{other}</optgroup>', html=True)
        self.assertContains(response, '<option value="">全部社区</option>', html=True)

    def test_api_community_has_station_pairings_and_five_ones(self):
        data = self.api(f"pages/{self.community.pk}/")
        self.assertEqual(data["station_sign"], "湓浦社区学雷锋志愿服务工作站")
        self.assertEqual(data["phone"], "0792-8220000")
        self.assertEqual(data["pairings"][0]["unit"], "九江市税务局")
        self.assertEqual(data["pairings"][0]["level_label"], "全国文明单位")
        marks = {mark["key"]: mark["ok"] for mark in data["five_ones"]["marks"]}
        self.assertTrue(marks["station"])
        self.assertTrue(marks["brand_project"])
        self.assertFalse(marks["volunteer_team"])
        self.assertEqual(data["volunteer_team_size"], 0)

    def test_api_team_size_is_the_ledgers_roster_without_names(self):
        VolunteerFactory(station=self.community.station, name="李桂芳")
        VolunteerFactory(station=self.community.station, name="陈建国")
        VolunteerFactory(station=self.other.station)
        response = self.client.get(f"/api/v2/pages/{self.community.pk}/")
        self.assertEqual(response.json()["volunteer_team_size"], 2)
        self.assertNotContains(response, "李桂芳")

    def test_api_board_entries_project_notice_and_district(self):
        board = self.api(f"pages/{self.board.pk}/")
        self.assertEqual(board["entries"][0]["name"], "张秀英")
        self.assertIn("辅导孩子功课", board["entries"][0]["deed"])
        project = self.api(f"pages/{self.project.pk}/")
        self.assertEqual(project["summary"], "为独居老人上门理发")
        notice = self.api(f"pages/{self.notice.pk}/")
        self.assertEqual(notice["publicity_end"], PUBLICITY_END.isoformat())
        self.assertEqual(notice["publicity_status"], "ended")
        self.assertEqual(self.api(f"pages/{self.district.pk}/")["kind"], "district")

    def test_api_filters_by_district_and_community(self):
        items = self.api("pages/", community=self.community.pk)["items"]
        self.assertEqual(
            {item["title"] for item in items},
            {"身边好人榜", "银龄上门理发", "湓浦社区文明家庭拟推荐名单公示"},
        )
        items = self.api("pages/", district=self.other_district.pk)["items"]
        self.assertEqual([item["title"] for item in items], ["十里社区"])
        response = self.client.get("/api/v2/pages/", {"community": self.district.pk})
        self.assertEqual(response.status_code, 400)
