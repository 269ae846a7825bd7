"""Station groups, collections and the office's moderation workflow, set up by code only."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from goodpeople.models import CommunityPage, OfficeApprovalTask, Station

STATIONS_COLLECTION = "社区工作站"
SHARED_COLLECTION = "公共图库"
REVIEWER_GROUP = "市文明办审核员"
WORKFLOW_NAME = "市文明办审核"
# Add and edit, never publish: everything a station writes goes through the office.
STATION_PAGE_PERMISSIONS = ["add_page", "change_page"]
STATION_MEDIA_PERMISSIONS = [
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
]
SHARED_MEDIA_PERMISSIONS = ["choose_image", "choose_document"]
STATION_MODEL_PERMISSIONS = ["access_admin", "view_nomination", "change_nomination"]


def permission(codename: str) -> Permission:
    return Permission.objects.get(codename=codename)


def child_collection(parent: Collection, name: str) -> Collection:
    """The child collection of parent with this name, created when missing."""
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(instance=Collection(name=name))


def shared_collection() -> Collection:
    """公共图库: the office's images and documents that every station may choose."""
    return child_collection(Collection.get_first_root_node(), SHARED_COLLECTION)


def station_group_name(community: CommunityPage) -> str:
    district = community.get_parent()
    return f"{district.title}{community.title}工作站"


@transaction.atomic
def ensure_station(community: CommunityPage) -> Station:
    """The community's station group and collection with their permissions; safe to repeat."""
    station = Station.objects.filter(community=community).select_related("group").first()
    if station is None:
        district = community.get_parent()
        stations_root = child_collection(Collection.get_first_root_node(), STATIONS_COLLECTION)
        district_collection = child_collection(stations_root, district.title)
        collection = child_collection(district_collection, community.title)
        group, _ = Group.objects.get_or_create(name=station_group_name(community))
        station = Station.objects.create(community=community, group=group, collection=collection)
    group = station.group
    group.permissions.add(*Permission.objects.filter(codename__in=STATION_MODEL_PERMISSIONS))
    for codename in STATION_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=community, permission=permission(codename)
        )
    shared = shared_collection()
    for collection, codenames in [
        (station.collection, STATION_MEDIA_PERMISSIONS),
        (shared, SHARED_MEDIA_PERMISSIONS),
    ]:
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission(codename)
            )
    return station


@transaction.atomic
def ensure_moderation(section: Page) -> Workflow:
    """The 市文明办审核 workflow on the community section, reviewed by 市文明办审核员."""
    reviewers, _ = Group.objects.get_or_create(name=REVIEWER_GROUP)
    reviewers.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_standing", "view_nomination"]
        )
    )
    # Reviewers edit (to fix a typo before approving) but publish only by approving.
    for codename in ["add_page", "change_page"]:
        GroupPagePermission.objects.get_or_create(
            group=reviewers, page=section, permission=permission(codename)
        )
    task = OfficeApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = OfficeApprovalTask.objects.create(name=WORKFLOW_NAME)
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return workflow


def station_communities(user) -> list[CommunityPage]:
    """The communities whose station groups user belongs to."""
    return list(CommunityPage.objects.filter(station__group__in=user.groups.all()).order_by("path"))
