"""Images that come from outside: what is accepted, and the copy that is stored instead.

Every way in (a resident's nomination, the admin's image forms, a nomination copied into the
image library) reads the header first and refuses before decoding: a small file may promise
a hundred million pixels, and decoding them costs a worker a gigabyte. What passes is
decoded once and re-encoded, so only its pixels are stored: no metadata (residents' photos
carry GPS positions) and nothing else that rode along in the same bytes.
"""

import io
import os
import warnings

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageOps

# Pillow's name of each accepted format, and the file name extensions it may carry.
ACCEPTED_FORMATS = {"JPEG": ("jpg", "jpeg"), "PNG": ("png",), "WEBP": ("webp",)}
ACCEPTED_NAMES = "JPG、PNG 或 WebP"
FORMAT_LABELS = {"JPEG": "JPG", "PNG": "PNG", "WEBP": "WebP"}


class ImageRefused(ValueError):
    """Why an image is not accepted, in words for whoever uploaded it."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def max_image_pixels() -> int:
    """The most pixels an image may have, every frame of an animation counted."""
    return settings.WENMING_MAX_IMAGE_PIXELS


def too_many_pixels(pixels: int | None) -> ImageRefused:
    limit = f"{max_image_pixels() / 10_000:g} 万像素"
    if pixels is None:
        return ImageRefused(f"图片的像素太多，最多 {limit}，请缩小后上传。", "too_many_pixels")
    return ImageRefused(
        f"图片的像素太多（{pixels / 10_000:g} 万像素），最多 {limit}，请缩小后上传。",
        "too_many_pixels",
    )


def open_header(file) -> Image.Image:
    """The accepted image in file with only its header read; ImageRefused if it is not JPEG,
    PNG or WebP or has more pixels than the cap."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns above its own, higher, limit; ours is checked below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            # Only these formats' header parsers see the bytes.
            image = Image.open(file, formats=list(ACCEPTED_FORMATS))
    except Image.DecompressionBombError:
        raise too_many_pixels(None) from None
    except Exception as error:  # Pillow's parsers raise many kinds of error on bad bytes
        raise ImageRefused(
            f"无法识别这张图片：只接受 {ACCEPTED_NAMES} 格式的图片。", "invalid_image"
        ) from error
    width, height = image.size
    pixels = width * height * getattr(image, "n_frames", 1)
    if pixels > max_image_pixels():
        raise too_many_pixels(pixels)
    return image


def clean_image(file, name: str) -> SimpleUploadedFile:
    """A copy of the image in file to store under name: checked, decoded, re-encoded in its
    own format without metadata, upright (the orientation tag goes with the metadata).

    ImageRefused if it is not accepted, if name's extension says another format, or if it
    cannot be decoded. An animation keeps its first frame.
    """
    image = open_header(file)
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in ACCEPTED_FORMATS[image.format]:
        raise ImageRefused(
            f"文件名（.{extension}）与图片的实际格式（{FORMAT_LABELS[image.format]}）不符，"
            f"请上传 {ACCEPTED_NAMES} 原图。",
            "invalid_image_known_format",
        )
    try:
        image.load()
        pixels = ImageOps.exif_transpose(image)
    except Exception as error:  # Pillow's decoders raise many kinds of error on damage
        raise ImageRefused("图片已损坏，无法读取，请重新导出后上传。", "broken_image") from error
    return SimpleUploadedFile(
        name, reencode(pixels, image.format), content_type=Image.MIME[image.format]
    )


def reencode(image: Image.Image, image_format: str) -> bytes:
    """image's pixels in image_format; of its metadata only the colour profile is kept."""
    options = {}
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    if image_format in ("JPEG", "WEBP"):
        options["quality"] = 90
    # Pillow's writers copy some of info (comments, EXIF, XMP, text) into the new file.
    image.info = {key: value for key, value in image.info.items() if key == "transparency"}
    output = io.BytesIO()
    image.save(output, image_format, **options)
    return output.getvalue()
