"""The footer a Chinese government site carries, on every page, and the HTML site map."""

from django.core.exceptions import ValidationError
from django.test import TestCase
from wagtail.models import Site

from core.models import SiteSettings
from core.tests.utils import count_queries
from goodpeople.factories import (
    BrandShowcasePageFactory,
    CommunityPageFactory,
    CommunitySectionPageFactory,
    DistrictPageFactory,
)
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory, TopicPageFactory


def fill_footer(**fields) -> SiteSettings:
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(site_settings, name, value)
    site_settings.full_clean()
    site_settings.save()
    return site_settings


FULL_FOOTER = {
    "sponsor": "中共九江市委宣传部",
    "organizer": "九江市文明办综合信息科",
    "icp_number": "赣ICP备05004312号-1",
    "police_number": "赣公网安备 36040202000216号",
    "site_code": "3604000012",
    "government_site": True,
    "conac_url": "https://bszs.conac.cn/sitename?method=show&id=5C2F3A1B7E9D4E08",
    "contact_address": "九江市濂溪区长虹大道",
    "contact_phone": "0792-8123456",
    "contact_email": "jjwmb@jiujiang.gov.cn",
}


class FooterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_home()
        cls.channel = ChannelPageFactory(parent=cls.home, title="动态要闻", slug="dongtai")
        cls.article = ArticlePageFactory(parent=cls.channel, title="文明要闻一则", slug="yaowen-1")
        cls.contact = ChannelPageFactory(parent=cls.home, title="联系方式", slug="lianxi")

    def footer(self, url: str) -> str:
        html = self.client.get(url).content.decode()
        start = html.index('<footer class="site-footer">')
        return html[start : html.index("</footer>", start) + len("</footer>")]

    def test_every_page_carries_the_filings_with_their_links(self):
        fill_footer(**FULL_FOOTER)
        for url in ("/", self.channel.url, self.article.url, "/sitemap/", "/search/?q=文明"):
            with self.subTest(url=url):
                footer = self.footer(url)
                self.assertIn("主办：中共九江市委宣传部", footer)
                self.assertIn("承办：九江市文明办综合信息科", footer)
                self.assertIn("网站标识码：3604000012", footer)
                self.assertInHTML(
                    '<a href="https://beian.miit.gov.cn/" rel="noopener" target="_blank">'
                    "赣ICP备05004312号-1</a>",
                    footer,
                )
                # The register finds the site by the number's digits.
                self.assertInHTML(
                    '<a class="police-filing" rel="noopener" target="_blank" href="http://www.'
                    'beian.gov.cn/portal/registerSystemInfo?recordcode=36040202000216">'
                    '<img src="/static/img/police-badge.svg" width="18" height="20" alt="">'
                    "赣公网安备 36040202000216号</a>",
                    footer,
                )
                self.assertInHTML(
                    '<a class="conac-mark" rel="noopener" target="_blank" href="https://bszs.'
                    'conac.cn/sitename?method=show&amp;id=5C2F3A1B7E9D4E08"><img width="56" '
                    'height="68" src="/static/img/dangzheng.svg" '
                    'alt="党政机关（核验网站开办者身份）"></a>',
                    footer,
                )
                self.assertIn("地址：九江市濂溪区长虹大道", footer)
                self.assertIn("电话：0792-8123456", footer)
                self.assertInHTML(
                    '<a href="mailto:jjwmb@jiujiang.gov.cn">jjwmb@jiujiang.gov.cn</a>', footer
                )

    def test_every_page_links_the_site_map_corrections_honour_roll_and_verification(self):
        footer = self.footer(self.article.url)
        self.assertInHTML('<a href="/sitemap/">网站地图</a>', footer)
        self.assertInHTML(
            '<a href="/correction/?url=/dongtai/yaowen-1/" rel="nofollow">网站纠错</a>', footer
        )
        self.assertInHTML('<a href="/volunteers/">志愿者风采</a>', footer)
        self.assertInHTML('<a href="/volunteers/verify/">志愿服务证明查询</a>', footer)

    def test_empty_fields_show_nothing(self):
        footer = self.footer("/")
        for absent in (
            "主办",
            "承办",
            "ICP",
            "beian",
            "公网安备",
            "网站标识码",
            "党政机关",
            "conac",
            "联系我们",
            "地址：",
            "电话：",
            "mailto:",
        ):
            with self.subTest(absent=absent):
                self.assertNotIn(absent, footer)

    def test_the_mark_needs_its_verification_link(self):
        with self.assertRaises(ValidationError) as raised:
            fill_footer(government_site=True)
        self.assertEqual(
            raised.exception.message_dict, {"conac_url": ["显示党政机关标识须填写核验地址。"]}
        )

    def test_contact_us_links_the_chosen_page_while_it_is_live(self):
        fill_footer(contact_phone="0792-8123456", contact_page=self.contact)
        self.assertInHTML('<a href="/lianxi/">联系我们</a>', self.footer("/"))
        self.contact.unpublish()
        footer = self.footer("/")
        self.assertNotIn('href="/lianxi/"', footer)
        self.assertIn("联系我们", footer)


class SiteMapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_home()
        cls.news = ChannelPageFactory(parent=cls.home, title="动态要闻", slug="dongtai")
        cls.sub = ChannelPageFactory(parent=cls.news, title="文明要闻", slug="yaowen")
        topics = ChannelPageFactory(parent=cls.home, title="专题专栏", slug="zhuanti")
        cls.topic = TopicPageFactory(parent=topics, title="学雷锋志愿服务进社区")
        ChannelPageFactory(parent=cls.home, title="未发布栏目", slug="draft", live=False)
        cls.section = CommunitySectionPageFactory(parent=cls.home, title="社区学雷锋志愿服务站")
        cls.showcase = BrandShowcasePageFactory(parent=cls.section, title="品牌项目展示")
        cls.xunyang = DistrictPageFactory(parent=cls.section, title="浔阳区", slug="xunyang")
        cls.lianxi = DistrictPageFactory(parent=cls.section, title="濂溪区", slug="lianxi")
        cls.gantang = CommunityPageFactory(parent=cls.xunyang, title="甘棠社区", slug="gantang")
        CommunityPageFactory(parent=cls.lianxi, title="草稿社区", slug="caogao", live=False)

    def test_lists_channels_districts_communities_and_the_sites_pages(self):
        response = self.client.get("/sitemap/")
        self.assertContains(response, "<h1>网站地图</h1>", html=True)
        self.assertContains(
            response,
            '<li><a href="/dongtai/">动态要闻</a><ul><li><a href="/dongtai/yaowen/">文明要闻</a>'
            "</li></ul></li>",
            html=True,
        )
        self.assertContains(response, f'<a href="{self.topic.url}">学雷锋志愿服务进社区</a>')
        self.assertContains(response, '<a href="/shequ/xunyang/">浔阳区</a>', html=True)
        self.assertContains(response, '<a href="/shequ/xunyang/gantang/">甘棠社区</a>', html=True)
        self.assertContains(response, '<a href="/shequ/lianxi/">濂溪区</a>', html=True)
        for link in (
            f'<a href="{self.section.url}">社区学雷锋志愿服务站</a>',
            f'<a href="{self.showcase.url}">品牌项目展示</a>',
            '<a href="/volunteers/">志愿者风采</a>',
            '<a href="/volunteers/verify/">志愿服务证明查询</a>',
            '<a href="/search/">站内搜索</a>',
            '<a href="/correction/">网站纠错</a>',
        ):
            self.assertContains(response, link, html=True)
        self.assertNotContains(response, "未发布栏目")
        self.assertNotContains(response, "草稿社区")

    def test_queries_do_not_grow_with_the_communities(self):
        count_queries(self.client, "/sitemap/")  # the first fills the per-process caches
        few = count_queries(self.client, "/sitemap/")
        for n in range(12):
            district = self.xunyang if n % 2 else self.lianxi
            CommunityPageFactory(parent=district, title=f"新建{n}社区", slug=f"xinjian-{n}")
        DistrictPageFactory(parent=self.section, title="柴桑区", slug="chaisang")
        many = count_queries(self.client, "/sitemap/")
        self.assertEqual(many, few)
        self.assertContains(self.client.get("/sitemap/"), "新建11社区")
