"""网站纠错: a reader tells the office what is wrong on a page, with the brakes nominations
have; only the office sees and handles the reports."""

from django.conf import settings
from django.test import TestCase, override_settings
from django.urls import reverse

from core import pagecache
from core.models import ErrorReport
from core.tests.utils import log_in
from goodpeople.tests.site import PASSWORD, build_city
from home.demo import grant_error_reports
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory

FORM = "/correction/"


class ErrorReportFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site_home()
        cls.channel = ChannelPageFactory(parent=home, title="动态要闻", slug="dongtai")
        cls.article = ArticlePageFactory(parent=cls.channel, title="一篇文章", slug="wenzhang")

    def report(self, **fields):
        data = {
            "page_url": "http://testserver/dongtai/wenzhang/",
            "description": "第二段“濂溪社区”应为“甘棠社区”。",
            "contact": "13900001111",
            "homepage": "",
            **fields,
        }
        return self.client.post(FORM, data)

    def test_the_footer_link_prefills_the_page_and_the_form_page_is_never_cached(self):
        footer_link = reverse("error_report") + "?url=/dongtai/wenzhang/"
        response = self.client.get(footer_link)
        self.assertContains(response, 'value="http://testserver/dongtai/wenzhang/"')
        self.assertContains(response, "csrfmiddlewaretoken")
        self.assertIn("no-cache", response["Cache-Control"])
        self.assertNotIn("X-Cache", self.client.get(footer_link))
        # The pages carrying the link hold no token, so they stay in the page cache.
        self.client.get(self.article.url)
        article = self.client.get(self.article.url)
        self.assertEqual(article["X-Cache"], "hit")
        self.assertNotContains(article, "csrfmiddlewaretoken")

    def test_a_chinese_address_is_prefilled_readable(self):
        response = self.client.get(FORM, {"url": "/shequ/%E7%94%98%E6%A3%A0/"})
        self.assertContains(response, 'value="http://testserver/shequ/甘棠/"')

    def test_without_the_parameter_the_page_the_reader_came_from_is_prefilled(self):
        response = self.client.get(FORM, HTTP_REFERER="http://testserver/dongtai/")
        self.assertContains(response, 'value="http://testserver/dongtai/"')

    def test_another_sites_address_is_not_prefilled(self):
        for url in ("https://evil.example/", "javascript:alert(1)", "//evil.example/x"):
            with self.subTest(url=url):
                response = self.client.get(FORM, {"url": url})
                self.assertContains(
                    response,
                    '<input type="url" name="page_url" inputmode="url" autocomplete="url" '
                    'maxlength="500" required id="id_page_url">',
                    html=True,
                )

    def test_a_report_is_stored_and_thanked_for(self):
        response = self.report()
        self.assertRedirects(response, FORM + "?sent=1")
        report = ErrorReport.objects.get()
        self.assertEqual(report.page_url, "http://testserver/dongtai/wenzhang/")
        self.assertEqual(report.contact, "13900001111")
        self.assertFalse(report.handled)
        self.assertContains(self.client.get(FORM + "?sent=1"), "感谢您的纠错")

    def test_a_path_on_this_site_is_accepted(self):
        self.report(page_url="/dongtai/wenzhang/")
        self.assertEqual(ErrorReport.objects.get().page_url, "http://testserver/dongtai/wenzhang/")

    def test_bad_input_is_explained_in_chinese_and_what_was_typed_is_kept(self):
        cases = [
            ({"description": ""}, "请写下页面上哪里有错、应当是什么。", "13900001111"),
            ({"page_url": ""}, "请填写出错页面的网址。", "濂溪社区"),
            (
                {"page_url": "https://evil.example/page"},
                "请填写本网站页面的网址，如 http://testserver/",
                "https://evil.example/page",
            ),
            (
                {"description": "错" * 2001},
                "错误描述最多 2000 字（现有 2001 字），请精简。",
                "错" * 2001,
            ),
        ]
        for fields, error, kept in cases:
            with self.subTest(fields=list(fields)):
                response = self.report(**fields)
                self.assertContains(response, "纠错没有提交，请修改下面标出的内容。")
                self.assertContains(response, error)
                self.assertContains(response, kept)
        self.assertFalse(ErrorReport.objects.exists())

    def test_a_script_filling_the_hidden_field_is_refused(self):
        response = self.report(homepage="http://spam.example/")
        self.assertContains(response, "纠错没有提交：“主页”一栏请留空。")
        self.assertFalse(ErrorReport.objects.exists())

    def test_the_same_report_twice_is_kept_once(self):
        self.report()
        response = self.report()
        self.assertContains(response, "这条纠错今天已经收到了")
        self.assertEqual(ErrorReport.objects.count(), 1)

    @override_settings(
        WENMING_RATE_LIMITS={**settings.WENMING_RATE_LIMITS, "correction": (2, 3600)}
    )
    def test_reports_from_one_address_stop_at_the_limit_and_keep_the_text(self):
        self.report(description="第一处错误")
        self.report(description="第二处错误")
        response = self.report(description="第三处错误")
        self.assertContains(response, "您的操作过于频繁，请稍后再试。", status_code=429)
        self.assertContains(response, "第三处错误", status_code=429)
        self.assertTrue(0 < int(response["Retry-After"]) <= 3600)
        self.assertEqual(ErrorReport.objects.count(), 2)
        other = self.client.post(
            FORM,
            {"page_url": "/dongtai/", "description": "另一位读者"},
            REMOTE_ADDR="10.0.0.2",
        )
        self.assertEqual(other.status_code, 302)

    def test_a_report_does_not_empty_the_page_cache(self):
        self.client.get(FORM)  # the site's settings row is made on the first page rendered
        generation = pagecache.generation()
        self.report()
        self.assertEqual(pagecache.generation(), generation)


class ErrorReportAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_site_home()
        cls.city = build_city()
        grant_error_reports()
        cls.report = ErrorReport.objects.create(
            page_url="http://testserver/shequ/",
            description="甘棠社区的电话号码已经停用。",
            contact="13900001111",
        )

    def list_url(self) -> str:
        return reverse("wagtailsnippets_core_errorreport:list")

    def edit_url(self) -> str:
        return reverse("wagtailsnippets_core_errorreport:edit", args=[self.report.pk])

    def test_the_office_lists_reports_and_marks_one_handled(self):
        for user in (self.city.reviewer, self.city.editor):
            with self.subTest(user=user.username):
                self.assertTrue(log_in(self.client, user.username, PASSWORD))
                self.assertContains(
                    self.client.get(self.list_url()), "甘棠社区的电话号码已经停用。"
                )
                edit = self.client.get(self.edit_url())
                self.assertContains(edit, "13900001111")
                self.assertContains(edit, "http://testserver/shequ/")
        response = self.client.post(self.edit_url(), {"handled": "on", "note": "已更新电话"})
        self.assertEqual(response.status_code, 302)
        self.report.refresh_from_db()
        self.assertTrue(self.report.handled)
        self.assertEqual(self.report.note, "已更新电话")
        # What the reader sent is shown, never changed.
        self.assertEqual(self.report.description, "甘棠社区的电话号码已经停用。")
        handled = self.client.get(self.list_url(), {"handled": "true"})
        self.assertContains(handled, "甘棠社区的电话号码已经停用。")

    def test_stations_never_see_the_reports(self):
        self.assertTrue(log_in(self.client, self.city.station_a.username, PASSWORD))
        chooser = reverse("wagtailsnippetchoosers_core_errorreport:choose")
        bulk_delete = reverse("wagtail_bulk_action", args=["core", "errorreport", "delete"])
        for url in (
            self.list_url(),
            self.edit_url(),
            reverse("wagtailsnippets:index"),
            chooser,  # Wagtail's chooser and bulk confirm page check no model permission
            f"{bulk_delete}?id={self.report.pk}",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertNotContains(
                    response, "甘棠社区的电话号码", status_code=response.status_code
                )
                self.assertNotContains(response, "13900001111", status_code=response.status_code)
        self.assertNotEqual(self.client.get(self.list_url()).status_code, 200)
        self.assertNotEqual(self.client.get(self.edit_url()).status_code, 200)
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), "网站纠错")
        self.client.post(self.edit_url(), {"handled": "on"})
        self.report.refresh_from_db()
        self.assertFalse(self.report.handled)
