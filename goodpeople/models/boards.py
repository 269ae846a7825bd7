"""The good-people board (身边好人榜) of a community, its entries and residents' nominations."""

import datetime
import os
import uuid
from collections import OrderedDict

from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.images import prefetch_renditions
from goodpeople.admin_forms import StationPageForm
from goodpeople.panels import NominationPhotoPanel

ENTRY_PHOTO_SPECS = ("fill-240x300",)
LATEST_ON_COMMUNITY_PAGE = 4


class Category(models.TextChoices):
    HELPING = "helping", "助人为乐"
    BRAVE = "brave", "见义勇为"
    HONEST = "honest", "诚实守信"
    DEDICATED = "dedicated", "敬业奉献"
    FILIAL = "filial", "孝老爱亲"


class GoodPeopleBoardPage(RoutablePageMixin, Page):
    """身边好人榜: the current good people of one community and an archive by month."""

    intro = models.TextField("榜单说明", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("entries", label="好人", heading="上榜好人"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.RelatedFields("entries", [index.SearchField("name"), index.SearchField("deed")]),
    ]
    api_fields = [APIField("intro"), APIField("entries")]
    base_form_class = StationPageForm

    parent_page_types = ["goodpeople.CommunityPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "身边好人榜"
        verbose_name_plural = "身边好人榜"

    def entries_with_photos(self):
        return prefetch_renditions(
            self.entries.select_related("photo").order_by("-listed_on", "sort_order"),
            "photo",
            *ENTRY_PHOTO_SPECS,
        )

    def latest_entries(self, limit: int = LATEST_ON_COMMUNITY_PAGE) -> list["BoardEntry"]:
        return list(self.entries_with_photos()[:limit])

    def last_updated(self) -> datetime.date | None:
        """最近更新: the date the newest entry went on the board."""
        return self.entries.aggregate(latest=models.Max("listed_on"))["latest"]

    def months(self) -> list[tuple[datetime.date, int]]:
        """Every month with entries, newest first, with how many entries it has."""
        counts: OrderedDict[datetime.date, int] = OrderedDict()
        for listed_on in self.entries.order_by("-listed_on").values_list("listed_on", flat=True):
            month = listed_on.replace(day=1)
            counts[month] = counts.get(month, 0) + 1
        return list(counts.items())

    def entries_of_month(self, month: datetime.date):
        return self.entries_with_photos().filter(
            listed_on__year=month.year, listed_on__month=month.month
        )

    def render_board(self, request, month: datetime.date | None, form=None, nominated=False):
        # The form module imports the models, so it is imported when first needed.
        from goodpeople.forms import NominationForm

        months = self.months()
        current_month = months[0][0] if months else None
        shown_month = month or current_month
        return self.render(
            request,
            context_overrides={
                "entries": self.entries_of_month(shown_month) if shown_month else [],
                "shown_month": shown_month,
                "is_current": shown_month == current_month,
                "months": months,
                "last_updated": self.last_updated() if months else None,
                "form": form or NominationForm(),
                "nominated": nominated,
            },
        )

    @path("")
    def current(self, request):
        """The current month's entries; a POST is a resident's nomination."""
        from goodpeople.forms import NominationForm

        if request.method == "POST":
            form = NominationForm(request.POST, request.FILES)
            if form.is_valid():
                form.save_for(self)
                return redirect(self.url + "?nominated=1#nominate")
            return self.render_board(request, None, form=form)
        return self.render_board(request, None, nominated=request.GET.get("nominated") == "1")

    @path("archive/<int:year>/<int:month>/")
    def archive(self, request, year: int, month: int):
        from django.http import Http404

        try:
            first_day = datetime.date(year, month, 1)
        except ValueError as error:
            raise Http404("没有这个月份") from error
        return self.render_board(request, first_day)


class BoardEntry(Orderable):
    """One good person on a board: who, what they did, and when they were listed."""

    board = ParentalKey(GoodPeopleBoardPage, on_delete=models.CASCADE, related_name="entries")
    name = models.CharField("姓名", max_length=50)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="照片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.CharField("类别", max_length=12, choices=Category.choices)
    deed = models.TextField("事迹", help_text="几段话讲清楚做了什么好事；空行分段")
    listed_on = models.DateField("上榜日期", default=datetime.date.today)

    panels = [
        FieldPanel("name"),
        FieldPanel("category"),
        FieldPanel("photo"),
        FieldPanel("deed"),
        FieldPanel("listed_on"),
    ]
    api_fields = [
        APIField("name"),
        APIField("category"),
        APIField("deed"),
        APIField("listed_on"),
        APIField("photo", serializer=ImageRenditionField("fill-240x300")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "上榜好人"
        verbose_name_plural = "上榜好人"

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        # A future date would keep a board looking fresh in the 五个一 standing.
        if self.listed_on and self.listed_on > timezone.localdate():
            raise ValidationError({"listed_on": "上榜日期不能晚于今天。"})


def nomination_storage() -> Storage:
    """The private storage of residents' photos, which the web server does not serve.

    A callable, so each environment's STORAGES decides and migrations do not record a path.
    """
    return storages["nominations"]


def nomination_upload_to(instance, filename: str) -> str:
    # A random name: the resident's own file name may say who is in the photo.
    extension = os.path.splitext(filename)[1].lower()
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class Nomination(models.Model):
    """A resident's nomination of a good person, waiting for the station to review."""

    class Status(models.TextChoices):
        NEW = "new", "待处理"
        LISTED = "listed", "已上榜"
        DECLINED = "declined", "未采纳"

    board = models.ForeignKey(
        GoodPeopleBoardPage,
        verbose_name="好人榜",
        on_delete=models.CASCADE,
        related_name="nominations",
    )
    name = models.CharField("被推荐人姓名", max_length=50)
    category = models.CharField("类别", max_length=12, choices=Category.choices, blank=True)
    deed = models.TextField("事迹")
    photo = models.ImageField(
        "照片", upload_to=nomination_upload_to, storage=nomination_storage, blank=True
    )
    nominator = models.CharField("推荐人", max_length=50, blank=True)
    contact = models.CharField(
        "推荐人联系方式", max_length=50, blank=True, help_text="仅供工作站核实，不公开"
    )
    submitted_at = models.DateTimeField("推荐时间", default=timezone.now)
    status = models.CharField("处理状态", max_length=10, choices=Status.choices, default=Status.NEW)
    note = models.TextField("处理意见", blank=True)

    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("category", read_only=True),
        FieldPanel("deed", read_only=True),
        NominationPhotoPanel("photo", read_only=True),
        FieldPanel("nominator", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("status"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "好人推荐"
        verbose_name_plural = "好人推荐"
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.name}（{self.board.title}）"
