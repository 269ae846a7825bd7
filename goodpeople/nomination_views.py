"""Admin views of residents' nominations: the private photo, and listing one on its board."""

import mimetypes

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST, require_safe

from goodpeople.nominations import ListingRefused, list_on_board, nominations_for


@require_safe
def nomination_photo(request, pk: int) -> FileResponse:
    """A nomination's photo for whoever may handle the nomination.

    Anyone else gets 404, as for a nomination without a photo, so nobody learns which
    nominations exist.
    """
    nomination = get_object_or_404(nominations_for(request.user), pk=pk)
    if not nomination.photo:
        raise Http404("这条推荐没有照片")
    try:
        photo = nomination.photo.open("rb")
    except FileNotFoundError as error:
        raise Http404("照片文件不存在") from error
    content_type, _ = mimetypes.guess_type(nomination.photo.name)
    if not (content_type or "").startswith("image/"):
        # Pillow also reads formats such as EPS; a browser should not open those inline.
        content_type = "application/octet-stream"
    response = FileResponse(photo, content_type=content_type)
    response["Cache-Control"] = "private"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def nomination_list(request, pk: int) -> HttpResponseRedirect:
    """加入好人榜草稿: the nomination becomes an entry in a draft of its board, not yet live."""
    nomination = get_object_or_404(nominations_for(request.user), pk=pk)
    board = nomination.board
    if not (
        request.user.has_perm("goodpeople.change_nomination")
        and board.permissions_for_user(request.user).can_edit()
    ):
        raise PermissionDenied
    try:
        listing = list_on_board(nomination, request.user)
    except ListingRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("wagtailsnippets_goodpeople_nomination:edit", nomination.pk)
    messages.success(
        request,
        f"已把“{nomination.name}”加入{board.get_parent().title}{board.title}的草稿。"
        "请核对后提交市文明办审核，审核通过后才会在网站上发布。",
    )
    if listing.photo_problem:
        messages.warning(
            request,
            f"推荐附带的照片无法使用，条目没有照片（{listing.photo_problem}）"
            "如有合适的照片，可在草稿中另行上传。",
        )
    return redirect("wagtailadmin_pages:edit", board.pk)
