"""Addresses (slugs) made from German titles: "Übergänge für Ältere" becomes
"uebergaenge-fuer-aeltere", as German speakers write the letters without umlauts, not
"ubergange-fur-altere" as Django's slugify and the admin's JavaScript would.

The admin fills an empty address in from the German title when saving (so it works
without JavaScript; static/js/german-slugs.js does the same while typing) and reports an
address another entry has, with a free one to use instead.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)


def german_slugify(text: str, max_length: int | None = None) -> str:
    """Lower-case letters, digits and hyphens; umlauts and ß written out."""
    return slugify(text.translate(GERMAN_LETTERS))[:max_length].strip("-")


def free_slug(model, base: str, *, max_length: int, exclude_pk=None) -> str:
    """`base`, or `base-2`, `base-3`, … : the first no other entry of `model` has.

    One query per address tried."""
    taken = model._default_manager.exclude(pk=exclude_pk) if exclude_pk else model._default_manager
    slug, number = base, 1
    while taken.filter(slug=slug).exists():
        number += 1
        suffix = f"-{number}"
        slug = base[: max_length - len(suffix)].rstrip("-") + suffix
    return slug


class GermanSlugFormMixin(forms.ModelForm):
    """An empty address is made from the title; one another entry has is refused with a
    suggestion. `slug_source` names the title's field (GermanSlugAdminMixin sets it)."""

    slug_source = "title"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        cleaned_data = super().clean()
        if "slug" not in self.fields or self.has_error("slug"):
            return cleaned_data
        model = self._meta.model
        max_length = model._meta.get_field("slug").max_length
        slug = cleaned_data.get("slug")
        if not slug:
            title = self.german_title(cleaned_data.get(self.slug_source) or "")
            if title:
                base = german_slugify(title, max_length) or model._meta.model_name
                cleaned_data["slug"] = free_slug(
                    model, base, max_length=max_length, exclude_pk=self.instance.pk
                )
        elif model._default_manager.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            self.add_error(
                "slug",
                ValidationError(
                    _(
                        "Diese Adresse hat schon ein anderer Eintrag. Frei wäre zum Beispiel "
                        "„%(free)s“."
                    ),
                    code="unique",
                    params={
                        "free": free_slug(
                            model, slug, max_length=max_length, exclude_pk=self.instance.pk
                        )
                    },
                ),
            )
        return cleaned_data

    def german_title(self, title: str) -> str:
        """The title in the German form; while another language is edited, the German
        translation's title (when there is one)."""
        language = getattr(self, "language_code", settings.LANGUAGE_CODE)
        if language == settings.LANGUAGE_CODE or not self.instance.pk:
            return title
        german = self.instance.safe_translation_getter(
            self.slug_source, language_code=settings.LANGUAGE_CODE
        )
        return german or title


class GermanSlugAdminMixin:
    """For a model admin with a `slug` field: filled in from `slug_source` while typing
    (German letters written out) and on saving when left empty; a taken one is refused
    with a free one suggested. Put it left of the ModelAdmin class."""

    slug_source = "title"

    def get_prepopulated_fields(self, request, obj=None):
        # Also parler's way: `prepopulated_fields` cannot name a translated field.
        return {"slug": [self.slug_source]}

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form)(
            form.__name__, (GermanSlugFormMixin, form), {"slug_source": self.slug_source}
        )

    @property
    def media(self):
        # After Django's urlify.js, whose URLify it wraps.
        return super().media + forms.Media(js=["admin/js/urlify.js", "js/german-slugs.js"])
