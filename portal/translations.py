"""Translation status: is an object's translation missing, outdated or up to date?

German is the source language. Every translation row carries `source_changed_at`: on the
German row, when its content last changed; on another language's row, the German row's
value at the time that translation was saved. A translation is outdated when its value is
older than the German one. `TranslatableModel.save_translation` keeps the stamps, so every
way of saving (the admin, the demo content, a shell) follows the same rule. Rows stored
before the stamp existed have none on either side and count as up to date, until the
German text changes: so no migration has to invent a date for them.

An object's parts count towards its status: the translatable objects with a foreign key to
it and no admin of their own, which an inline edits on its page (a field of work's offers,
an information page's sections and key figures, a location's closures). The object is
outdated in a language when its own translation is, or when a part's translation is
outdated or missing while the part has German text: the translated page then lacks what
the German one says. It is missing only when its own translation is missing, because the
public page then shows its text in German and says so; with only a part untranslated it
shows its own text translated and that part in German, so "outdated" with its link to the
German original is what the reader and the editor need to know.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from parler import models as parler_models

SOURCE_LANGUAGE = settings.LANGUAGE_CODE


class Status(StrEnum):
    MISSING = "missing"
    OUTDATED = "outdated"
    CURRENT = "current"

    @property
    def label(self):
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.MISSING: _("fehlt"),
    Status.OUTDATED: _("veraltet"),
    Status.CURRENT: _("aktuell"),
}


def target_languages() -> list[tuple[str, str]]:
    """The languages translated from German, as (code, name) pairs of `settings.LANGUAGES`."""
    return [(code, name) for code, name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


class TranslatedFields(parler_models.TranslatedFields):
    """parler's `TranslatedFields` with the stamp `source_changed_at` every status needs."""

    def __init__(self, meta=None, **fields):
        super().__init__(
            meta=meta,
            source_changed_at=models.DateTimeField(
                _("deutscher Text geändert am"), null=True, editable=False
            ),
            **fields,
        )


class TranslatableModel(parler_models.TranslatableModel):
    """The base of every translatable model of the portal: stamps the translation status.

    A form sets two flags before `save()`: `minor_change` (a German edit that fixes a typo
    leaves the translations up to date) and `confirm_translation` (the editor saved the
    translation in the current language, so it is up to date even when unchanged).
    """

    minor_change = False
    confirm_translation = False

    class Meta:
        abstract = True

    def save_translation(self, translation, *args, **kwargs):
        if translation.language_code == SOURCE_LANGUAGE:
            if translation.pk is None or (content_changed(translation) and not self.minor_change):
                translation.source_changed_at = timezone.now()
        elif (
            translation.pk is None
            or translation.is_modified
            or (self.confirm_translation and translation.language_code == self.language_code)
        ):
            source = self._saved_source_translation(*args, **kwargs)
            translation.source_changed_at = source.source_changed_at if source else None
        super().save_translation(translation, *args, **kwargs)

    def _saved_source_translation(self, *args, **kwargs):
        """The German row, saved first when it changed in the same `save()`, so that a
        translation saved together with its source counts as up to date."""
        try:
            source = self._get_translated_model(SOURCE_LANGUAGE)
        except parler_models.TranslationDoesNotExist:
            return None
        if source.pk is None or source.is_modified:
            self.save_translation(source, *args, **kwargs)
        return source

    def is_fallback(self, language_code=None) -> bool:
        """Whether the object's text is shown in German in `language_code` (the active
        language by default) because it has no translation there: the one test behind every
        `lang="de"` on fallback text, the hreflang alternates and the sitemap.

        Reads the prefetched translations (`prefetch_related("translations")`) without a
        query; without them parler asks its cache and then the database.
        """
        language_code = language_code or get_language()
        if language_code == SOURCE_LANGUAGE:
            return False
        prefetched = getattr(self, "_prefetched_objects_cache", {})
        if self._parler_meta.root_rel_name in prefetched:
            # parler's own reading of the prefetch also fills its per-object cache, so the
            # text shown next is read from there, not from the shared cache (Redis).
            return language_code not in self._read_prefetched_translations()
        return not self.has_translation(language_code)

    def translated_languages(self) -> set[str]:
        """The languages the object has its text in. Free when the translations were
        prefetched, else one query."""
        return set(self._translation_stamps())

    def translation_status(self, language_code) -> Status:
        """The status of one language, its parts' included: read from the prefetched
        translations if there are any (`status_prefetches`), else with a query for the
        translations and one per kind of part and its translations."""
        stamps = self._translation_stamps()
        if language_code not in stamps:
            return Status.MISSING
        if is_outdated(stamps[language_code], stamps.get(SOURCE_LANGUAGE)) or any(
            part._lags_behind(language_code)
            for relation in translatable_parts(type(self))
            for part in getattr(self, relation.get_accessor_name()).all()
        ):
            return Status.OUTDATED
        return Status.CURRENT

    def _translation_stamps(self) -> dict:
        rows = getattr(self, self._parler_meta.root_rel_name).all()
        return {row.language_code: row.source_changed_at for row in rows}

    def _lags_behind(self, language_code) -> bool:
        """As a part: outdated, or untranslated while it has German text."""
        status = self.translation_status(language_code)
        return status == Status.OUTDATED or (
            status == Status.MISSING and SOURCE_LANGUAGE in self._translation_stamps()
        )


