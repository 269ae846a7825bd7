"""Public notices (公示公告) with a publicity window, municipal or per community."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.admin_forms import StationPageForm
from core.blocks import RICH_TEXT_FEATURES
from core.pages import allow_under, list_in_channels
from news.models import ChannelPage


class NoticePage(Page):
    """A notice; its publicity window is shown as 公示中 or 已结束, and it stays readable after."""

    class Status(models.TextChoices):
        UPCOMING = "upcoming", "未开始"
        OPEN = "open", "公示中"
        ENDED = "ended", "已结束"

    date = models.DateField("发布日期", default=datetime.date.today)
    publisher = models.CharField("发布单位", max_length=100, blank=True)
    publicity_start = models.DateField("公示开始", null=True, blank=True)
    publicity_end = models.DateField("公示结束", null=True, blank=True)
    body = RichTextField("正文", features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("publisher"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("publicity_start"), FieldPanel("publicity_end")])],
            heading="公示期",
        ),
        FieldPanel("body"),
        InlinePanel("attachments", label="附件"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    api_fields = [
        APIField("date"),
        APIField("publisher"),
        APIField("publicity_start"),
        APIField("publicity_end"),
        APIField("publicity_status", serializer=serializers.CharField(read_only=True)),
        APIField("body"),
    ]
    base_form_class = StationPageForm

    parent_page_types = ["goodpeople.CommunityPage"]  # and channels, below
    subpage_types = []
    # Shared links preview as an article (core.sharing).
    share_type = "article"

    class Meta:
        verbose_name = "公示公告"
        verbose_name_plural = "公示公告"

    def publicity_status(self, today: datetime.date | None = None) -> str | None:
        """Where today falls in the window; None when the notice has no window."""
        if not (self.publicity_start or self.publicity_end):
            return None
        today = today or timezone.localdate()
        if self.publicity_start and today < self.publicity_start:
            return self.Status.UPCOMING
        if self.publicity_end and today > self.publicity_end:
            return self.Status.ENDED
        return self.Status.OPEN

    def publicity_label(self) -> str:
        status = self.publicity_status()
        return self.Status(status).label if status else ""

    def clean(self):
        super().clean()
        if (
            self.publicity_start
            and self.publicity_end
            and self.publicity_end < self.publicity_start
        ):
            raise ValidationError({"publicity_end": "公示结束日期不能早于开始日期。"})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = self.attachments.select_related("document")
        return context


class NoticeAttachment(Orderable):
    page = ParentalKey(NoticePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="文件", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("显示名称", max_length=200, blank=True, help_text="留空则用文件标题")

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "附件"
        verbose_name_plural = "附件"

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


# The office posts notices in its 公示公告 channel, which lists them with its articles; news
# never names goodpeople.
allow_under(ChannelPage, NoticePage)
list_in_channels(NoticePage, NoticePage.objects.all)
