from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, URLValidator
from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Page

from core.images import prefetch_renditions_of
from core.pages import allow_under, route_by_url_path
from goodpeople.models import CommunitySectionPage, NoticePage
from home import sections
from news.models import ChannelPage, TopicPage, newest_in_each, published_articles
from volunteers.honour import top_volunteers

HEADLINE_COUNT = 5
HEADLINE_SPECS = ("fill-800x450", "fill-400x225")
CHANNEL_LATEST_COUNT = 6
NOTICE_COUNT = 8
MAX_SECTION_COUNT = 24


def validate_link(value: str) -> None:
    """A path on this site (/shequ/) or a full http(s) address."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"], message="请填写以 / 开头的站内地址或 http(s) 网址。")(
        value
    )


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
    good_people_count = models.PositiveSmallIntegerField(
        "身边好人人数",
        default=6,
        validators=[MaxValueValidator(MAX_SECTION_COUNT)],
        help_text="显示全市最新上榜、有照片的好人；填 0 不显示此版块",
    )
    brand_project_count = models.PositiveSmallIntegerField(
        "品牌项目个数",
        default=4,
        validators=[MaxValueValidator(MAX_SECTION_COUNT)],
        help_text="显示最新发布、有封面图片的品牌项目；填 0 不显示此版块",
    )
    volunteer_count = models.PositiveSmallIntegerField(
        "志愿者风采人数",
        default=5,
        validators=[MaxValueValidator(MAX_SECTION_COUNT)],
        help_text="按服务时长显示同意公开展示的志愿者；填 0 不显示此版块",
    )
    banner_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="公益广告图片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="横幅图片，裁成 4:1（1200×300 像素）显示；不选则首页不显示公益广告",
    )
    banner_alt = models.CharField(
        "图片说明", max_length=100, blank=True, help_text="读屏软件朗读的文字，写出图片上的标语"
    )
    banner_link = models.CharField(
        "链接",
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text="点击图片打开的地址，例如 /shequ/ 或 https://www.wenming.cn/；可不填",
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
        MultiFieldPanel(
            [
                FieldPanel("good_people_count"),
                FieldPanel("brand_project_count"),
                FieldPanel("volunteer_count"),
            ],
            heading="身边好人、品牌项目与志愿者风采",
        ),
        MultiFieldPanel(
            [FieldPanel("banner_image"), FieldPanel("banner_alt"), FieldPanel("banner_link")],
            heading="公益广告",
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []  # the apps' sections: allow_under below
    max_count = 1

    class Meta:
        verbose_name = "首页"

    def clean(self):
        super().clean()
        if self.banner_image_id and not self.banner_alt.strip():
            raise ValidationError({"banner_alt": "选了公益广告图片，请填写图片说明。"})

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
        return list(articles[:HEADLINE_COUNT])

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
        context.update(self.mission_sections())
        # Every picture of the page (headlines, people, projects, banner): one query.
        prefetch_renditions_of(
            [
                *(article.lead_image for article in context["headlines"]),
                *(person.photo for person in context["good_people"]),
                *(project.cover for project in context["brand_projects"]),
                context["banner"],
            ],
            *HEADLINE_SPECS,
            *sections.PICTURE_SPECS,
        )
        return context

    def mission_sections(self) -> dict:
        """身边好人, 品牌项目, 志愿者风采 and the 公益广告 banner, with the pages they link to."""
        good_people = sections.newest_good_people(self.good_people_count)
        projects = sections.newest_brand_projects(self.brand_project_count)
        banner = sections.banner_image(self.banner_image_id)
        community_section, showcase = sections.section_and_showcase(self.community_section_id)
        return {
            "good_people": good_people,
            "brand_projects": projects,
            "top_volunteers": top_volunteers(self.volunteer_count),
            "banner": banner,
            "community_section": community_section,
            "showcase": showcase,
        }


# The site's sections hang under the home page; their apps never name home.
allow_under(HomePage, ChannelPage, TopicPage, CommunitySectionPage)
