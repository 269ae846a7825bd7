"""The 五个一 standing: computed from content, shown as marks and as the office's table."""

import datetime

from django.test import TestCase, override_settings
from django.urls import reverse

from goodpeople.factories import BoardEntryFactory
from goodpeople.models import CommunityPage
from goodpeople.standing import standing_for
from goodpeople.tests.site import build_city, make_image


class StandingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()

    def community(self, page) -> CommunityPage:
        return CommunityPage.objects.get(pk=page.pk)

    def test_each_mark_follows_the_content(self):
        community = self.community(self.city.community_a)
        standing = standing_for(community)
        self.assertTrue(standing.station)
        self.assertTrue(standing.brand_project)
        self.assertTrue(standing.board_fresh)
        self.assertFalse(standing.signage)
        self.assertFalse(standing.volunteer_team)  # the ledger's roster; see test_dashboard
        self.assertEqual(standing.score, 3)

        community.phone = ""
        community.signage_count = 20
        self.assertFalse(standing_for(community).station)
        self.assertFalse(standing_for(community).signage)  # a count without a photo is not enough
        community.signage_photo = make_image("公益广告")
        self.assertTrue(standing_for(community).signage)

    def test_a_board_goes_stale_after_the_configured_days(self):
        community = self.community(self.city.community_a)
        board = community.board()
        board.entries.update(listed_on=datetime.date.today() - datetime.timedelta(days=100))
        self.assertFalse(standing_for(community).board_fresh)
        with override_settings(GOODPEOPLE_BOARD_FRESH_DAYS=120):
            self.assertTrue(standing_for(community).board_fresh)
        BoardEntryFactory(board=board)
        self.assertTrue(standing_for(community).board_fresh)

    def test_an_unpublished_project_does_not_count(self):
        community = self.community(self.city.community_b)
        project = community.brand_projects().get()
        project.unpublish()
        self.assertFalse(standing_for(community).brand_project)

    def test_the_office_sorts_the_table_and_stations_cannot_see_it(self):
        a = self.community(self.city.community_a)
        a.signage_count, a.signage_photo = 5, make_image("标牌")
        a.save_revision().publish()
        url = reverse("goodpeople_standing")
        self.client.force_login(self.city.reviewer)
        html = self.client.get(url, {"order": "-score"}).content.decode()
        self.assertLess(html.index("甘棠社区"), html.index("十里社区"))
        self.assertIn("4/5", html)
        html = self.client.get(url, {"order": "score"}).content.decode()
        self.assertLess(html.index("十里社区"), html.index("甘棠社区"))
        self.client.force_login(self.city.station_a)
        response = self.client.get(url)
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
