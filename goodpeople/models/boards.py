"""The good-people board (身边好人榜) of a community and its entries."""

import datetime
from collections import OrderedDict

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.images import prefetch_renditions
from goodpeople.forms import BoardPageForm, NominationForm
from goodpeople.models.nominations import Category

ENTRY_PHOTO_SPECS = ("fill-240x300",)
LATEST_ON_COMMUNITY_PAGE = 4


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
    base_form_class = BoardPageForm

    parent_page_types = ["goodpeople.CommunityPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "身边好人榜"
        verbose_name_plural = "身边好人榜"

    def community_title(self) -> str:
        """The community whose board this is: every board is titled 身边好人榜."""
        parent = self.get_parent() if self.pk else None
        return parent.title if parent else ""

    def get_admin_display_title(self) -> str:
        # Review queues, choosers, listings and breadcrumbs tell the boards apart.
        title = super().get_admin_display_title()
        community = self.community_title()
        return f"{community}·{title}" if community else title

    def __str__(self) -> str:
        return self.get_admin_display_title()

    def share_title(self) -> str:
        """Every board is titled 身边好人榜: a shared link names the community too."""
        return f"{self.community_title()}{self.title}"

    def share_image(self):
        """The photo of the newest person on the board who has one."""
        entry = (
            self.entries.exclude(photo=None)
            .select_related("photo")
            .order_by("-listed_on", "sort_order")
            .first()
        )
        return entry.photo if entry else None

    def entries_with_photos(self):
        return prefetch_renditions(
            self.entries.select_related("photo").order_by("-listed_on", "sort_order"),
            "photo",
            *ENTRY_PHOTO_SPECS,
        )

    def latest_entries(self, limit: int = LATEST_ON_COMMUNITY_PAGE) -> list["BoardEntry"]:
        return list(self.entries_with_photos()[:limit])

    def last_updated(self) -> datetime.date | None:
        """最近更新: the date the newest entry went on the board.

        Works on a preview's in-memory entries too, where aggregates are not available.
        """
        return self.entries.order_by("-listed_on").values_list("listed_on", flat=True).first()

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
        """The current month's entries; nominations go to goodpeople.public_views.nominate."""
        return self.render_board(request, None, nominated=request.GET.get("nominated") == "1")

    @path("archive/<int:year>/<int:month>/")
    def archive(self, request, year: int, month: int):
        try:
            first_day = datetime.date(year, month, 1)
        except (ValueError, OverflowError) as error:
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
