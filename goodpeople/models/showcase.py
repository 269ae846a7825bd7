"""品牌项目展示: the city's brand projects on one page, by district and category."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.images import prefetch_renditions
from core.pages import parent_path
from goodpeople.models.places import CommunityPage, DistrictPage
from goodpeople.models.projects import CARD_IMAGE_SPEC, BrandProjectPage, ProjectCategory


class BrandShowcasePage(Page):
    """品牌项目展示: every published brand project, filtered by district and category."""

    intro = models.TextField("简介", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["goodpeople.CommunitySectionPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "品牌项目展示"
        verbose_name_plural = "品牌项目展示"

    def districts(self) -> list[DistrictPage]:
        return list(DistrictPage.objects.live().public().descendant_of(self.get_parent()))

    def projects(self, district: DistrictPage | None, category: str | None) -> list:
        """Published projects, each annotated with its community and district (fixed queries)."""
        projects = BrandProjectPage.objects.live().public().select_related("cover")
        if district is not None:
            projects = projects.descendant_of(district)
        if category:
            projects = projects.filter(category=category)
        projects = list(prefetch_renditions(projects.order_by("path"), "cover", CARD_IMAGE_SPEC))
        community_paths = {parent_path(p.path) for p in projects}
        communities = {c.path: c for c in CommunityPage.objects.filter(path__in=community_paths)}
        districts = {
            d.path: d
            for d in DistrictPage.objects.filter(
                path__in={parent_path(path) for path in community_paths}
            )
        }
        for project in projects:
            project.community_page = communities.get(parent_path(project.path))
            project.district_page = districts.get(parent_path(project.path, 2))
        return projects

    def chosen_filters(self, request, districts) -> tuple[DistrictPage | None, str | None]:
        """The district and category picked in the query string; unknown values mean 'all'."""
        district_id = request.GET.get("district", "")
        district = next((d for d in districts if str(d.pk) == district_id), None)
        category = request.GET.get("category")
        return district, category if category in ProjectCategory.values else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        districts = self.districts()
        district, category = self.chosen_filters(request, districts)
        context.update(
            districts=districts,
            categories=ProjectCategory.choices,
            chosen_district=district,
            chosen_category=category,
            projects=self.projects(district, category),
        )
        return context
