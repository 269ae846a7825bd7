"""A small city for tests: a section, two districts, two communities with stations, users."""

import datetime
import io
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Collection, GroupPagePermission, Page, Site

from goodpeople.factories import (
    BoardEntryFactory,
    BrandProjectPageFactory,
    CommunityPageFactory,
    CommunitySectionPageFactory,
    DistrictPageFactory,
    GoodPeopleBoardPageFactory,
    UserFactory,
)
from goodpeople.models import Category, CommunityPage, CommunitySectionPage
from goodpeople.stations import REVIEWER_GROUP, ensure_moderation

PASSWORD = "pass-word-123"  # noqa: S105 - test accounts only


def png_bytes(size=(40, 30), color=(200, 30, 30), fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


def make_image(title: str, collection: Collection | None = None) -> Image:
    return Image.objects.create(
        title=title,
        file=ImageFile(io.BytesIO(png_bytes()), name=f"{title}.png"),
        collection=collection or Collection.get_first_root_node(),
    )


@dataclass
class City:
    site_root: Page
    section: CommunitySectionPage
    community_a: CommunityPage
    community_b: CommunityPage
    station_a: object
    station_b: object
    reviewer: object
    reviewer2: object
    editor: object


def build_city() -> City:
    """Two stations' communities, each with a live board and project, plus office users."""
    site_root = Site.objects.get(is_default_site=True).root_page
    section = CommunitySectionPageFactory(parent=site_root)
    xunyang = DistrictPageFactory(parent=section, title="浔阳区", slug="xunyang")
    lianxi = DistrictPageFactory(parent=section, title="濂溪区", slug="lianxi")
    community_a = CommunityPageFactory(parent=xunyang, title="甘棠社区", slug="gantang")
    community_b = CommunityPageFactory(parent=lianxi, title="十里社区", slug="shili")
    for community in (community_a, community_b):
        board = GoodPeopleBoardPageFactory(parent=community)
        BoardEntryFactory(board=board, name=f"{community.title}好人", category=Category.HONEST)
        BrandProjectPageFactory(parent=community, title=f"{community.title}爱心理发")
    ensure_moderation(section)
    station_a = UserFactory(username="station_a")
    station_a.groups.add(community_a.station.group)
    station_b = UserFactory(username="station_b")
    station_b.groups.add(community_b.station.group)
    reviewers = Group.objects.get(name=REVIEWER_GROUP)
    reviewer = UserFactory(username="reviewer")
    reviewer.groups.add(reviewers)
    reviewer2 = UserFactory(username="reviewer2")
    reviewer2.groups.add(reviewers)
    editors = Group.objects.create(name="市文明办编辑")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ["add_page", "change_page", "publish_page"]:
        GroupPagePermission.objects.create(
            group=editors, page=site_root, permission=Permission.objects.get(codename=codename)
        )
    editor = UserFactory(username="editor")
    editor.groups.add(editors)
    return City(
        site_root=site_root,
        section=section,
        community_a=community_a,
        community_b=community_b,
        station_a=station_a,
        station_b=station_b,
        reviewer=reviewer,
        reviewer2=reviewer2,
        editor=editor,
    )


def today() -> datetime.date:
    """Today in the site's time zone, as the pages see it."""
    return timezone.localdate()
