"""The API's listings cost the same number of queries for 5 pages as for 20."""

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from goodpeople.factories import (
    BoardEntryFactory,
    BrandProjectPageFactory,
    CommunityPageFactory,
    GoodPeopleBoardPageFactory,
    PairingFactory,
)
from goodpeople.tests.site import build_city, make_image
from home.tests.site import build_site, picture
from news.factories import ArticlePageFactory
from news.models import ChannelPage


@override_settings(WENMING_PAGE_CACHE_SECONDS=0)
class ListingQueryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        channel = ChannelPage.objects.get(slug="toutiao")
        for n in range(20):
            article = ArticlePageFactory(
                parent=channel, title=f"新闻{n}", slug=f"xinwen-{n}", lead_image=picture(n)
            )
            article.tags.add("志愿服务", f"标签{n}")
        city = build_city()
        district = city.community_a.get_parent()
        for n in range(20):
            community = CommunityPageFactory(
                parent=district, title=f"社区{n}", slug=f"c{n}", signage_photo=make_image(f"牌{n}")
            )
            board = GoodPeopleBoardPageFactory(parent=community)
            BoardEntryFactory(board=board, name=f"好人{n}")
            BrandProjectPageFactory(parent=community, title=f"项目{n}")
            PairingFactory(community=community)

    def queries(self, url: str) -> int:
        self.client.get(url)  # renditions and caches made once
        with CaptureQueriesContext(connection) as ctx:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, response.content[:300])
        return len(ctx)

    def test_listings_cost_the_same_for_more_pages(self):
        for listing in (
            "/api/v2/pages/?type=news.ArticlePage",
            "/api/v2/pages/?type=goodpeople.CommunityPage",
            "/api/v2/pages/?order=-date",
        ):
            with self.subTest(listing=listing):
                five = self.queries(f"{listing}&fields=*&limit=5")
                twenty = self.queries(f"{listing}&fields=*&limit=20")
                self.assertEqual(twenty, five)
