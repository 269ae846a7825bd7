"""Brand projects (品牌项目) and the city-wide showcase that lists them."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.admin_forms import StationPageForm
from core.blocks import BodyBlock
from core.images import prefetch_renditions
from core.pages import pages_linking_to
from core.serializers import RenderedHTMLField

CARD_IMAGE_SPEC = "fill-400x250"
PHOTO_SPECS = ("fill-400x250", "width-1000")


class ProjectCategory(models.TextChoices):
    ELDERLY = "elderly", "助老助残"
    CHILDREN = "children", "关爱未成年人"
    ENVIRONMENT = "environment", "环境保护"
    CIVILITY = "civility", "文明劝导"
    NEIGHBOURS = "neighbours", "邻里互助"
    CULTURE = "culture", "文化体育"


class BrandProjectPage(Page):
    """A community's signature volunteer project, chosen from its residents' needs."""

    category = models.CharField("项目类别", max_length=12, choices=ProjectCategory.choices)
    summary = models.CharField("一句话介绍", max_length=200, blank=True)
    need = models.TextField("居民需求", help_text="需求调查发现了什么，这个项目回应哪项需求")
    activities = models.TextField("志愿者做什么")
    schedule = models.CharField("时间", max_length=100, blank=True, help_text="例如：每周六上午")
    venue = models.CharField("地点", max_length=200, blank=True)
    how_to_join = models.TextField("如何参与", blank=True)
    unit_role = models.TextField("帮扶单位的参与", blank=True)
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="封面图片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(
        BodyBlock(),
        verbose_name="更多图文",
        blank=True,
        help_text="选填：活动的图集、视频和文字，显示在项目介绍之后",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("category"),
        FieldPanel("summary"),
        FieldPanel("cover"),
        FieldPanel("need"),
        FieldPanel("activities"),
        MultiFieldPanel(
            [FieldPanel("schedule"), FieldPanel("venue"), FieldPanel("how_to_join")],
            heading="时间、地点与参与方式",
        ),
        FieldPanel("unit_role"),
        FieldPanel("body"),
        InlinePanel("photos", label="照片"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("need"),
        index.SearchField("activities"),
        index.SearchField("body"),
        index.FilterField("category"),
    ]
    api_fields = [
        APIField("category"),
        APIField("summary"),
        APIField("need"),
        APIField("activities"),
        APIField("schedule"),
        APIField("venue"),
        APIField("how_to_join"),
        APIField("unit_role"),
        APIField("body"),
        APIField("body_html", serializer=RenderedHTMLField(source="body")),
        APIField("cover"),
        APIField("cover_large", serializer=ImageRenditionField("width-1200", source="cover")),
    ]
    base_form_class = StationPageForm

    parent_page_types = ["goodpeople.CommunityPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "品牌项目"
        verbose_name_plural = "品牌项目"

    def share_image(self):
        return self.cover

    def community(self):
        return self.get_parent().specific

    def photo_list(self) -> list:
        return list(prefetch_renditions(self.photos.select_related("image"), "image", *PHOTO_SPECS))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["community"] = self.community()
        context["photos"] = self.photo_list()
        context["news"] = pages_linking_to(self)
        return context


class ProjectPhoto(Orderable):
    page = ParentalKey(BrandProjectPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="照片", on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField("说明", max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = "照片"
        verbose_name_plural = "照片"
