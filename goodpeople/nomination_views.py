"""Admin views of residents' nominations: the private photo."""

import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from goodpeople.nominations import nominations_for


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
