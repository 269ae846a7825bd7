import datetime
import io
import shutil
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import SimpleTestCase, TestCase
from django.utils.html import escape

from core.tests.utils import make_site_root
from news.factories import ChannelPageFactory
from news.legacy import LegacyImportError, parse_legacy_page, read_legacy_file
from news.models import ArticlePage, ArticleStats, ChannelPage

SAMPLES = Path(__file__).resolve().parent / "legacy_samples"
YAOWEN = SAMPLES / "yaowen-2015-03-05.txt"
XIANQU = SAMPLES / "xianqu-2016-05-20.txt"
SHARED_SAMPLE = Path(settings.BASE_DIR).parent / "shared" / "legacy"
SHARED_FILE = SHARED_SAMPLE / "jiujiang-wenming-2014-11-07.txt"
SHANGHAI = ZoneInfo("Asia/Shanghai")

YAOWEN_PARAGRAPHS = [
    "3月5日上午,全市城区社区学雷锋志愿服务站同时开展集中服务,"
    "志愿者在社区广场摆起便民摊位,为居民义务理发、测量血压、维修小家电。",
    "在浔阳区湓浦街道,“邻里守望”志愿服务队上门看望辖区空巢老人,帮他们打扫房间、代购生活用品。",
    "活动现场发放“文明餐桌”&“光盘行动”宣传资料2000余份,倡导<节约用餐>从我做起。",
    "据统计,当天全市共有 3200余名 志愿者参加活动。",
]


def import_legacy(*paths) -> tuple[str, CommandError | None]:
    """Run the command as an editor would; its report and the error it ended with, if any."""
    out = io.StringIO()
    try:
        call_command("import_legacy", *[str(p) for p in paths], stdout=out)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


class ScratchFilesMixin:
    """A temporary folder for edited copies of the samples."""

    def setUp(self):
        super().setUp()
        self.scratch = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.scratch)

    def variant(self, source: Path, name: str, *replacements: tuple[str, str]) -> Path:
        text = source.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new)
        path = self.scratch / name
        path.write_text(text, encoding="utf-8")
        return path


class ParseTests(ScratchFilesMixin, SimpleTestCase):
    def test_keeps_title_date_source_channel_and_body_only(self):
        article = parse_legacy_page(YAOWEN.read_text(encoding="utf-8"))
        self.assertEqual(article.title, "我市开展“学雷锋日”志愿服务集中行动")
        self.assertEqual(article.subtitle, "全市213个社区同步开展便民服务")
        self.assertEqual(article.date, datetime.date(2015, 3, 5))
        self.assertEqual(article.source, "九江日报")
        self.assertEqual(article.views, 1234)
        self.assertEqual(article.channel, "文明要闻")
        self.assertEqual(list(article.paragraphs), YAOWEN_PARAGRAPHS)

    def test_paragraphs_become_escaped_paragraph_blocks(self):
        article = parse_legacy_page(YAOWEN.read_text(encoding="utf-8"))
        self.assertEqual(
            article.body[2],
            (
                "paragraph",
                "<p>活动现场发放“文明餐桌”&amp;“光盘行动”宣传资料2000余份,"
                "倡导&lt;节约用餐&gt;从我做起。</p>",
            ),
        )

    def test_empty_view_count_and_missing_subtitle(self):
        article = parse_legacy_page(XIANQU.read_text(encoding="utf-8"))
        self.assertEqual(article.title, "武宁县举办首届“最美家庭”评选")
        self.assertEqual(article.subtitle, "")
        self.assertIsNone(article.views)

    def test_rescrape_with_other_spaces_is_the_same_article(self):
        text = YAOWEN.read_text(encoding="utf-8")
        rescraped = text.replace("集中行动 ——全市", "集中行动\xa0\xa0——\u3000全市")
        self.assertEqual(
            parse_legacy_page(text).legacy_key, parse_legacy_page(rescraped).legacy_key
        )

    def test_windows_line_endings_and_byte_order_mark_are_read(self):
        windows = self.scratch / "windows.txt"
        windows.write_bytes(
            YAOWEN.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8-sig")
        )
        self.assertEqual(read_legacy_file(windows), read_legacy_file(YAOWEN))

    def test_malformed_pages_say_what_is_wrong(self):
        text = YAOWEN.read_text(encoding="utf-8")
        title_line = "    我市开展“学雷锋日”志愿服务集中行动 ——全市213个社区同步开展便民服务\n"
        body = text[text.index("      3月5日") : text.index("    已有")]
        cases = {
            "没有找到标题行": text.replace(title_line, ""),
            "日期行中没有日期": text.replace("日期:2015-03-05", "日期:"),
            "日期无法识别：“2015-02-30”": text.replace("2015-03-05", "2015-02-30"),
            "日期无法识别：“去年三月”": text.replace("2015-03-05", "去年三月"),
            "没有找到日期行": text.replace("日期:2015-03-05", "发布于 2015-03-05").replace(
                "来源:", "出处 "
            ),
            "正文为空": text.replace(body, "\n"),
            "没有找到面包屑导航行": text.replace("首页\xa0>", "首页\xa0|"),
            "没有找到“已有 N 人赞过”一行": text.replace("已有 12 人赞过", "点赞"),
        }
        for message, broken in cases.items():
            with self.subTest(message), self.assertRaisesMessage(LegacyImportError, message):
                parse_legacy_page(broken)


