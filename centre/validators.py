"""Upload checks for the centre's logo and its sign-language videos."""

import datetime
import struct
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.uploads import (
    IMAGE_FORMATS,
    decoded_image,
    read_head,
    reencoded_image,
    validate_file_size,
    with_upload_hint,
)

LOGO_MAX_BYTES = 1024 * 1024
VIDEO_SUFFIX = ".mp4"
# Decoded, a logo takes up to four bytes per pixel of a worker's memory: 25 megapixels
# (5000 by 5000) is more than any print original, about 100 MB while it is checked.
LOGO_MAX_PIXELS = 25_000_000
# The header shows the logo a few dozen pixels high; the stored copy is at most this wide
# and high, sharp on any screen and small to send with every first visit.
LOGO_MAX_SIDE = 1024


@with_upload_hint(IMAGE_FORMATS, lambda: LOGO_MAX_BYTES)
def validate_logo(uploaded) -> None:
    """A PNG or JPEG image by its content, of bounded size and pixel count; SVG is
    refused (it is a document that can carry scripts)."""
    validate_file_size(uploaded, LOGO_MAX_BYTES)
    decoded_image(uploaded, max_pixels=LOGO_MAX_PIXELS)


def sanitised_logo(uploaded):
    """What is stored of an uploaded logo: its pixels re-encoded without metadata, under a
    generated name (portal.uploads.reencoded_image)."""
    return reencoded_image(uploaded, max_pixels=LOGO_MAX_PIXELS, max_side=LOGO_MAX_SIDE)


def iter_boxes(handle, start: int, end: int):
    """The ISO base media boxes between start and end: (type, payload start, payload end)."""
    position = start
    while position + 8 <= end:
        handle.seek(position)
        size, kind = struct.unpack(">I4s", handle.read(8))
        header = 8
        if size == 1:
            (size,) = struct.unpack(">Q", handle.read(8))
            header = 16
        elif size == 0:
            size = end - position
        if size < header or position + size > end:
            return
        yield kind, position + header, position + size
        position += size


def mp4_duration(uploaded) -> datetime.timedelta | None:
    """The duration from an MP4 file's movie header, or None when it has none."""
    position = uploaded.tell()
    try:
        end = uploaded.size
        for kind, start, stop in iter_boxes(uploaded, 0, end):
            if kind != b"moov":
                continue
            for inner, payload, _stop in iter_boxes(uploaded, start, stop):
                if inner != b"mvhd":
                    continue
                uploaded.seek(payload)
                version = uploaded.read(1)[0]
                if version == 1:
                    uploaded.seek(payload + 20)
                    timescale, duration = struct.unpack(">IQ", uploaded.read(12))
                else:
                    uploaded.seek(payload + 12)
                    timescale, duration = struct.unpack(">II", uploaded.read(8))
                if not timescale:
                    return None
                return datetime.timedelta(seconds=round(duration / timescale))
        return None
    except (struct.error, IndexError):
        return None
    finally:
        uploaded.seek(position)


# The boxes an MP4 file consists of (ISO/IEC 14496-12 and the QuickTime "wide"). A file
# is accepted only when they fill it to its last byte: data behind the video (an HTML
# page, a script) is refused.
MP4_TOP_LEVEL_BOXES = {
    *(b"ftyp", b"styp", b"pdin", b"moov", b"moof", b"mfra", b"mdat", b"meta", b"meco"),
    *(b"free", b"skip", b"wide", b"uuid", b"sidx", b"ssix", b"prft", b"emsg"),
}
# Real videos have a handful of top-level boxes, fragmented ones a few thousand.
MP4_MAX_BOXES = 100_000


def mp4_is_complete(uploaded) -> bool:
    """Whether the file is a sequence of MP4 boxes from its first to its last byte.

    Reads 8 to 16 bytes per top-level box and never more than `MP4_MAX_BOXES` boxes.
    """
    position = uploaded.tell()
    try:
        end, reached = uploaded.size, 0
        for count, (kind, _start, stop) in enumerate(iter_boxes(uploaded, 0, end)):
            if kind not in MP4_TOP_LEVEL_BOXES or count >= MP4_MAX_BOXES:
                return False
            reached = stop
        return reached == end
    except struct.error:
        return False
    finally:
        uploaded.seek(position)


@with_upload_hint([VIDEO_SUFFIX[1:].upper()], lambda: settings.VIDEO_MAX_BYTES)
def validate_video(uploaded) -> None:
    if Path(uploaded.name).suffix.lower() != VIDEO_SUFFIX:
        raise ValidationError(_("Bitte laden Sie das Video als MP4-Datei hoch."), code="file_type")
    validate_file_size(uploaded, settings.VIDEO_MAX_BYTES)
    if (
        read_head(uploaded, 8)[4:8] != b"ftyp"
        or not mp4_is_complete(uploaded)
        or mp4_duration(uploaded) is None
    ):
        raise ValidationError(
            _("Die Datei ist kein vollständiges MP4-Video. Bitte exportieren Sie es erneut."),
            code="file_content",
        )