def content_changed(translation) -> bool:
    """parler's `is_modified`, blind to line endings: a browser sends the lines of a
    textarea ending in CR LF, so a German text saved unchanged in the admin would
    otherwise outdate its translations."""

    def normalised(values):
        return [v.replace("\r\n", "\n") if isinstance(v, str) else v for v in values]

    return normalised(translation._original_values) != normalised(translation._get_field_values())


def is_outdated(stamp, source_stamp) -> bool:
    return source_stamp is not None and (stamp is None or stamp < source_stamp)


def translatable_parts(model) -> list:
    """The reverse foreign keys to `model` from translatable models without an admin of
    their own: the parts an inline edits on the object's page, whose translations count
    towards the object's status."""
    from django.contrib import admin

    return [
        relation
        for relation in model._meta.related_objects
        if relation.one_to_many
        and issubclass(relation.related_model, TranslatableModel)
        and not admin.site.is_registered(relation.related_model)
    ]


def status_prefetches(model, prefix="") -> list[str]:
    """The `prefetch_related` lookups that let `translation_status` run without a query."""
    lookups = [f"{prefix}{model._parler_meta.root_rel_name}"]
    for relation in translatable_parts(model):
        lookups += status_prefetches(
            relation.related_model, f"{prefix}{relation.get_accessor_name()}__"
        )
    return lookups


def missing(model, language_code) -> Q:
    """The condition for objects of `model` without a translation into `language_code`."""
    return ~Q(Exists(_rows(model, language_code)))


def outdated(model, language_code) -> Q:
    """The condition for objects of `model` whose translation into `language_code` is older
    than its German text, or that has a part lagging behind (see the module's docstring)."""
    condition = Q(Exists(_stale_rows(model, language_code)))
    parts_behind = Q()
    for relation in translatable_parts(model):
        part = relation.related_model
        untranslated = missing(part, language_code) & Q(Exists(_rows(part, SOURCE_LANGUAGE)))
        parts_behind |= Q(
            Exists(
                part._default_manager.filter(
                    Q(**{relation.field.name: OuterRef("pk")}),
                    outdated(part, language_code) | untranslated,
                )
            )
        )
    if parts_behind:
        condition |= Q(Exists(_rows(model, language_code))) & parts_behind
    return condition


def _stale_rows(model, language_code):
    source_stamp = _rows(model, SOURCE_LANGUAGE, master=OuterRef("master")).values(
        "source_changed_at"
    )[:1]
    return (
        _rows(model, language_code)
        .annotate(source_stamp=Subquery(source_stamp))
        .filter(
            Q(source_changed_at__lt=models.F("source_stamp"))
            | Q(source_changed_at__isnull=True, source_stamp__isnull=False)
        )
    )


def _rows(model, language_code, master=None):
    translation_model = model._parler_meta.root_model
    return translation_model.objects.filter(
        master=master if master is not None else OuterRef("pk"), language_code=language_code
    )


@dataclass(frozen=True)
class Need:
    """What one model needs translated into one language, for the admin's start page."""

    model: type
    language_code: str
    language_name: str
    missing: int
    outdated: int
    url: str  # the change list of what is missing or outdated
    missing_url: str
    outdated_url: str


def needing_translation(user=None) -> list[Need]:
    """Per non-German language and translatable model with an admin change list: how many
    objects lack a translation or have an outdated one, and the change list filtered to them.

    Given a `user`, only the models they may change. One query per model (all languages
    are counted together), besides the user's permissions, which Django loads once per
    request; models nothing needs translating in are left out.
    """
    from django.contrib import admin
    from django.contrib.auth import get_permission_codename

    from portal.translation_admin import changelist_url

    languages = target_languages()
    counts_per_model = []
    for model in admin.site._registry:
        if not issubclass(model, TranslatableModel):
            continue
        opts = model._meta
        if user is not None and not user.has_perm(
            f"{opts.app_label}.{get_permission_codename('change', opts)}"
        ):
            continue
        aggregates = {}
        for code, _name in languages:
            aggregates[f"{code}_missing"] = Count("pk", filter=missing(model, code))
            aggregates[f"{code}_outdated"] = Count("pk", filter=outdated(model, code))
        counts_per_model.append((model, model._default_manager.aggregate(**aggregates)))
    needs = []
    for code, name in languages:
        for model, counts in counts_per_model:
            if not (counts[f"{code}_missing"] or counts[f"{code}_outdated"]):
                continue
            needs.append(
                Need(
                    model=model,
                    language_code=code,
                    language_name=str(name),
                    missing=counts[f"{code}_missing"],
                    outdated=counts[f"{code}_outdated"],
                    url=changelist_url(model, code),
                    missing_url=changelist_url(model, code, Status.MISSING),
                    outdated_url=changelist_url(model, code, Status.OUTDATED),
                )
            )
    return needs
