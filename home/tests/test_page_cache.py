"""Anonymous readers get whole pages from the cache; nobody ever gets a stale one.

Each action that changes what readers see (publish, unpublish, move, delete) is followed by a
look at every page that lists the changed one; the pages were in the cache before.
"""

import gzip

from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Site

from core import pagecache
from core.models import SiteSettings
from goodpeople.models import GoodPeopleBoardPage, Nomination
from goodpeople.tests.site import build_city
from home.tests.site import build_site, picture
from news.factories import ArticlePageFactory
from news.models import ArticlePage, ArticleStats, ChannelPage
from volunteers.factories import VolunteerFactory, give_hours


class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = build_site()
        cls.channel = cls.article.get_parent().specific
        cls.headlines = ChannelPage.objects.get(slug="toutiao")
        cls.headline = ArticlePage.objects.child_of(cls.headlines).live().first()
        cls.editor = User.objects.create_superuser("boss", "boss@example.com", "pw")
        cls.station = build_city().community_a.station

    def get(self, url, client=None):
        response = (client or self.client).get(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def warm(self, *urls):
        """Fetch each page twice: the second answer must come from the cache."""
        for url in urls:
            self.get(url)
            self.assertEqual(self.get(url)["X-Cache"], "hit", url)

    def test_the_second_reader_gets_the_page_from_the_cache(self):
        first = self.get(self.article.url)
        second = self.get(self.article.url)
        self.assertEqual(first["X-Cache"], "miss")
        self.assertEqual(second["X-Cache"], "hit")
        self.assertEqual(first.content, second.content)
        # A CDN may keep it a minute (Wagtail purges it on publish); browsers ask again.
        self.assertIn("public", second["Cache-Control"])
        self.assertIn("s-maxage=60", second["Cache-Control"])
        self.assertIn("max-age=0", second["Cache-Control"])

    def test_browsers_taking_gzip_get_the_page_compressed_once_and_others_as_rendered(self):
        plain = self.get(self.article.url)
        for n in range(2):
            packed = self.client.get(self.article.url, headers={"accept-encoding": "gzip, br"})
            self.assertEqual(packed["X-Cache"], "miss" if n == 0 else "hit")
            self.assertEqual(packed["Content-Encoding"], "gzip")
            self.assertEqual(gzip.decompress(packed.content), plain.content)
            self.assertLess(len(packed.content), len(plain.content) / 2)
        again = self.get(self.article.url)
        self.assertEqual(again["X-Cache"], "hit")
        self.assertNotIn("Content-Encoding", again)
        self.assertEqual(again.content, plain.content)
        self.assertIn("Accept-Encoding", again["Vary"])

    def test_reading_pages_does_not_empty_the_cache(self):
        urls = [
            "/",
            self.article.url,
            self.channel.url,
            "/feed/",
            "/sitemap.xml",
            "/search/?q=志愿",
        ]
        for url in urls:
            self.get(url)
        generation = pagecache.generation()
        for url in urls:
            self.assertEqual(self.get(url)["X-Cache"], "hit", url)
        self.assertEqual(pagecache.generation(), generation)

    def test_a_station_entering_ledger_records_does_not_empty_the_cache(self):
        generation = pagecache.generation()
        volunteer = VolunteerFactory(station=self.station)
        self.assertNotEqual(pagecache.generation(), generation)  # a new name on the honour roll
        self.warm("/", self.article.url)
        generation = pagecache.generation()
        give_hours(volunteer, 3, confirmer=self.editor)
        self.assertEqual(pagecache.generation(), generation)
        self.assertEqual(self.get(self.article.url)["X-Cache"], "hit")

    def test_logged_in_users_never_get_a_cached_page(self):
        self.warm(self.article.url)
        editor = self.client_class()
        editor.force_login(self.editor)
        response = self.get(self.article.url, editor)
        self.assertNotIn("X-Cache", response)
        self.assertContains(response, "wagtail-userbar")
        # ...and what they see is not stored for residents.
        self.assertNotContains(self.get(self.article.url), "wagtail-userbar")

    def test_a_published_change_shows_at_once_everywhere_it_is_listed(self):
        urls = ["/", self.headlines.url, self.headline.url, "/feed/", "/sitemap.xml"]
        self.warm(*urls)
        self.headline.title = "改过的头条标题"
        self.headline.save_revision().publish()
        for url in urls[:-1]:
            self.assertContains(self.get(url), "改过的头条标题", msg_prefix=url)
        # The sitemap lists the page's new modification time, so it is fresh too.
        self.assertNotEqual(self.get("/sitemap.xml")["X-Cache"], "hit")

    def test_a_new_article_appears_at_once(self):
        self.warm("/", self.headlines.url, "/feed/")
        # A headline shows on the home page with its picture.
        ArticlePageFactory(parent=self.headlines, title="刚刚发布的新闻", lead_image=picture(3))
        for url in ("/", self.headlines.url, "/feed/"):
            self.assertContains(self.get(url), "刚刚发布的新闻", msg_prefix=url)

    def test_an_unpublished_article_is_gone_at_once(self):
        self.warm("/", self.headlines.url, self.headline.url)
        self.headline.unpublish()
        self.assertEqual(self.client.get(self.headline.url).status_code, 404)
        for url in ("/", self.headlines.url):
            self.assertNotContains(self.get(url), self.headline.title, msg_prefix=url)

    def test_a_moved_article_is_listed_in_its_new_channel_at_once(self):
        old_url = self.article.url
        self.warm(self.channel.url, self.headlines.url, old_url)
        self.article.move(self.headlines, pos="last-child")
        moved = Page.objects.get(pk=self.article.pk)
        # Wagtail leaves a redirect at the old address.
        self.assertRedirects(self.client.get(old_url), moved.url, status_code=301)
        self.assertContains(self.get(self.headlines.url), self.article.title)
        self.assertNotContains(self.get(self.channel.url), self.article.title)
        self.assertContains(self.get(moved.url), self.article.title)

    def test_a_deleted_article_is_gone_at_once(self):
        url = self.headline.url
        self.warm("/", self.headlines.url, url)
        self.headline.delete()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertNotContains(self.get(self.headlines.url), self.headline.title)

    def test_site_settings_changes_show_at_once(self):
        self.warm("/", self.article.url)
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.copyright_line = "© 九江市文明办 新的版权行"
        site_settings.save()
        for url in ("/", self.article.url):
            self.assertContains(self.get(url), "新的版权行", msg_prefix=url)

    def test_care_mode_and_normal_pages_are_cached_apart(self):
        """A 关怀版 reader never gets the normal page from the cache, nor the other way round."""
        care_reader = self.client_class()
        care_reader.cookies["care"] = "1"
        for url in ("/", self.article.url):
            normal = self.get(url)
            self.assertEqual(normal["X-Cache"], "miss", url)
            care = self.get(url, care_reader)
            self.assertEqual(care["X-Cache"], "miss", url)
            self.assertEqual(self.get(url)["X-Cache"], "hit", url)
            self.assertEqual(self.get(url, care_reader)["X-Cache"], "hit", url)
            for response in (normal, self.get(url)):
                self.assertContains(response, '<html lang="zh-Hans">', msg_prefix=url)
                self.assertNotContains(response, "css/care.css", msg_prefix=url)
            for response in (care, self.get(url, care_reader)):
                self.assertContains(response, '<html lang="zh-Hans" class="care">', msg_prefix=url)
                self.assertContains(response, "css/care.css", msg_prefix=url)
            # A CDN or a browser keeps the two apart too.
            self.assertIn("Cookie", normal["Vary"])

    def test_views_are_counted_for_every_reader_of_a_cached_page(self):
        for n in range(5):
            reader = self.client_class()
            page = self.get(self.article.url, reader)
            self.assertEqual(page["X-Cache"], "miss" if n == 0 else "hit")
            self.assertEqual(reader.post(f"/stats/{self.article.pk}/view/").status_code, 200)
        self.assertEqual(ArticleStats.objects.get(article=self.article).views, 5)

    def test_a_restricted_page_is_never_stored(self):
        PageViewRestriction.objects.create(
            page=self.headline, restriction_type=PageViewRestriction.PASSWORD, password="mima"
        )
        for _ in range(2):
            response = self.get(self.headline.url)
            self.assertNotIn("X-Cache", response)
            self.assertContains(response, 'type="password"')
            self.assertNotContains(response, "<article")


class BoardPageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.board = GoodPeopleBoardPage.objects.child_of(cls.city.community_a).get()
        # The first page ever rendered creates the site's settings (a change): here it is done.
        SiteSettings.for_site(Site.objects.get(is_default_site=True))

    def test_the_board_with_its_nomination_form_comes_from_the_cache(self):
        self.client.get(self.board.url)
        cached = self.client.get(self.board.url)
        self.assertEqual(cached["X-Cache"], "hit")
        self.assertNotContains(cached, "csrfmiddlewaretoken")
        # A nomination from the cached form is received.
        fields = {"name": "王大爷", "deed": "义务巡逻二十年。", "nominator": "邻居"}
        response = self.client.post(reverse("nominate", args=[self.board.pk]), fields)
        self.assertRedirects(response, self.board.url + "?nominated=1#nominate")
        self.assertEqual(Nomination.objects.get().name, "王大爷")

    def test_a_form_with_errors_is_never_stored(self):
        url = reverse("nominate", args=[self.board.pk])
        self.assertContains(self.client.post(url, {"name": "", "deed": ""}), "推荐没有提交")
        self.assertNotContains(self.client.get(self.board.url), "推荐没有提交")
