"""Checks shared by every upload: the content decides, not the file name."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


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
