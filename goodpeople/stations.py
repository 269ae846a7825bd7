"""Station groups, collections and the office's moderation workflow, set up by code only."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q, QuerySet
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from core.pages import ancestor_paths
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


def permissions_by_codename(codenames: list[str]) -> dict[str, Permission]:
    return {p.codename: p for p in Permission.objects.filter(codename__in=codenames)}


@transaction.atomic
def ensure_station(community: CommunityPage) -> Station:
    """The community's station group and collection with their permissions; safe to repeat.

    Missing permissions are added in bulk: onboarding calls this for every community of a city.
    """
    station = (
        Station.objects.filter(community=community).select_related("group", "collection").first()
    )
    if station is None:
        district = community.get_parent()
        stations_root = child_collection(Collection.get_first_root_node(), STATIONS_COLLECTION)
        collection = child_collection(
            child_collection(stations_root, district.title), community.title
        )
        group, _ = Group.objects.get_or_create(name=f"{district.title}{community.title}工作站")
        station = Station.objects.create(community=community, group=group, collection=collection)
    group = station.group
    perms = permissions_by_codename(
        STATION_MODEL_PERMISSIONS + STATION_PAGE_PERMISSIONS + STATION_MEDIA_PERMISSIONS
    )
    group.permissions.add(*(perms[c] for c in STATION_MODEL_PERMISSIONS))
    has_page = set(
        GroupPagePermission.objects.filter(group=group, page=community).values_list(
            "permission__codename", flat=True
        )
    )
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=community, permission=perms[c])
        for c in STATION_PAGE_PERMISSIONS
        if c not in has_page
    )
    shared = shared_collection()
    wanted = [(station.collection, c) for c in STATION_MEDIA_PERMISSIONS]
    wanted += [(shared, c) for c in SHARED_MEDIA_PERMISSIONS]
    has_media = set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "collection_id", "permission__codename"
        )
    )
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(group=group, collection=collection, permission=perms[c])
        for collection, c in wanted
        if (collection.pk, c) not in has_media
    )
    return station


@transaction.atomic
def ensure_moderation(section: Page) -> Workflow:
    """The 市文明办审核 workflow on the community section, reviewed by 市文明办审核员."""
    reviewers, _ = Group.objects.get_or_create(name=REVIEWER_GROUP)
    reviewers.permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "view_standing",
                "view_nomination",
                "change_nomination",
                "handle_all_nominations",
            ]
        )
    )
    # Approving publishes as the reviewer, so Wagtail requires the reviewer to hold publish.
    for codename in ["add_page", "change_page", "publish_page"]:
        GroupPagePermission.objects.get_or_create(
            group=reviewers, page=section, permission=permission(codename)
        )
    # Reviewers may correct a page in moderation, so they may keep or pick its stations' media.
    for collection in (
        child_collection(Collection.get_first_root_node(), STATIONS_COLLECTION),
        shared_collection(),
    ):
        for codename in SHARED_MEDIA_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=reviewers, collection=collection, permission=permission(codename)
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


def is_own_station_content(user, page: Page) -> bool:
    """Whether page is at or under a community whose station user belongs to.

    Such content always needs a second person to go live, even when its author also sits in
    the reviewers' group: the four-eyes rule of 市文明办审核.
    """
    if not page.path:
        return False
    paths = [page.path, *ancestor_paths(page.path)]
    return CommunityPage.objects.filter(
        path__in=paths, station__group__in=user.groups.all()
    ).exists()


def own_station_drafts_below(user, page: Page) -> QuerySet:
    """Unpublished pages below page in a community whose station user belongs to: what 发布
    with its descendants would publish of the user's own community."""
    own = Q()
    for community in station_communities(user):
        own |= Q(path__startswith=community.path)
    return page.get_descendants().not_live().filter(own) if own else Page.objects.none()
