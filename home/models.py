from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Page

from core.images import prefetch_renditions
from core.pages import allow_under, route_by_url_path
from goodpeople.models import CommunitySectionPage, NoticePage
from news.models import ChannelPage, TopicPage, newest_in_each, published_articles

HEADLINE_COUNT = 5
CHANNEL_LATEST_COUNT = 6
NOTICE_COUNT = 8


class HomePage(Page):
    """The front page: headlines, the latest of every channel, notices, the community section."""

    intro = models.CharField("欢迎语", max_length=255, blank=True)
    headline_channel = models.ForeignKey(
        ChannelPage,
        verbose_name="头条栏目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="首页焦点图取此栏目中有题图的最新文章",
    )
    notice_channel = models.ForeignKey(
        ChannelPage,
        verbose_name="公告栏目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    community_section = models.ForeignKey(
        Page,
        verbose_name="社区栏目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="学雷锋志愿服务站所在的社区栏目",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                PageChooserPanel("headline_channel", "news.ChannelPage"),
                PageChooserPanel("notice_channel", "news.ChannelPage"),
                PageChooserPanel("community_section"),
            ],
            heading="首页版块",
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []  # the apps' sections: allow_under below
    max_count = 1

    class Meta:
        verbose_name = "首页"

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return route_by_url_path(self, request, path_components)

    @cached_property
    def child_channels(self) -> dict[int, ChannelPage]:
        """The live, public channels under the home page in menu order, fetched once for the
        headline, channel and notice sections."""
        channels = ChannelPage.objects.child_of(self).live().public().order_by("path")
        return {channel.pk: channel for channel in channels}

    def chosen_channel(self, pk: int | None) -> ChannelPage | None:
        """A channel the editor chose for a section, from child_channels if it is one."""
        if pk is None:
            return None
        return self.child_channels.get(pk) or ChannelPage.objects.filter(pk=pk).first()

    def headlines(self) -> list:
        channel = self.chosen_channel(self.headline_channel_id)
        if channel is None:
            return []
        articles = published_articles().descendant_of(channel).filter(lead_image__isnull=False)
        return list(
            prefetch_renditions(articles, "lead_image", "fill-800x450", "fill-400x225")[
                :HEADLINE_COUNT
            ]
        )

    def channel_sections(self) -> list[tuple[ChannelPage, list]]:
        """Each channel in the menu (bar the headline and notice ones) with its newest articles."""
        skip = {self.headline_channel_id, self.notice_channel_id}
        channels = [
            channel
            for channel in self.child_channels.values()
            if channel.show_in_menus and channel.pk not in skip
        ]
        return list(zip(channels, newest_in_each(channels, CHANNEL_LATEST_COUNT), strict=True))

    def notices(self) -> list:
        """The newest notices, whether written as articles or as notices with a publicity window."""
        channel = self.chosen_channel(self.notice_channel_id)
        if channel is None:
            return []
        articles = published_articles().descendant_of(channel)[:NOTICE_COUNT]
        notices = (
            NoticePage.objects.live()
            .public()
            .descendant_of(channel)
            .order_by("-date", "-pk")[:NOTICE_COUNT]
        )
        newest_first = sorted([*articles, *notices], key=lambda p: (p.date, p.pk), reverse=True)
        return newest_first[:NOTICE_COUNT]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["headline_channel"] = self.chosen_channel(self.headline_channel_id)
        context["notice_channel"] = self.chosen_channel(self.notice_channel_id)
        context["headlines"] = self.headlines()
        context["channel_sections"] = self.channel_sections()
        context["notices"] = self.notices()
        return context


# The site's sections hang under the home page; their apps never name home.
allow_under(HomePage, ChannelPage, TopicPage, CommunitySectionPage)
