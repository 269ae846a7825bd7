import datetime

import wagtail_factories
from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from wagtail.models import PageViewRestriction

from goodpeople.factories import NoticePageFactory
from goodpeople.models import NoticeAttachment
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory, TopicPageFactory
from news.models import ArticleStats


def paragraph(text: str) -> list:
    return [("paragraph", f"<p>{text}</p>")]


class APITestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_home()
        cls.news = ChannelPageFactory(parent=cls.home, title="动态要闻", slug="news")
        cls.practice = ChannelPageFactory(parent=cls.home, title="文明实践", slug="practice")
        cls.image = wagtail_factories.ImageFactory(title="挂牌现场")
        cls.zhidu = ArticlePageFactory(
            parent=cls.news,
            title="九江市社区志愿服务制度化落地有声",
            subtitle="213个社区全部挂牌",
            date=datetime.date(2014, 11, 7),
            source="九江日报",
            author="记者 李明",
            lead_image=cls.image,
            body=paragraph("全市各社区学雷锋志愿服务站全部挂牌。"),
        )
        cls.zhidu.tags.add("志愿服务")
        cls.zhidu.save_revision().publish()
        ArticleStats.objects.create(article=cls.zhidu, views=120, likes=7)
        cls.balihu = ArticlePageFactory(
            parent=cls.practice,
            title="八里湖社区开展邻里守望活动",
            date=datetime.date(2024, 3, 1),
            body=paragraph("志愿者走访空巢老人。"),
        )
        cls.topic = TopicPageFactory(parent=cls.home, title="学雷锋专题", intro="学雷锋志愿服务")

    def get(self, path: str, **params):
        return self.client.get(f"/api/v2/{path}", params)

    def ok(self, path: str, **params) -> dict:
        response = self.get(path, **params)
        self.assertEqual(response.status_code, 200, response.content[:300])
        return response.json()

    def titles(self, **params) -> list[str]:
        return [item["title"] for item in self.ok("pages/", **params)["items"]]


class PageFieldsTests(APITestCase):
    def test_an_article_exposes_its_meaningful_fields(self):
        data = self.ok(f"pages/{self.zhidu.pk}/")
        self.assertEqual(data["meta"]["type"], "news.ArticlePage")
        self.assertEqual(data["date"], "2014-11-07")
        self.assertEqual(data["source"], "九江日报")
        self.assertEqual(data["author"], "记者 李明")
        self.assertEqual(data["subtitle"], "213个社区全部挂牌")
        self.assertEqual(data["tags"], ["志愿服务"])
        self.assertEqual(data["channel"], {"id": self.news.pk, "title": "动态要闻"})
        self.assertEqual(data["body"][0]["type"], "paragraph")
        self.assertIn("全市各社区学雷锋志愿服务站全部挂牌", data["body_html"])
        self.assertEqual(data["lead_image"]["id"], self.image.pk)
        self.assertIn("fill-400x300", data["lead_image_thumbnail"]["url"])
        self.assertIn("url", data["lead_image_large"])
        self.assertEqual((data["view_count"], data["like_count"]), (120, 7))

    def test_an_article_without_a_lead_image_gives_nulls(self):
        data = self.ok(f"pages/{self.balihu.pk}/")
        self.assertIsNone(data["lead_image"])
        self.assertIsNone(data["lead_image_thumbnail"])

    def test_topics_and_channels_expose_their_fields(self):
        topic = self.ok(f"pages/{self.topic.pk}/")
        self.assertEqual(topic["intro"], "学雷锋志愿服务")
        self.assertIsNone(topic["tag"])
        self.assertIn("intro", self.ok(f"pages/{self.news.pk}/"))

    def test_listing_can_ask_for_fields_of_a_type(self):
        items = self.ok("pages/", type="news.ArticlePage", fields="date,source,view_count")["items"]
        self.assertEqual({item["source"] for item in items}, {"九江日报", "九江文明网"})

    def test_images_and_documents_endpoints_answer(self):
        self.assertEqual(self.ok("images/")["items"][0]["title"], "挂牌现场")
        self.assertEqual(self.ok("documents/")["meta"]["total_count"], 0)


class PageFilterTests(APITestCase):
    def test_by_type(self):
        self.assertEqual(self.titles(type="news.TopicPage"), ["学雷锋专题"])

    def test_by_channel(self):
        self.assertEqual(self.titles(channel=self.practice.pk), ["八里湖社区开展邻里守望活动"])

    def test_by_tag(self):
        self.assertEqual(self.titles(tag="志愿服务"), ["九江市社区志愿服务制度化落地有声"])
        self.assertEqual(self.titles(tag="没有这个标签"), [])

    def test_by_date_range(self):
        titles = self.titles(type="news.ArticlePage", date_from="2020-01-01", date_to="2024-12-31")
        self.assertEqual(titles, ["八里湖社区开展邻里守望活动"])

    def test_ordering_by_date_across_types_and_within_one(self):
        titles = self.titles(type="news.ArticlePage", order="-date")
        self.assertEqual(titles, ["八里湖社区开展邻里守望活动", "九江市社区志愿服务制度化落地有声"])
        titles = self.titles(channel=self.news.pk, order="date")
        self.assertEqual(titles, ["九江市社区志愿服务制度化落地有声"])

    def test_search_is_the_sites_chinese_search(self):
        for query in ["志愿服务", "志願服務"]:
            titles = self.titles(search=query, type="news.ArticlePage")
            self.assertEqual(titles, [self.zhidu.title], query)
        self.assertEqual(self.titles(search="八里湖社区"), [self.balihu.title])
        titles = self.titles(search="学雷锋")
        self.assertEqual(titles, ["学雷锋专题", self.zhidu.title])

    def test_search_combines_with_filters_and_order(self):
        self.assertEqual(self.titles(search="志愿", channel=self.practice.pk), [self.balihu.title])
        titles = self.titles(search="志愿", type="news.ArticlePage", order="date")
        self.assertEqual(titles, [self.zhidu.title, self.balihu.title])


