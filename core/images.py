"""Images of the library as pages show them: renditions fetched with the pages, and a decoder
that never lets a stored image cost more than the pixel cap."""

import warnings

from django.db.models import Prefetch, prefetch_related_objects
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import Filter, SourceImageIOError
from willow.image import (
    AvifImageFile,
    BMPImageFile,
    GIFImageFile,
    HeicImageFile,
    IcoImageFile,
    JPEGImageFile,
    PNGImageFile,
    TIFFImageFile,
    WebPImageFile,
)
from willow.plugins.pillow import PillowImage
from willow.registry import registry

from core.uploads import max_image_pixels

# The file types Willow hands to Pillow to decode (PillowImage.open's converters).
DECODED_BY_PILLOW = (
    JPEGImageFile,
    PNGImageFile,
    GIFImageFile,
    BMPImageFile,
    TIFFImageFile,
    WebPImageFile,
    HeicImageFile,
    AvifImageFile,
    IcoImageFile,
)


def prefetch_renditions(queryset, field: str, *specs: str):
    """Fetch the named renditions of `field`'s image with the pages, so a listing's query
    count does not grow with its length."""
    rendition_model = get_image_model().get_rendition_model()
    return queryset.prefetch_related(
        Prefetch(
            f"{field}__renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=specs),
        )
    )


def prefetch_renditions_of(images: list, *specs: str) -> None:
    """Fetch the named renditions of images already loaded (by several listings of one page)
    in a single query, however many images and listings there are."""
    rendition_model = get_image_model().get_rendition_model()
    prefetch_related_objects(
        [image for image in images if image is not None],
        Prefetch("renditions", queryset=rendition_model.objects.filter(filter_spec__in=specs)),
    )


def has_zero_size(filter_spec: str) -> bool:
    """Whether filter_spec asks for a width or height of 0, which Wagtail's fill divides by.

    A spec Wagtail cannot parse is not this function's business: Wagtail answers 400 itself.
    """
    try:
        operations = Filter(spec=filter_spec).operations
    except InvalidFilterSpecError:
        return False
    return any(
        getattr(operation, name, 1) < 1
        for operation in operations
        for name in ("width", "height", "size")
    )


def open_stored(image_file) -> PillowImage:
    """Willow's Pillow decoder, refusing from the header an image over the pixel cap.

    An image stored before uploads were checked may be huge or damaged. Either raises
    SourceImageIOError, which Wagtail's image tags and choosers show as a missing picture
    instead of failing the whole page. Pillow decodes one frame, so frames are not counted.
    """
    image_file.f.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            picture = PILImage.open(image_file.f)
    except Exception as error:  # Pillow's parsers raise many kinds of error on bad bytes
        raise SourceImageIOError(f"无法读取图片：{error}") from error
    width, height = picture.size
    if width * height > max_image_pixels():
        raise SourceImageIOError(f"图片有 {width}×{height} 像素，超过上限，不予解码")
    try:
        picture.load()
    except Exception as error:  # Pillow's decoders raise many kinds of error on damage
        raise SourceImageIOError(f"图片已损坏：{error}") from error
    return PillowImage(picture)


def guard_decoding() -> None:
    """Make Willow decode every stored image through open_stored (once, when Django starts)."""
    for image_class in DECODED_BY_PILLOW:
        registry.register_converter(image_class, PillowImage, open_stored)
