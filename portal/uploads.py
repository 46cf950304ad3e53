"""Checks shared by every upload: the content decides, not the file name, and no check
reads or unpacks more than a bound, whatever the file claims about itself."""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# The image formats accepted, and the extension a stored copy gets. GIF, WebP, SVG (a
# document that can carry scripts), TIFF and the rest are refused.
IMAGE_FORMATS = {"PNG": ".png", "JPEG": ".jpg"}
# What Pillow may raise for a file that is damaged or not what its header says.
UNREADABLE_IMAGE = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError)
# The only part of an image's metadata a stored copy keeps: which palette entry is
# transparent. EXIF (camera, place, date), XMP, ICC profiles and text chunks are dropped.
KEPT_IMAGE_INFO = ("transparency",)


def upload_hint(kinds, limit: int) -> str:
    """What an upload field accepts, shown beside it before anything is uploaded; made from
    the constants its check uses (see `with_upload_hint`)."""
    return _("Erlaubt: %(kinds)s, höchstens %(limit)s.") % {
        "kinds": ", ".join(kinds),
        "limit": filesizeformat(limit),
    }


def with_upload_hint(kinds, limit):
    """Marks an upload check with what it accepts: `kinds` (names of the formats) and
    `limit` (a callable returning the largest size in bytes, read when shown, so a
    changed setting shows). portal.admin.UploadHintsMixin shows it beside the field."""

    def mark(validator):
        validator.upload_hint = lambda: upload_hint(kinds, limit())
        return validator

    return mark


def validate_file_size(uploaded, limit: int) -> None:
    if uploaded.size > limit:
        raise ValidationError(
            _("Die Datei ist %(size)s groß; erlaubt sind höchstens %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="file_size",
        )


def read_head(uploaded, length: int) -> bytes:
    """The first bytes of an upload; the file position is restored so it can still be saved."""
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    try:
        uploaded.seek(0)
        return uploaded.read(length)
    finally:
        uploaded.seek(position)


def read_tail(uploaded, length: int) -> bytes:
    """The last bytes of an upload; the file position is restored."""
    position = uploaded.tell()
    try:
        uploaded.seek(max(0, uploaded.size - length))
        return uploaded.read(length)
    finally:
        uploaded.seek(position)


def _too_many_pixels(max_pixels: int) -> ValidationError:
    return ValidationError(
        _(
            "Das Bild hat zu viele Bildpunkte: erlaubt sind höchstens %(megapixels)s Megapixel. "
            "Bitte verkleinern Sie es und laden Sie es erneut hoch."
        )
        % {"megapixels": max_pixels // 1_000_000},
        code="image_pixels",
    )


def decoded_image(uploaded, *, max_pixels: int) -> Image.Image:
    """The upload decoded by Pillow, when it is a PNG or JPEG image of at most
    `max_pixels` pixels; a ValidationError otherwise.

    The pixel count is checked from the header before any pixel is decoded, so a small
    file that would unpack to gigabytes (a decompression bomb) costs nothing. Decoding an
    accepted image takes up to four bytes per pixel of memory. The file position is
    restored.
    """
    position = uploaded.tell()
    try:
        uploaded.seek(0)
        with warnings.catch_warnings():
            # Pillow warns above its own limit and raises above twice that.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                image = Image.open(uploaded, formats=list(IMAGE_FORMATS))
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise _too_many_pixels(max_pixels) from None
            except UNREADABLE_IMAGE:
                raise ValidationError(
                    _("Bitte laden Sie ein Bild im Format PNG oder JPEG hoch."),
                    code="file_type",
                ) from None
            if image.width * image.height > max_pixels:
                raise _too_many_pixels(max_pixels)
            try:
                image.load()
            except UNREADABLE_IMAGE:
                raise ValidationError(
                    _(
                        "Das Bild ist beschädigt oder unvollständig. Bitte speichern Sie es "
                        "erneut und laden Sie es noch einmal hoch."
                    ),
                    code="file_content",
                ) from None
        return image
    finally:
        uploaded.seek(position)


def upright_image(uploaded, *, max_pixels: int) -> tuple[Image.Image, str]:
    """The pixels of an uploaded image (checked by `decoded_image`) and its format, turned
    upright as the camera noted and without any metadata: EXIF (camera, place, date), XMP,
    ICC profiles and text chunks are dropped, only `KEPT_IMAGE_INFO` stays."""
    image = decoded_image(uploaded, max_pixels=max_pixels)
    kind = image.format
    image = ImageOps.exif_transpose(image)
    image.info = {key: image.info[key] for key in KEPT_IMAGE_INFO if key in image.info}
    return image, kind


def reencoded_image(uploaded, *, max_pixels: int, max_side: int) -> ContentFile:
    """A fresh copy of an uploaded image, to store instead of the upload.

    Only the pixels are carried over (`upright_image`), scaled down to at most `max_side`
    pixels per side, saved in the format the content has (whatever the name said). Whatever
    else the file held (appended script or HTML, EXIF with the place a photo was taken,
    further frames) is gone. The name is generated: the uploaded name is neither trusted
    nor kept.
    """
    image, kind = upright_image(uploaded, max_pixels=max_pixels)
    image.thumbnail((max_side, max_side))
    if kind == "JPEG" and image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    elif image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
        image = image.convert("RGBA")
    buffer = io.BytesIO()
    image.save(buffer, format=kind, **({"quality": 90} if kind == "JPEG" else {}))
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}{IMAGE_FORMATS[kind]}")
