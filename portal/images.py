"""Images of content (fields of work, news, events, contact persons, network partners):
the file, its alternative text and "decorative", checked by content, re-encoded without
metadata and stored in the sizes the layout needs.

A model gets an image by inheriting `ImageMixin` and declaring `image_alt = alt_text_field()`
among its translated fields (a parler model: each language has its own description; the
German one is required, another language shows it until it has its own), or by inheriting
`PlainImageMixin`, which has a plain `image_alt`.

Every size is a WebP file under MEDIA_ROOT/images/, made when the image is uploaded:
WebP keeps the transparency of a partner's logo, which JPEG cannot, and is about a third
smaller than JPEG at the same quality; every browser the portal supports shows it. The
field holds the largest size (`<uuid>.webp`), the smaller ones are `<uuid>-<width>.webp`.
Only the view `image` sends them, with names no one can guess, to whoever has the address:
it does not ask whether the entry is published (docs/security.md).
"""

import io
import uuid
from pathlib import PurePosixPath

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from PIL import Image

from portal.translations import SOURCE_LANGUAGE
from portal.uploads import (
    IMAGE_FORMATS,
    decoded_image,
    upright_image,
    validate_file_size,
    with_upload_hint,
)

IMAGE_MAX_BYTES = 10 * 1024 * 1024
# Decoded, an image takes up to four bytes per pixel of a worker's memory while its sizes
# are made: 40 megapixels (a current phone's full resolution) is about 160 MB.
IMAGE_MAX_PIXELS = 40_000_000
# The widths made of every image (never wider than the upload): 320 for a teaser on a
# phone, up to 1280 for a detail page on a large or high-density screen.
IMAGE_WIDTHS = (320, 640, 960, 1280)
# A very tall image is also bounded in height.
IMAGE_MAX_HEIGHT = 2 * IMAGE_WIDTHS[-1]
IMAGE_QUALITY = 80
IMAGE_FOLDER = "images"
# The names the view `image` sends: a generated name and, for the smaller sizes, the width.
IMAGE_NAME = r"[0-9a-f]{32}(?:-[0-9]{1,4})?\.webp"

ALT_REQUIRED = _(
    "Bitte beschreiben Sie, was auf dem Bild zu sehen ist, oder kreuzen Sie „Nur schmückend“ an."
)
# In another language's tab: its own text may stay empty, the German one is shown instead.
GERMAN_ALT_REQUIRED = _(
    "Bitte beschreiben Sie zuerst in der deutschen Fassung, was auf dem Bild zu sehen ist, "
    "oder kreuzen Sie „Nur schmückend“ an. Ohne eigenen Text zeigt diese Sprache den "
    "deutschen."
)


# How wide an image is on the page, by where it appears: the `sizes` that let the browser
# pick the smallest file that is sharp enough, and the class that gives it that width
# (static/css/portal.css).
IMAGE_LAYOUTS = {
    # A detail page: at most 48rem wide, the whole width of a phone's screen.
    "page": ("(min-width: 52rem) 48rem, calc(100vw - 2rem)", "content-image"),
    # A tile of a grid whose columns are 18 to 36rem wide.
    "card": ("(min-width: 40rem) 24rem, calc(100vw - 2rem)", "card-image"),
    # Beside an entry of a list (news, a contact person, a partner).
    "thumbnail": ("10rem", "thumbnail-image"),
    # A partner's logo in a list of names: 3rem high, at most 10rem wide.
    "logo": ("10rem", "logo-image"),
}


@deconstructible
class ImageStorage(FileSystemStorage):
    """MEDIA_ROOT, where each file's address is the view `image` that sends it."""

    def url(self, name):
        return reverse("image", kwargs={"name": PurePosixPath(name).name})


image_storage = ImageStorage()


@with_upload_hint(IMAGE_FORMATS, lambda: IMAGE_MAX_BYTES)
def validate_image(uploaded) -> None:
    """A PNG or JPEG image by its content, of at most `IMAGE_MAX_BYTES` and
    `IMAGE_MAX_PIXELS`; a clear error otherwise (a decompression bomb is refused from its
    header, before any pixel is decoded)."""
    if getattr(uploaded, "_committed", False):
        # A stored image was checked when it was uploaded; its file is not read again.
        return
    validate_file_size(uploaded, IMAGE_MAX_BYTES)
    decoded_image(uploaded, max_pixels=IMAGE_MAX_PIXELS)


def rendition_widths(largest: int) -> list[int]:
    """The widths stored of an image whose largest size is `largest` pixels wide."""
    return [width for width in IMAGE_WIDTHS if width < largest] + [largest]


def rendition_name(name: str, width: int, largest: int) -> str:
    """The stored name of one size: the field's name for the largest, `-<width>` before
    the suffix for the others."""
    if width == largest:
        return name
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{width}{path.suffix}"))


def _webp(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="WEBP", quality=IMAGE_QUALITY)
    return buffer.getvalue()


def renditions(uploaded) -> dict[int, tuple[int, bytes]]:
    """The sizes of an uploaded image as WebP: {width: (height, data)}, made from its
    upright pixels without metadata (portal.uploads.upright_image). Never enlarged."""
    image, _kind = upright_image(uploaded, max_pixels=IMAGE_MAX_PIXELS)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((IMAGE_WIDTHS[-1], IMAGE_MAX_HEIGHT))
    sizes = {}
    for width in rendition_widths(image.width):
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.LANCZOS)
        sizes[width] = (resized.height, _webp(resized))
    return sizes


def delete_image_files(storage, name: str, largest: int | None) -> None:
    """Removes an image's files, each size; a file already gone is no error."""
    widths = rendition_widths(largest) if largest else []
    for file_name in {name, *(rendition_name(name, width, largest) for width in widths)}:
        storage.delete(file_name)