class ImportTests(ScratchFilesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        cls.news = ChannelPageFactory(parent=cls.home, title="动态要闻", slug="dongtai")
        cls.yaowen = ChannelPageFactory(parent=cls.news, title="文明要闻", slug="yaowen")
        cls.practice = ChannelPageFactory(parent=cls.home, title="文明实践", slug="shijian")

    def imported(self, title: str) -> ArticlePage:
        return ArticlePage.objects.get(title=title)

    def test_imports_into_the_existing_channel_and_publishes(self):
        report, error = import_legacy(YAOWEN)
        self.assertIsNone(error)
        self.assertIn(f"[导入] {YAOWEN}", report)
        article = self.imported("我市开展“学雷锋日”志愿服务集中行动")
        self.assertEqual(article.get_parent().pk, self.yaowen.pk)
        self.assertEqual(article.subtitle, "全市213个社区同步开展便民服务")
        self.assertEqual(article.date, datetime.date(2015, 3, 5))
        self.assertEqual(article.source, "九江日报")
        self.assertTrue(article.live)
        self.assertEqual(article.first_published_at, datetime.datetime(2015, 3, 5, tzinfo=SHANGHAI))
        self.assertEqual(
            [block.block_type for block in article.body], ["paragraph"] * len(YAOWEN_PARAGRAPHS)
        )

    def test_article_page_shows_the_body_without_the_old_chrome(self):
        import_legacy(YAOWEN)
        article = self.imported("我市开展“学雷锋日”志愿服务集中行动")
        response = self.client.get(article.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>我市开展“学雷锋日”志愿服务集中行动</h1>", html=True)
        self.assertContains(response, "——全市213个社区同步开展便民服务")
        self.assertContains(response, '<time datetime="2015-03-05">2015-03-05</time>', html=True)
        self.assertContains(response, "来源：九江日报")
        for paragraph in YAOWEN_PARAGRAPHS:
            self.assertContains(response, f"<p>{escape(paragraph)}</p>", html=True)
        for chrome in ["濂溪区:社区“文明积分”兑换日", "已有 12 人赞过", "九江新闻网技术部", "\xa0"]:
            self.assertNotContains(response, chrome)

    def test_unknown_channel_is_created_under_xinwen_outside_the_menus(self):
        report, error = import_legacy(XIANQU)
        self.assertIsNone(error)
        self.assertIn("栏目：县区动态（新建栏目）", report)
        article = self.imported("武宁县举办首届“最美家庭”评选")
        channel = article.get_parent().specific
        xinwen = channel.get_parent().specific
        self.assertEqual(channel.title, "县区动态")
        self.assertEqual((xinwen.title, xinwen.get_parent().pk), ("新闻", self.home.pk))
        self.assertIsInstance(xinwen, ChannelPage)
        self.assertTrue(channel.live and xinwen.live)
        self.assertFalse(channel.show_in_menus or xinwen.show_in_menus)
        response = self.client.get(channel.url)
        self.assertContains(response, "武宁县举办首届“最美家庭”评选")

    def test_later_unknown_channels_share_one_xinwen(self):
        other = self.variant(XIANQU, "other.txt", ("县区动态", "志愿风采"), ("首届", "第二届"))
        import_legacy(XIANQU, other)
        xinwen = ChannelPage.objects.get(title="新闻")
        self.assertEqual(
            set(xinwen.get_children().values_list("title", flat=True)), {"志愿风采", "县区动态"}
        )

    def test_importing_the_same_file_again_changes_nothing(self):
        import_legacy(YAOWEN)
        article = self.imported("我市开展“学雷锋日”志愿服务集中行动")
        report, error = import_legacy(YAOWEN)
        self.assertIsNone(error)
        self.assertIn(f"[跳过] {YAOWEN}", report)
        self.assertIn("内容未变", report)
        self.assertEqual(ArticlePage.objects.count(), 1)
        self.assertEqual(article.revisions.count(), 1)

    def test_edited_rescrape_updates_the_same_article(self):
        first = self.variant(YAOWEN, "first.txt")
        import_legacy(first)
        article = self.imported("我市开展“学雷锋日”志愿服务集中行动")
        edited = self.variant(
            YAOWEN,
            "rescraped.txt",
            ("集中行动 ——全市", "集中行动\xa0——全市"),
            ("当天全市共有", "当天全市累计共有"),
            ("来源:九江日报", "来源:九江文明网"),
        )
        report, error = import_legacy(edited)
        self.assertIsNone(error)
        self.assertIn(f"[更新] {edited}", report)
        self.assertEqual(ArticlePage.objects.count(), 1)
        article.refresh_from_db()
        self.assertEqual(article.revisions.count(), 2)
        self.assertEqual(article.live_revision, article.latest_revision)
        self.assertEqual(article.source, "九江文明网")
        response = self.client.get(article.url)
        self.assertContains(response, "据统计,当天全市累计共有 3200余名 志愿者参加活动。")
        self.assertNotContains(response, "当天全市共有")

    def test_an_article_edited_in_the_admin_is_not_overwritten_without_asking(self):

        import_legacy(YAOWEN)
        article = self.imported("我市开展“学雷锋日”志愿服务集中行动")
        editor = User.objects.create_superuser("editor")
        article.author = "编辑补充的作者"
        article.save_revision(user=editor).publish(user=editor)
        rescraped = self.variant(YAOWEN, "rescraped.txt", ("当天全市共有", "当天全市累计共有"))

        report, error = import_legacy(rescraped)
        self.assertIsNone(error)
        self.assertIn(f"[跳过] {rescraped}", report)
        self.assertIn("--overwrite", report)
        article.refresh_from_db()
        self.assertEqual(article.author, "编辑补充的作者")

        out = io.StringIO()
        call_command("import_legacy", str(rescraped), "--overwrite", stdout=out)
        self.assertIn("[更新]", out.getvalue())
        self.assertContains(self.client.get(article.url), "当天全市累计共有")

    def test_changed_channel_moves_the_article(self):
        import_legacy(YAOWEN)
        moved = self.variant(YAOWEN, "moved.txt", ("\xa0>\xa0文明要闻", "\xa0>\xa0文明实践"))
        report, error = import_legacy(moved)
        self.assertIsNone(error)
        self.assertIn("[更新]", report)
        article = self.imported("我市开展“学雷锋日”志愿服务集中行动")
        self.assertEqual(article.get_parent().pk, self.practice.pk)
        self.assertEqual(self.client.get(article.url).status_code, 200)
        self.assertEqual(ArticlePage.objects.count(), 1)

    def test_legacy_view_count_starts_the_counter_and_never_lowers_it(self):
        import_legacy(YAOWEN)
        article = self.imported("我市开展“学雷锋日”志愿服务集中行动")
        self.assertEqual(ArticleStats.objects.get(article=article).views, 1234)
        self.assertContains(self.client.get(article.url), '<span class="js-views">1234</span>')

        ArticleStats.objects.filter(article=article).update(views=2000)
        lower = self.variant(YAOWEN, "lower.txt", ("访问量:1234", "访问量:1500"))
        report, _ = import_legacy(lower)
        self.assertIn("[跳过]", report)
        self.assertEqual(ArticleStats.objects.get(article=article).views, 2000)

        higher = self.variant(YAOWEN, "higher.txt", ("访问量:1234", "访问量:2,500"))
        report, _ = import_legacy(higher)
        self.assertIn("[更新]", report)
        self.assertEqual(ArticleStats.objects.get(article=article).views, 2500)

    def test_no_legacy_view_count_leaves_the_counter_alone(self):
        import_legacy(XIANQU)
        article = self.imported("武宁县举办首届“最美家庭”评选")
        self.assertEqual(article.view_count, 0)

    def test_a_malformed_file_in_a_folder_does_not_stop_the_others(self):
        report, error = import_legacy(SAMPLES / "batch")
        self.assertIsNotNone(error)
        self.assertIn("1 个文件未能导入", str(error))
        self.assertEqual(report.count("[导入]"), 2)
        self.assertIn(f"[失败] {SAMPLES / 'batch' / 'no-date-line.txt'}：没有找到日期行", report)
        self.assertIn("共 3 个文件：导入 2，更新 0，跳过 0，失败 1", report)
        self.assertEqual(
            sorted(ArticlePage.objects.values_list("title", flat=True)),
            ["庐山市开展元宵节猜灯谜活动", "新时代文明实践站开展“我们的节日·春节”写春联活动"],
        )

    def test_a_file_failing_half_way_leaves_nothing_behind(self):
        too_long = self.variant(XIANQU, "too-long.txt", ("武宁县举办首届", "武宁县" * 100))
        channels_before = ChannelPage.objects.count()
        report, error = import_legacy(too_long, YAOWEN)
        self.assertIsNotNone(error)
        self.assertIn(f"[失败] {too_long}：内容不符合要求（标题：", report)
        self.assertNotIn("draft", report)
        self.assertIn(f"[导入] {YAOWEN}", report)
        self.assertEqual(ChannelPage.objects.count(), channels_before)
        self.assertFalse(ChannelPage.objects.filter(title__in=["新闻", "县区动态"]).exists())
        self.assertEqual(ArticlePage.objects.count(), 1)

    def test_a_file_that_is_not_utf8_is_reported(self):
        gbk = self.scratch / "gbk.txt"
        gbk.write_bytes(XIANQU.read_text(encoding="utf-8").encode("gbk", errors="replace"))
        report, error = import_legacy(gbk, YAOWEN)
        self.assertIsNotNone(error)
        self.assertIn(f"[失败] {gbk}：不是 UTF-8 编码的文本", report)
        self.assertIn(f"[导入] {YAOWEN}", report)
        self.assertEqual(ArticlePage.objects.count(), 1)

    def test_missing_paths_and_empty_folders_are_reported(self):
        missing = self.scratch / "nowhere.txt"
        empty = self.scratch / "empty"
        empty.mkdir()
        report, error = import_legacy(missing, empty)
        self.assertIsNotNone(error)
        self.assertIn(f"[失败] {missing}：文件或目录不存在", report)
        self.assertIn(f"[失败] {empty}：目录中没有 .txt 文件", report)

    def test_the_shared_sample_from_the_old_site(self):
        if not SHARED_FILE.exists():
            self.skipTest(f"{SHARED_FILE} is not in this checkout")
        report, error = import_legacy(SHARED_SAMPLE)
        self.assertIsNone(error, report)
        article = self.imported("强化领导 细化措施")
        self.assertEqual(article.subtitle, "九江市社区志愿服务制度化落地有声")
        self.assertEqual(article.date, datetime.date(2014, 11, 7))
        self.assertEqual(article.source, "九江文明网")
        self.assertEqual(article.get_parent().pk, self.yaowen.pk)
        self.assertEqual(len(article.body), 4)
        response = self.client.get(article.url)
        self.assertContains(response, "九江市社区志愿服务制度化落地有声")
        self.assertContains(response, '<time datetime="2014-11-07">2014-11-07</time>', html=True)
        html = response.content.decode()
        for block in article.body:
            self.assertIn(block.value.source, html)
        self.assertIn("近日,为贯彻落实省文明委", html)
        self.assertNotIn("美出圈!九江这条公路入选国家级榜单", html)
