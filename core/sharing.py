"""What a page gives the chat apps it is shared into: the picture and summary of a link's
preview (Open Graph), and a QR code of its address for a reader at a desktop to scan into
WeChat."""

import segno
from django.http import HttpRequest
from django.templatetags.static import static
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

# The picture size chat previews crop to (1.91:1), in JPEG, which every chat app shows.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
DEFAULT_SHARE_IMAGE = "img/share-default.png"
# The quiet zone around a QR code, in modules: the standard's four.
QR_BORDER = 4


def share_image_url(page: Page, request: HttpRequest, default_image=None) -> str:
    """The absolute address of the picture a shared link of page shows: the page's own picture
    (its `share_image()`), else default_image (网站设置's 分享默认图片), else the one shipped
    in static/img. A picture whose file is missing gives way to the next."""
    own = page.share_image() if hasattr(page, "share_image") else None
    for image in (own, default_image):
        if image is None:
            continue
        try:
            return request.build_absolute_uri(image.get_rendition(SHARE_IMAGE_SPEC).url)
        except SourceImageIOError:
            continue
    return request.build_absolute_uri(static(DEFAULT_SHARE_IMAGE))


def shareable_url(page: Page, request: HttpRequest) -> str:
    """page's public address, or "" when a reader could not open it from a QR code: a preview
    (a draft's or a change's) or a page behind a view restriction."""
    if getattr(request, "is_preview", False) or not page.live:
        return ""
    if page.get_view_restrictions().exists():
        return ""
    return page.get_full_url(request) or ""


def qr_svg(url: str) -> str:
    """SVG markup of a QR code of url, to put in the page itself: no second request, and no
    inline style, which the Content-Security-Policy would refuse. Its size is the stylesheet's
    (a viewBox, no width or height)."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(
        border=QR_BORDER,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass="share-qr-code",
        title="本页网址的二维码",
    )