def alt_text_field():
    """The image's alternative text: in a parler model's translations, or plain."""
    return models.CharField(
        _("Alternativtext"),
        max_length=300,
        blank=True,
        help_text=_(
            "Beschreiben Sie in einem Satz, was auf dem Bild zu sehen ist, für Menschen, die "
            "es nicht sehen können, z. B. „Frauen lernen gemeinsam an einem Tisch Deutsch.“ "
            "Nicht nötig, wenn das Bild nur schmückt."
        ),
    )


class ImageMixin(models.Model):
    """An optional image with its sizes; the model declares `image_alt` (see the module)."""

    image = models.FileField(
        _("Bild"),
        upload_to=IMAGE_FOLDER,
        storage=image_storage,
        blank=True,
        validators=[validate_image],
        # The admin adds the types and the largest size (portal.admin.UploadHintsMixin).
        help_text=_(
            "Ein Foto oder eine Grafik. Gespeichert wird eine bereinigte Kopie ohne Angaben "
            "wie Aufnahmeort oder Kamera, in den Größen, die Handy und Bildschirm brauchen."
        ),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_decorative = models.BooleanField(
        _("Nur schmückend"),
        default=False,
        help_text=_(
            "Ankreuzen, wenn das Bild nichts zeigt, was nicht auch im Text steht. "
            "Vorleseprogramme überspringen es dann, ein Alternativtext ist nicht nötig."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "image" in update_fields:
            self._store_image()
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        # Here rather than in clean(): a model's own clean() need not call super().
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        exclude = exclude or ()
        if (
            not {"image", "image_decorative"} & {*errors, *exclude}
            and self.image
            and not self.image_decorative
            and not self._source_alt().strip()
        ):
            language = getattr(self, "get_current_language", lambda: SOURCE_LANGUAGE)()
            message = ALT_REQUIRED if language == SOURCE_LANGUAGE else GERMAN_ALT_REQUIRED
            errors.setdefault("image_alt", []).append(ValidationError(message, code="image_alt"))
        if errors:
            raise ValidationError(errors)

    def _source_alt(self) -> str:
        """The alternative text every image that is not decorative needs: the German one
        of a translated model (as the form being saved has it, or else as stored; one
        query then), which every other language shows until it has its own."""
        if hasattr(self, "safe_translation_getter"):
            return self.safe_translation_getter("image_alt", "", language_code=SOURCE_LANGUAGE)
        return self.image_alt or ""

    def _store_image(self):
        """Makes and stores the sizes of a new upload; removes the files of the image it
        replaces (or that was cleared) once the change is committed."""
        previous = None
        if not self._state.adding:
            previous = (
                type(self)
                ._base_manager.filter(pk=self.pk)
                .values_list("image", "image_width")
                .first()
            )
        if self.image and not self.image._committed:
            sizes = renditions(self.image)
            largest = max(sizes)
            self.image_width, self.image_height = largest, sizes[largest][0]
            self.image.save(f"{uuid.uuid4().hex}.webp", ContentFile(sizes[largest][1]), save=False)
            for width, (_height, data) in sizes.items():
                if width != largest:
                    name = rendition_name(self.image.name, width, largest)
                    self.image.storage.save(name, ContentFile(data))
        elif not self.image:
            self.image_width = self.image_height = None
        if previous and previous[0] and previous[0] != self.image.name:
            storage = self.image.storage
            transaction.on_commit(lambda: delete_image_files(storage, *previous))

    def image_alt_with_language(self) -> tuple[str, str]:
        """The alternative text to show and the language it is written in: the page's
        language where its translation has one, the German source otherwise."""
        language = get_language()
        if hasattr(self, "safe_translation_getter"):
            if not self.is_fallback(language):
                alt = self.safe_translation_getter("image_alt", language_code=language)
                if alt:
                    return alt, language
            german = self.safe_translation_getter("image_alt", "", language_code=SOURCE_LANGUAGE)
            return german, SOURCE_LANGUAGE
        return self.image_alt, SOURCE_LANGUAGE


class PlainImageMixin(ImageMixin):
    """An image whose alternative text is not translated (the model has no translations)."""

    image_alt = alt_text_field()

    class Meta:
        abstract = True


def image_sources(obj, layout: str) -> dict[str, str | int]:
    """The attributes of an `<img>` for an object with `ImageMixin` but its alternative
    text: src, srcset, sizes, class, width and height. Reads no file."""
    largest, name = obj.image_width, obj.image.name
    urls = {
        width: image_storage.url(rendition_name(name, width, largest))
        for width in rendition_widths(largest)
    }
    sizes, css_class = IMAGE_LAYOUTS[layout]
    return {
        "src": urls[largest],
        "srcset": ", ".join(f"{url} {width}w" for width, url in urls.items()),
        "sizes": sizes,
        "class": css_class,
        "width": largest,
        "height": obj.image_height,
    }


@require_safe
def image(request, name):
    """One size of an image, for a page's `<img>`; a name is never reused for other content."""
    try:
        handle = image_storage.open(f"{IMAGE_FOLDER}/{name}", "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="image/webp")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def _remove_files(sender, instance, **kwargs):
    if instance.image:
        args = (instance.image.storage, instance.image.name, instance.image_width)
        transaction.on_commit(lambda: delete_image_files(*args))


def connect_file_removal() -> None:
    """Removes an image's files when its record is deleted, once the deletion is committed.

    A signal rather than a delete() method: a cascade and the admin's bulk deletion do not
    call delete(). Connected per model with an image, so every other model keeps Django's
    fast deletion without a signal.
    """
    for model in apps.get_models():
        if issubclass(model, ImageMixin):
            post_delete.connect(
                _remove_files, sender=model, dispatch_uid=f"images:{model._meta.label}"
            )
