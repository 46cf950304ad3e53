"""Upload checks for the centre's logo and its sign-language videos."""

import datetime
import struct
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.uploads import read_head, validate_file_size

# The image formats every browser shows, recognised by their first bytes.
LOGO_SIGNATURES = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}
LOGO_MAX_BYTES = 1024 * 1024


def validate_logo(uploaded) -> None:
    suffix = Path(uploaded.name).suffix.lower()
    signature = LOGO_SIGNATURES.get(suffix)
    if signature is None:
        raise ValidationError(
            _("Bitte laden Sie das Logo als PNG- oder JPEG-Datei hoch."), code="file_type"
        )
    validate_file_size(uploaded, LOGO_MAX_BYTES)
    if not read_head(uploaded, len(signature)).startswith(signature):
        raise ValidationError(
            _("Der Inhalt der Datei ist kein PNG- oder JPEG-Bild."), code="file_content"
        )


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


def validate_video(uploaded) -> None:
    if Path(uploaded.name).suffix.lower() != ".mp4":
        raise ValidationError(_("Bitte laden Sie das Video als MP4-Datei hoch."), code="file_type")
    validate_file_size(uploaded, settings.VIDEO_MAX_BYTES)
    if read_head(uploaded, 8)[4:8] != b"ftyp" or mp4_duration(uploaded) is None:
        raise ValidationError(
            _("Die Datei ist kein vollständiges MP4-Video. Bitte exportieren Sie es erneut."),
            code="file_content",
        )
