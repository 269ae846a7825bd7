"""Image files for upload tests: ordinary ones, and the kinds a server must not trust."""

import io
import struct

from PIL import Image

# A resident's position (九江, 29°42'N 116°0'E) as a phone writes it into a photo.
GPS_LATITUDE = (29.0, 42.0, 5.0)


def image_bytes(size=(40, 30), fmt="PNG", mode="RGB", color=0, **options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=fmt, **options)
    return buffer.getvalue()


def many_pixels_png(width: int, height: int) -> bytes:
    """A PNG of width × height black pixels: a few kilobytes that decode to a huge image."""
    return image_bytes((width, height), mode="1")


def animation(fmt: str, size: tuple[int, int], frames: int) -> bytes:
    pictures = [Image.new("RGB", size, ((n * 37) % 256, (n * 91) % 256, 0)) for n in range(frames)]
    buffer = io.BytesIO()
    pictures[0].save(buffer, format=fmt, save_all=True, append_images=pictures[1:])
    return buffer.getvalue()


def psd_bytes(width: int = 4, height: int = 4) -> bytes:
    """A minimal Photoshop file (Pillow reads PSD, so Django's ImageField accepts it)."""
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, height, width, 8, 3)
    return header + struct.pack(">IIIH", 0, 0, 0, 0) + bytes(3 * width * height)


def phone_photo(size=(40, 20)) -> bytes:
    """A JPEG as a phone takes it: rotated by its orientation tag, with GPS, XMP and a comment."""
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90° clockwise to show
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", GPS_LATITUDE
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">GPSLatitude 29,42.08N</x:xmpmeta>'
    return image_bytes(
        size, "JPEG", color=(200, 30, 30), exif=exif, xmp=xmp, comment=b"home address"
    )
