import datetime

import factory
import wagtail_factories

from news.models import ArticlePage, ChannelPage, TopicPage


class ChannelPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"栏目{n}")
    show_in_menus = True

    class Meta:
        model = ChannelPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"社区志愿服务新闻{n}")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    source = "九江文明网"
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>志愿者走进社区，开展文明实践活动。</p>")]
    )

    class Meta:
        model = ArticlePage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"专题{n}")

    class Meta:
        model = TopicPage
