"""A small site like the demo, for tests that look at whole pages (browser, HTML checks)."""

import datetime

import wagtail_factories
from wagtail.models import Site

from core.models import FriendLink, SiteSettings
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory, TopicPageFactory
from news.models import TopicPick

COLOURS = ["#b3191f", "#1a4f8b", "#26804a", "#c97b16", "#6e3c8c"]


def picture(n: int):
    return wagtail_factories.ImageFactory(
        title=f"志愿服务现场{n}", file__width=1200, file__height=675, file__color=COLOURS[n % 5]
    )


def build_site():
    """A small site like the demo: channels in the menu, headlines with pictures, a footer."""
    home = make_site_home()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.sponsor = "中共九江市委宣传部 九江市文明办"
    site_settings.technical_support = "九江新闻网"
    site_settings.copyright_line = "© 九江文明网"
    site_settings.save()
    FriendLink.objects.create(
        settings=site_settings, name="中国文明网", url="http://www.wenming.cn/"
    )
    FriendLink.objects.create(
        settings=site_settings, name="江西文明网", url="http://jx.wenming.cn/"
    )

    headlines = ChannelPageFactory(parent=home, title="头条热点", slug="toutiao")
    news = ChannelPageFactory(parent=home, title="动态要闻", slug="dongtai")
    yaowen = ChannelPageFactory(parent=news, title="文明要闻", slug="yaowen")
    practice = ChannelPageFactory(parent=home, title="文明实践", slug="shijian")
    notices = ChannelPageFactory(parent=home, title="公示公告", slug="gonggao")
    home.headline_channel = headlines
    home.notice_channel = notices
    home.save()

    for n in range(5):
        ArticlePageFactory(
            parent=headlines,
            title=f"我市志愿者走进社区开展文明实践活动第{n + 1}场",
            lead_image=picture(n),
        )
    for n in range(4):
        ArticlePageFactory(parent=practice, title=f"新时代文明实践站开展“我们的节日”活动之{n + 1}")
        ArticlePageFactory(parent=notices, title=f"关于第{n + 1}批身边好人推荐人选的公示")
    for n in range(3):
        related = ArticlePageFactory(parent=yaowen, title=f"文明城市创建工作推进会召开（{n + 1}）")
        related.tags.add("文明创建")
        related.save()
    article = ArticlePageFactory(
        parent=yaowen,
        title="九江市召开全市学雷锋志愿服务站建设现场推进会",
        subtitle="213个城市社区实现“五个一”全覆盖",
        date=datetime.date(2014, 11, 7),
        source="九江日报",
        author="文明办",
        lead_image=picture(7),
        body=[
            ("paragraph", "<p>11月6日，全市学雷锋志愿服务站建设现场推进会召开。</p>"),
            ("paragraph", "<p>会议要求，每个城市社区都要建成一个工作站点、一个品牌项目。</p>"),
            ("image", {"image": picture(8), "caption": "志愿者在社区服务站为居民服务"}),
            ("quote", {"text": "赠人玫瑰，手有余香。", "attribution": "志愿者代表"}),
            ("paragraph", "<p>会后，与会人员参观了社区学雷锋志愿服务站。</p>"),
            (
                "attachment",
                {"document": wagtail_factories.DocumentFactory(title="推进会材料"), "title": ""},
            ),
        ],
    )
    article.tags.add("文明创建", "志愿服务")
    article.save()
    topic = TopicPageFactory(
        parent=home, title="学雷锋志愿服务专题", slug="zhuanti", cover_image=picture(9)
    )
    TopicPick.objects.create(page=topic, article=article)
    return article
