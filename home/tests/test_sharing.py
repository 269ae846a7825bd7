"""A link shared into WeChat or another chat: its preview (Open Graph) on every page type, and
the QR code a reader at a desktop scans to share an article, a board or a project."""

import re
import urllib.request
from html import unescape

import pytest
import wagtail_factories
from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from core.models import SiteSettings
from core.pages import description
from core.sharing import qr_svg
from home.tests.test_preview import every_page_type

SHARE_TAG = re.compile(r'<meta (?:property|name)="((?:og|twitter):[a-z_:]+)" content="([^"]*)">')
ARTICLE_TYPES = {"ArticlePage", "NoticePage"}
# Page types a reader shares from a desktop, with the QR code at the end of the page.
QR_TYPES = {"ArticlePage", "GoodPeopleBoardPage", "BrandProjectPage"}


def meta(html: str) -> dict[str, str]:
    """The page's Open Graph and Twitter card tags, by property or name."""
    found = SHARE_TAG.findall(html)
    return {key: unescape(value) for key, value in found}


def with_pictures(pages: list[Page]) -> dict[str, Page]:
    """every_page_type() by type, the article, topic, project and board given their pictures."""
    by_type = {type(page.specific).__name__: page.specific for page in pages}
    by_type["ArticlePage"].lead_image = wagtail_factories.ImageFactory(title="文章题图")
    by_type["TopicPage"].cover_image = wagtail_factories.ImageFactory(title="专题头图")
    by_type["BrandProjectPage"].cover = wagtail_factories.ImageFactory(title="项目封面")
    for name in ("ArticlePage", "TopicPage", "BrandProjectPage"):
        by_type[name].save_revision().publish()
    entry = by_type["GoodPeopleBoardPage"].entries.get()
    entry.photo = wagtail_factories.ImageFactory(title="李好人照片")
    entry.save()
    return by_type


class OpenGraphTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = with_pictures(every_page_type())

    def test_every_page_type_describes_itself_to_chat_apps(self):
        for name, page in self.pages.items():
            with self.subTest(page_type=name):
                tags = meta(self.client.get(page.url).content.decode())
                self.assertEqual(tags["og:type"], "article" if name in ARTICLE_TYPES else "website")
                self.assertEqual(tags["og:url"], page.full_url)
                self.assertEqual(tags["og:description"], description(page))
                self.assertEqual(tags["og:site_name"], "九江文明网")
                self.assertEqual(tags["twitter:card"], "summary_large_image")
                self.assertRegex(tags["og:image"], r"^http://testserver/")
        board = meta(self.client.get(self.pages["GoodPeopleBoardPage"].url).content.decode())
        self.assertEqual(board["og:title"], "甘棠社区身边好人榜")
        article = meta(self.client.get(self.pages["ArticlePage"].url).content.decode())
        self.assertEqual(article["og:title"], "志愿服务进社区")

    def test_a_page_with_a_picture_shares_it_and_the_others_the_default(self):
        own = {"ArticlePage", "TopicPage", "BrandProjectPage", "GoodPeopleBoardPage"}
        for name, page in self.pages.items():
            with self.subTest(page_type=name):
                image = meta(self.client.get(page.url).content.decode())["og:image"]
                if name in own:
                    self.assertRegex(
                        image,
                        r"^http://testserver/media/images/.+\.fill-1200x630\.format-jpeg\.jpg$",
                    )
                else:
                    self.assertRegex(image, r"^http://testserver/static/img/share-default\..*png$")

    def test_the_office_sets_the_default_share_picture(self):
        settings = SiteSettings.for_site(self.pages["HomePage"].get_site())
        settings.share_image = wagtail_factories.ImageFactory(title="文明城市")
        settings.save()
        image = meta(self.client.get(self.pages["ChannelPage"].url).content.decode())["og:image"]
        self.assertRegex(
            image, r"^http://testserver/media/images/.+\.fill-1200x630\.format-jpeg\.jpg$"
        )
        own = meta(self.client.get(self.pages["ArticlePage"].url).content.decode())["og:image"]
        self.assertIn(".fill-1200x630.format-jpeg.jpg", own)
        self.assertNotEqual(own, image)


# A live server's test empties the database; the rows migrations made come back afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_page_types_share_picture_answers(live_server):
    """The picture each page type names answers, so a chat app's preview shows it."""
    for name, page in with_pictures(every_page_type()).items():
        with urllib.request.urlopen(live_server.url + page.url, timeout=30) as response:  # noqa: S310
            image_url = meta(response.read().decode())["og:image"]
        assert image_url.startswith(live_server.url), name
        with urllib.request.urlopen(image_url, timeout=30) as image:  # noqa: S310
            assert image.status == 200, name
            assert image.headers["Content-Type"] in {"image/jpeg", "image/png"}, name


class QrCodeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = {type(page.specific).__name__: page.specific for page in every_page_type()}

    def test_articles_boards_and_projects_carry_a_qr_code_of_their_address(self):
        for name, page in self.pages.items():
            with self.subTest(page_type=name):
                html = self.client.get(page.url).content.decode()
                if name in QR_TYPES:
                    self.assertIn(qr_svg(page.full_url), html)
                    self.assertIn("<figcaption>微信扫一扫<br>分享本页</figcaption>", html)
                else:
                    self.assertNotIn('class="share-qr"', html)

    def test_each_page_has_its_own_code(self):
        article, board = self.pages["ArticlePage"], self.pages["GoodPeopleBoardPage"]
        self.assertNotEqual(qr_svg(article.full_url), qr_svg(board.full_url))
        self.assertNotIn(qr_svg(board.full_url), self.client.get(article.url).content.decode())

    def test_a_private_page_has_no_code(self):
        article = self.pages["ArticlePage"]
        PageViewRestriction.objects.create(page=article, restriction_type="login")
        user = User.objects.create_user("reader", password="pw")
        self.client.force_login(user)
        response = self.client.get(article.url)
        self.assertContains(response, "志愿服务进社区")
        self.assertNotContains(response, 'class="share-qr"')

    def test_a_draft_in_preview_has_no_code(self):
        article = self.pages["ArticlePage"]
        draft = article.get_latest_revision_as_object()
        draft.title = "改过的标题"
        revision = draft.save_revision()
        self.client.force_login(User.objects.create_superuser("boss", "b@example.com", "pw"))
        response = self.client.get(
            reverse("wagtailadmin_pages:revisions_view", args=[article.pk, revision.pk])
        )
        self.assertContains(response, "改过的标题")
        self.assertNotContains(response, 'class="share-qr"')
