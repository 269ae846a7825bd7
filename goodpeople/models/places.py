"""The city as pages: the community section, its districts (县/市/区) and communities."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.admin_forms import PlaceSlugForm, StationPlaceForm
from core.pages import PlaceSlugMixin, ancestor_path, pages_linking_to
from goodpeople.api import FiveOnesField, PairingsField, VolunteerTeamSizeField
from goodpeople.models.boards import GoodPeopleBoardPage
from goodpeople.models.notices import NoticePage
from goodpeople.models.projects import BrandProjectPage
from goodpeople.models.stations import Station
from goodpeople.standing import standing_for


class CommunitySectionPage(Page):
    """社区栏目: the entry to every district, community and station of the city."""

    intro = models.TextField("栏目简介", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = []  # the home page: home.models
    subpage_types = ["goodpeople.DistrictPage", "goodpeople.BrandShowcasePage"]
    max_count = 1

    class Meta:
        verbose_name = "社区栏目"
        verbose_name_plural = "社区栏目"

    def districts(self) -> list["DistrictPage"]:
        """Published districts, each with its published communities (two queries in all)."""
        districts = list(self.get_children().live().public().type(DistrictPage).specific())
        communities = CommunityPage.objects.live().public().descendant_of(self).order_by("path")
        by_district: dict[str, list] = {}
        for community in communities:
            by_district.setdefault(ancestor_path(community.path, self.depth + 1), []).append(
                community
            )
        for district in districts:
            district.published_communities = by_district.get(district.path, [])
        return districts

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["districts"] = self.districts()
        # Districts and the showcase are the only children a section may have.
        context["showcase"] = self.get_children().live().public().not_type(DistrictPage).first()
        return context


class DistrictPage(PlaceSlugMixin, Page):
    """A county, county-level city or district (县/市/区) of the city."""

    class Kind(models.TextChoices):
        DISTRICT = "district", "区"
        CITY = "city", "县级市"
        COUNTY = "county", "县"
        ZONE = "zone", "功能区"

    kind = models.CharField("类别", max_length=10, choices=Kind.choices, default=Kind.DISTRICT)
    intro = models.TextField("简介", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("kind"), FieldPanel("intro")]
    api_fields = [APIField("kind"), APIField("intro")]

    base_form_class = PlaceSlugForm

    parent_page_types = ["goodpeople.CommunitySectionPage"]
    subpage_types = ["goodpeople.CommunityPage"]

    class Meta:
        verbose_name = "县（市、区）"
        verbose_name_plural = "县（市、区）"

    def communities(self):
        return CommunityPage.objects.live().public().child_of(self).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["communities"] = self.communities()
        return context


class CommunityPage(PlaceSlugMixin, Page):
    """An urban community (社区) and its 学雷锋志愿服务站, edited by the station itself."""

    subdistrict = models.CharField("所属街道", max_length=50, blank=True)
    intro = models.TextField("社区简介", blank=True)
    station_head = models.CharField(
        "站长", max_length=50, blank=True, help_text="社区居委会主要负责人"
    )
    address = models.CharField("站点地址", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=50, blank=True)
    opening_hours = models.CharField(
        "开放时间", max_length=100, blank=True, help_text="例如：周一至周五 8:30-17:30"
    )
    signage_count = models.PositiveIntegerField(
        "公益广告与提示牌数量",
        default=0,
        help_text="“遵德守礼”提示牌和“讲文明、树新风”公益广告的数量",
    )
    signage_photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="公益氛围照片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("subdistrict"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("station_head"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("opening_hours"),
            ],
            heading="学雷锋志愿服务站",
        ),
        MultiFieldPanel(
            [
                FieldPanel("signage_count"),
                FieldPanel("signage_photo"),
            ],
            heading="公益氛围",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("subdistrict"),
    ]
    api_fields = [
        APIField("subdistrict"),
        APIField("intro"),
        APIField("station_sign"),
        APIField("station_head"),
        APIField("address"),
        APIField("phone"),
        APIField("opening_hours"),
        APIField("signage_count"),
        APIField("signage_photo"),
        APIField("volunteer_team_size", serializer=VolunteerTeamSizeField()),
        APIField("pairings", serializer=PairingsField()),
        APIField("five_ones", serializer=FiveOnesField()),
    ]
    base_form_class = StationPlaceForm

    parent_page_types = ["goodpeople.DistrictPage"]

    @classmethod
    def api_listing(cls, queryset):
        """What the API fields read, fetched with the listing (wenming.api)."""
        return queryset.select_related("signage_photo")

    subpage_types = [
        "goodpeople.GoodPeopleBoardPage",
        "goodpeople.BrandProjectPage",
        "goodpeople.NoticePage",
    ]

    class Meta:
        verbose_name = "社区"
        verbose_name_plural = "社区"

    @property
    def station_sign(self) -> str:
        """The name on the station's sign, as the office prescribes it."""
        return f"{self.title}学雷锋志愿服务工作站"

    @property
    def volunteer_team_size(self) -> int:
        """The station's volunteer team: the volunteers on its roster in the ledger."""
        station = Station.objects.filter(community=self).only("roster_size").first()
        return station.roster_size if station else 0

    @property
    def station_details_complete(self) -> bool:
        return all([self.station_head, self.address, self.phone, self.opening_hours])

    def current_pairings(self):
        return (
            self.pairings.filter(ended_on__isnull=True)
            .select_related("unit")
            .order_by("started_on", "pk")
        )

    def board(self):
        return GoodPeopleBoardPage.objects.live().public().child_of(self).first()

    def brand_projects(self):
        return BrandProjectPage.objects.live().public().child_of(self)

    def notices(self):
        return NoticePage.objects.live().public().child_of(self).order_by("-date", "-pk")

    def news(self) -> list[Page]:
        return pages_linking_to(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        board = self.board()
        context["board"] = board
        context["board_entries"] = board.latest_entries() if board else []
        context["pairings"] = self.current_pairings()
        context["brand_projects"] = self.brand_projects()
        context["notices"] = self.notices()[:5]
        context["standing"] = standing_for(self)
        context["news"] = self.news()
        return context


class PairedUnitForm(WagtailAdminModelForm):
    """Refuses a second current pairing: a unit helps one community at a time (一对一)."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("pairings")
        if formset is not None and formset.is_valid():
            current = [
                form
                for form in formset.forms
                if form.cleaned_data
                and not form.cleaned_data.get("DELETE")
                and not form.cleaned_data.get("ended_on")
            ]
            if len(current) > 1:
                raise ValidationError(
                    "一个帮扶单位同一时间只结对一个社区：请为之前的结对填写结束日期。"
                )
        return cleaned_data


class PairedUnit(ClusterableModel):
    """A civilized unit (文明单位) that helps a community (帮扶单位)."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", "机关"
        ENTERPRISE = "enterprise", "企业"
        PUBLIC = "public", "事业单位"

    class Level(models.TextChoices):
        NATIONAL = "national", "全国文明单位"
        PROVINCIAL = "provincial", "省级文明单位"
        MUNICIPAL = "municipal", "市级文明单位"

    name = models.CharField("单位名称", max_length=100, unique=True)
    kind = models.CharField("单位类型", max_length=12, choices=Kind.choices)
    level = models.CharField("文明单位级别", max_length=12, choices=Level.choices)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("level"),
        InlinePanel("pairings", label="结对社区"),
    ]
    base_form_class = PairedUnitForm

    class Meta:
        verbose_name = "帮扶单位"
        verbose_name_plural = "帮扶单位"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Pairing(Orderable):
    """One unit helping one community from a date; an end date closes it (no end = current)."""

    unit = ParentalKey(PairedUnit, on_delete=models.CASCADE, related_name="pairings")
    community = models.ForeignKey(
        CommunityPage, verbose_name="社区", on_delete=models.CASCADE, related_name="pairings"
    )
    started_on = models.DateField("结对时间")
    ended_on = models.DateField("结束时间", null=True, blank=True, help_text="留空表示仍在结对")
    role = models.CharField("帮扶内容", max_length=200, blank=True)

    panels = [
        PageChooserPanel("community", "goodpeople.CommunityPage"),
        FieldPanel("started_on"),
        FieldPanel("ended_on"),
        FieldPanel("role"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "结对"
        verbose_name_plural = "结对"
        constraints = [
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(ended_on__isnull=True),
                name="one_current_pairing_per_unit",
            )
        ]

    @property
    def is_current(self) -> bool:
        return self.ended_on is None

    def __str__(self) -> str:
        return f"{self.unit} → {self.community}"
