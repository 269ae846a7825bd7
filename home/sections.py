"""The home page's sections about the city's good people, brand projects and volunteers: each
one query however many items it shows; HomePage.get_context fetches every picture's renditions
together."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Substr
from wagtail.images import get_image_model
from wagtail.models import Page

from goodpeople.models import BoardEntry, BrandProjectPage, BrandShowcasePage, GoodPeopleBoardPage

GOOD_PERSON_PHOTO_SPEC = "fill-240x300"
PROJECT_COVER_SPEC = "fill-400x250"
BANNER_SPEC = "fill-1200x300"
PICTURE_SPECS = (GOOD_PERSON_PHOTO_SPEC, PROJECT_COVER_SPEC, BANNER_SPEC)


def parent_title(prefix: str = "") -> Subquery:
    """The title of the parent of the listed page (or of the page at prefix, e.g. "board__"),
    read in the listing's own query."""
    return Subquery(
        Page.objects.filter(
            path=Substr(
                OuterRef(f"{prefix}path"), 1, (OuterRef(f"{prefix}depth") - 1) * Page.steplen
            )
        ).values("title")[:1]
    )


def newest_good_people(count: int) -> list[BoardEntry]:
    """The count people most recently listed, with a photo, on any published board of the city;
    each with its board and its community's title."""
    if count <= 0:
        return []
    entries = (
        BoardEntry.objects.filter(
            board__in=GoodPeopleBoardPage.objects.live().public().values("pk"),
            photo__isnull=False,
        )
        .select_related("photo", "board")
        .annotate(community_title=parent_title("board__"))
        .order_by("-listed_on", "-pk")
    )
    return list(entries[:count])


def newest_brand_projects(count: int) -> list[BrandProjectPage]:
    """The count most recently published brand projects that have a cover, with the title of
    their community."""
    if count <= 0:
        return []
    projects = (
        BrandProjectPage.objects.live()
        .public()
        .filter(cover__isnull=False)
        .select_related("cover")
        .annotate(community_title=parent_title())
        .order_by("-first_published_at", "-pk")
    )
    return list(projects[:count])


def section_and_showcase(section_id: int | None) -> tuple[Page | None, Page | None]:
    """The published community section the office chose and the city's brand showcase (one
    for the whole site), in one query."""
    showcase_type = ContentType.objects.get_for_model(BrandShowcasePage)
    pages = Page.objects.live().public().filter(Q(pk=section_id) | Q(content_type=showcase_type))
    section = showcase = None
    for page in pages:
        if page.pk == section_id:
            section = page
        else:
            showcase = page
    return section, showcase


def banner_image(image_id: int | None):
    """The 公益广告 picture the office chose, if any (its renditions come with the others)."""
    return get_image_model().objects.filter(pk=image_id).first() if image_id else None
