"""Residents' nominations in the admin: who may handle which, and putting one on its board."""

import os
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.log_actions import LogActionRegistry, log
from wagtail.models import Revision

from core.audit import field_labels, register_action
from core.uploads import ImageRefused, clean_image
from goodpeople.access import handles_all_nominations
from goodpeople.models import BoardEntry, Category, CommunityPage, Nomination, Station
from goodpeople.models.audit import log_by_station

# A nomination may leave the category open; 助人为乐 is the broadest, and the station can
# change it in the draft before submitting.
DEFAULT_CATEGORY = Category.HELPING

HANDLED = "wenming.nomination.handled"
LISTED = "wenming.nomination.listed"
REJECTED = "wenming.nomination.rejected"


def register_log_actions(actions: LogActionRegistry) -> None:
    """Nominations are logged by station: the office reads all, a station its own boards'."""
    log_by_station(actions, Nomination, "goodpeople.handle_all_nominations")
    register_action(actions, HANDLED, "处理好人推荐", "修改了")
    register_action(actions, LISTED, "好人推荐加入好人榜", "加入好人榜草稿，待市文明办审核后发布")
    register_action(actions, REJECTED, "好人推荐未采纳", "标为未采纳")


def log_handling(nomination: Nomination, user, changed: list[str]) -> None:
    """Logs who changed a nomination's status or note, and which of them (not the text)."""
    if not changed:
        return
    declined = "status" in changed and nomination.status == Nomination.Status.DECLINED
    log(
        nomination,
        REJECTED if declined else HANDLED,
        user=user,
        data={"fields": field_labels(Nomination, changed)},
    )


def nominations_for(user) -> QuerySet[Nomination]:
    """The nominations user may handle: every one for the office, its own boards' for a station."""
    nominations = Nomination.objects.select_related("board")
    if handles_all_nominations(user):
        return nominations
    communities = CommunityPage.objects.filter(station__group__in=user.groups.all())
    own = Q()
    for community in communities:
        own |= Q(board__path__startswith=community.path)
    return nominations.filter(own) if communities else nominations.none()


class ListingRefused(Exception):
    """Why a nomination cannot go on its board now, in words for the station."""


@dataclass
class Listing:
    """A nomination added to its board's draft; photo_problem says why its photo was not."""

    revision: Revision
    photo_problem: str = ""


def photo_as_image(nomination: Nomination, user) -> AbstractImage:
    """The nomination's photo copied into the image library, in its station's collection.

    A board entry's photo is a library image; the copy keeps the private file's random name.
    It is checked and re-encoded again: a photo nominated before the form checked photos may be
    any file Pillow knew. ImageRefused if it is not an image the library accepts.
    """
    station = Station.objects.select_related("collection").get(
        community__pk=nomination.board.get_parent().pk
    )
    try:
        with nomination.photo.open("rb") as photo:
            file = clean_image(photo, os.path.basename(nomination.photo.name))
    except FileNotFoundError as error:
        raise ImageRefused("照片文件不存在。", "missing") from error
    image = get_image_model()(
        title=nomination.name, file=file, collection=station.collection, uploaded_by_user=user
    )
    # Wagtail's own upload views set the file size and hash this way.
    image._set_image_file_metadata()
    image.save()
    return image


@transaction.atomic
def list_on_board(nomination: Nomination, user) -> Listing:
    """Add the nomination to a new draft revision of its board and mark it listed.

    Nothing is published: the station submits the draft to the office's moderation like any
    other edit. The caller checks that user may edit the board; a nomination already listed,
    or a board that is locked for user (in moderation, say), raises ListingRefused. A photo
    that cannot be used is left out, and the listing says why.
    """
    # Locked with its board: two clicks at once must not list the same person twice, and two
    # nominations listed at once must not each build a draft from the same revision.
    nomination = (
        Nomination.objects.select_for_update().select_related("board").get(pk=nomination.pk)
    )
    if nomination.status == Nomination.Status.LISTED:
        raise ListingRefused(f"“{nomination.name}”已经上榜，不再重复加入。")
    board = nomination.board
    lock = board.get_lock()
    if lock is not None and lock.for_user(user):
        raise ListingRefused(
            f"“{board.get_parent().title}{board.title}”正在审核或已被锁定，暂时不能加入；"
            "请等审核结束后再试。"
        )
    photo, photo_problem = None, ""
    if nomination.photo:
        try:
            photo = photo_as_image(nomination, user)
        except ImageRefused as refusal:
            photo_problem = str(refusal)
    draft = board.get_latest_revision_as_object()
    orders = [e.sort_order for e in draft.entries.all() if e.sort_order is not None]
    draft.entries.add(
        BoardEntry(
            name=nomination.name,
            category=nomination.category or DEFAULT_CATEGORY,
            deed=nomination.deed,
            listed_on=timezone.localdate(),
            photo=photo,
            sort_order=max(orders, default=-1) + 1,
        )
    )
    revision = draft.save_revision(user=user, log_action=True)
    nomination.status = Nomination.Status.LISTED
    note = f"{timezone.localdate():%Y-%m-%d} 已加入好人榜草稿，待市文明办审核后发布。"
    if photo_problem:
        note += f"照片未加入：{photo_problem}"
    nomination.note = f"{nomination.note}\n{note}" if nomination.note else note
    nomination.save(update_fields=["status", "note"])
    log(nomination, LISTED, user=user)
    return Listing(revision, photo_problem)