class NothingLeaksTests(APITestCase):
    def test_drafts_private_pages_and_unpublished_revisions_never_appear(self):
        ArticlePageFactory(parent=self.news, title="草稿稿件", live=False)
        private = ArticlePageFactory(parent=self.news, title="内部通报")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        self.balihu.title = "尚未审核的秘密标题"
        self.balihu.save_revision()
        titles = self.titles(limit=50)
        for hidden in ["草稿稿件", "内部通报", "尚未审核的秘密标题"]:
            self.assertNotIn(hidden, titles)
            self.assertEqual(self.titles(search=hidden), [])
        self.assertEqual(self.get(f"pages/{private.pk}/").status_code, 404)
        self.assertNotIn("秘密", self.get(f"pages/{self.balihu.pk}/").content.decode())

    def test_images_and_documents_only_once_a_live_public_page_uses_them(self):
        draft_photo = wagtail_factories.ImageFactory(title="待审核的好人照片")
        draft = ArticlePageFactory(
            parent=self.news, title="草稿", lead_image=draft_photo, live=False
        )
        private_photo = wagtail_factories.ImageFactory(title="内部照片")
        private = ArticlePageFactory(parent=self.news, title="内部", lead_image=private_photo)
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        listing = wagtail_factories.DocumentFactory(title="推荐名单附件")

        def listed(endpoint: str) -> set[str]:
            return {item["title"] for item in self.ok(endpoint, limit=50)["items"]}

        self.assertEqual(listed("images/"), {"挂牌现场"})
        self.assertEqual(listed("documents/"), set())
        for path in (f"images/{draft_photo.pk}/", f"images/{private_photo.pk}/"):
            self.assertEqual(self.get(path).status_code, 404)
        self.assertEqual(self.get(f"documents/{listing.pk}/").status_code, 404)

        draft.save_revision().publish()
        self.assertEqual(listed("images/"), {"挂牌现场", "待审核的好人照片"})
        notice = NoticePageFactory(parent=self.news, title="拟推荐名单公示")
        notice.attachments.add(NoticeAttachment(document=listing))
        notice.save_revision().publish()
        self.assertEqual(listed("documents/"), {"推荐名单附件"})

    def test_no_user_accounts_or_email_addresses(self):
        user = get_user_model().objects.create_user("editor", "editor@example.com", "pw")
        self.zhidu.owner = user
        self.zhidu.save()
        body = self.get(f"pages/{self.zhidu.pk}/").content.decode()
        self.assertNotIn("editor@example.com", body)
        self.assertNotIn("owner", body)
        self.assertEqual(self.get("users/").status_code, 404)

    def test_read_only_for_anonymous_clients(self):
        self.assertEqual(self.client.post("/api/v2/pages/", {"title": "x"}).status_code, 405)
        self.assertEqual(self.client.delete(f"/api/v2/pages/{self.zhidu.pk}/").status_code, 405)


class BadParameterTests(APITestCase):
    def test_bad_parameters_get_a_4xx_with_a_message(self):
        for params in [
            {"limit": "-1"},
            {"limit": "abc"},
            {"limit": "100000"},
            {"offset": "abc"},
            {"offset": "-5"},
            {"type": "nosuch.Page"},
            {"type": "<script>"},
            {"fields": "nosuchfield"},
            {"nosuchparam": "1"},
            {"order": "nosuchfield"},
            {"channel": "abc"},
            {"channel": "-1"},
            {"channel": "999999"},
            {"date_from": "2024-13-45"},
            {"date_from": "2024-05-01", "date_to": "2024-01-01"},
            {"search": "志愿" * 200},
            {"search": "志愿", "search_operator": "xor"},
        ]:
            with self.subTest(params=params):
                response = self.get("pages/", **params)
                self.assertEqual(response.status_code, 400, response.content[:200])
                self.assertTrue(response.json()["message"])

    def test_odd_searches_answer_200(self):
        for query in ["", "   ", '"', "*", "NEAR(", "' OR 1=1 --", "<b>志愿</b>", "志愿 OR"]:
            with self.subTest(query=query):
                self.assertEqual(self.get("pages/", search=query).status_code, 200)

    def test_an_unknown_page_is_a_404_with_a_message(self):
        response = self.get("pages/999999/")
        self.assertEqual(response.status_code, 404)
        self.assertTrue(response.json()["message"])


@override_settings(CORS_ALLOWED_ORIGINS=["https://portal.example.cn"])
class CORSTests(APITestCase):
    def test_allowed_origins_from_settings_may_read_the_api(self):
        response = self.client.get(
            "/api/v2/pages/", headers={"origin": "https://portal.example.cn"}
        )
        self.assertEqual(response["access-control-allow-origin"], "https://portal.example.cn")

    def test_other_origins_and_site_pages_get_no_cors_header(self):
        response = self.client.get("/api/v2/pages/", headers={"origin": "https://evil.example"})
        self.assertNotIn("access-control-allow-origin", response)
        response = self.client.get("/", headers={"origin": "https://portal.example.cn"})
        self.assertNotIn("access-control-allow-origin", response)
