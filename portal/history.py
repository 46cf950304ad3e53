"""History with undo in the admin: who changed what and when, and "restore this version".

Built on django-reversion (docs/architecture.md says why). A model admin takes
`HistoryAdminMixin` into its bases; that registers its model with reversion, together
with its parler translations and the inlines staff edit on its page, so one save in the
admin is one revision holding the object, its translations and its inlines. What the
portal writes itself (read-only inlines such as the decision log) is not followed: a
restore must never delete or rewrite a log.

Models with encrypted fields (`portal.encryption`) are refused: a version is stored as
clear JSON, and counselling data must never be copied into it.
"""

import datetime
import html
import re
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.admin.utils import flatten_fieldsets, model_format_dict, quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.cache import cache
from django.core.exceptions import (
    ImproperlyConfigured,
    PermissionDenied,
    ValidationError,
)
from django.db import IntegrityError, connections, models, router, transaction
from django.db.models.deletion import Collector, ProtectedError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html, strip_tags
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext, gettext_lazy
from parler.cache import get_translation_cache_key
from parler.models import TranslatedFieldsModel
from reversion import revisions
from reversion.admin import VersionAdmin
from reversion.errors import RegistrationError, RevertError
from reversion.models import Revision, Version

# reversion's own helpers for the objects a registered model follows and its options: the
# restore below reverts only the part of a revision that belongs to one object.
from reversion.revisions import _follow_relations_recursive, _get_options

from portal.admin import ReadOnlyAdminMixin
from portal.encryption import EncryptedMixin
from portal.images import ImageMixin
from portal.richtext import RichTextField

EMPTY = "–"
# An image's files are deleted when it is replaced or its entry deleted: a restore keeps
# the image an entry has now (a recovered entry comes back without one).
IMAGE_FIELDS = {"image", "image_width", "image_height", "image_decorative"}
# Block elements of rich text that end a line when it is shown as text.
BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def register(model, *, follow=()):
    """Registers `model` and its parler translations with reversion; refuses encrypted fields."""
    encrypted = [field.name for field in model._meta.fields if isinstance(field, EncryptedMixin)]
    if encrypted:
        raise ImproperlyConfigured(
            f"{model._meta.label} has encrypted fields ({', '.join(encrypted)}): its history "
            "would store them in clear text."
        )
    follow = tuple(follow)
    for meta in getattr(model, "_parler_meta", None) or ():
        if not revisions.is_registered(meta.model):
            register(meta.model)
        follow += (meta.rel_name,)
    revisions.register(model, follow=follow)


def record(obj, *, user, comment: str) -> None:
    """Records the object as it is now, for a workflow outside the change form (a change
    request taken over): the next edit's diff then shows only that edit."""
    with revisions.create_revision():
        revisions.set_user(user)
        revisions.set_comment(comment)
        revisions.add_to_revision(obj)


def record_initial_versions(*, comment: str) -> int:
    """Gives every object of a model with history that has no version yet its first one,
    so the first edit has something to compare with and to go back to; returns how many.

    One revision per object, with its translations and inlines. Hits the database a few
    times per object: meant for loading content, not for a request.
    """
    created = 0
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, HistoryAdminMixin):
            continue
        versioned = Version.objects.get_for_model(model).values_list("object_id", flat=True)
        for obj in model._base_manager.exclude(pk__in=_as_pks(model, versioned)):
            with revisions.create_revision():
                revisions.set_comment(comment)
                revisions.add_to_revision(obj)
            created += 1
    return created


def forget(model, pks) -> None:
    """Erases the history of the objects of `model` with these primary keys: every
    revision that holds one of them, with all its versions (translations and inlines
    too). For records whose personal data is erased."""
    versions = Version.objects.get_for_model(model).filter(object_id__in=[str(pk) for pk in pks])
    Revision.objects.filter(version__in=versions).delete()


def prune(*, deleted_before, older_than) -> tuple[int, int]:
    """Deletes the history of objects deleted before `deleted_before` (with their
    translations and inlines) and every revision saved before `older_than` that is no
    object's latest; returns how many versions each deleted. An object was deleted when
    the admin logged its deletion, or else after its latest version."""
    history_models = [
        model
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, HistoryAdminMixin)
    ]
    gone = set()
    for model in history_models:
        content_type = ContentType.objects.get_for_model(model)
        deletions = dict(
            LogEntry.objects.filter(content_type=content_type, action_flag=DELETION)
            .values_list("object_id")
            .annotate(deleted=models.Max("action_time"))
        )
        for latest in Version.objects.get_deleted(model).select_related("revision"):
            deleted = max(
                latest.revision.date_created,
                deletions.get(latest.object_id, latest.revision.date_created),
            )
            if deleted >= deleted_before:
                continue
            versions = Version.objects.get_for_object_reference(model, latest.object_id)
            for version in versions.prefetch_related("revision__version_set"):
                gone.add(version.pk)
                snapshot = Snapshot(model, latest.object_id, version.revision.version_set.all())
                gone.update(member.pk for member in snapshot.versions)
    deleted_objects, _ = Version.objects.filter(pk__in=gone).delete()
    latest_revisions = (
        Version.objects.filter(
            content_type__in=ContentType.objects.get_for_models(*history_models).values()
        )
        .values("content_type", "object_id")
        .annotate(latest=models.Max("revision"))
        .values("latest")
    )
    old = Version.objects.filter(revision__date_created__lt=older_than).exclude(
        revision__in=latest_revisions
    )
    deleted_old, _ = old.delete()
    Revision.objects.filter(version__isnull=True).delete()
    return deleted_objects, deleted_old


def _as_pks(model, object_ids):
    """Version object ids (text) as the model's primary key values."""
    to_python = model._meta.pk.to_python
    return [to_python(object_id) for object_id in object_ids]


@dataclass
class Change:
    label: str
    old: str
    new: str


class Snapshot:
    """What one object, its translations and its inlines held in one revision (or now):
    a row per field, with a German label and the value as an editor reads it."""

    def __init__(self, model, object_id, versions, *, hidden=frozenset()):
        self.model = model
        self.object_id = str(object_id)
        # Fields of the object itself that staff cannot edit: neither shown nor restored.
        self.hidden = hidden
        self.versions = self._belonging([version for version in versions if _loads(version)])

    def _belonging(self, versions):
        """The versions of the object and of what it follows, in the order they can be
        saved back (an inline before its translations). A revision may hold several
        objects (an order changed in the list saves many at once)."""
        found = [
            version
            for version in versions
            if version._model is self.model and version.object_id == self.object_id
        ]
        members = {(self.model, self.object_id)}
        # The key that ties an inline to its object says nothing an editor changed.
        self.links = set()
        level = found
        while level:
            children = []
            for parent in level:
                for name in _get_options(parent._model).follow:
                    relation = parent._model._meta.get_field(name)
                    if not relation.one_to_many:
                        continue
                    child_model, attname = relation.related_model, relation.field.attname
                    self.links.add((child_model, relation.field.name))
                    for version in versions:
                        key = (version._model, version.object_id)
                        if (
                            version._model is child_model
                            and key not in members
                            and str(version.field_dict[attname]) == parent.object_id
                        ):
                            members.add(key)
                            children.append(version)
            found += children
            level = children
        return found

    @property
    def readable(self) -> bool:
        """Whether the object's own version can be read: only then can it be restored."""
        return bool(self.versions)

    def rows(self, names) -> dict:
        """{key: (label, value)} of every field an editor sets, in reading order."""
        labels = {
            (version._model, version.object_id): version.object_repr for version in self.versions
        }
        rows = {}
        for version in self.versions:
            model, data = version._model, version.field_dict
            language = None
            owner = (model, version.object_id)
            if issubclass(model, TranslatedFieldsModel):
                language = data["language_code"]
                owner = (model._meta.get_field("master").related_model, str(data["master_id"]))
            prefix = ""
            if owner != (self.model, self.object_id):
                prefix = f"{capfirst(owner[0]._meta.verbose_name)} „{labels.get(owner, '')}“: "
            suffix = f" ({language_name(language)})" if language else ""
            for field in self._fields(model):
                key = (owner, language, field.name)
                value = data.get(field.attname)
                rows[key] = (
                    f"{prefix}{capfirst(field.verbose_name)}{suffix}",
                    shown(field, value, names),
                )
        return rows

    def _fields(self, model):
        return [
            field
            for field in _shown_fields(model)
            if (model, field.name) not in self.links
            and not (model is self.model and field.name in self.hidden)
        ]

    def related(self):
        """(model, pk) of every object a foreign key or list of choices points to."""
        wanted = set()
        for version in self.versions:
            data = version.field_dict
            for field in self._fields(version._model):
                value = data.get(field.attname)
                if field.many_to_many:
                    wanted.update((field.related_model, pk) for pk in value or ())
                elif field.many_to_one and value is not None:
                    wanted.add((field.related_model, value))
        return wanted


def _loads(version) -> bool:
    """Whether a stored version can still be read: one of a model no longer recorded, or
    written before a change of its fields that it cannot follow, is left out."""
    try:
        return isinstance(version.field_dict, dict)
    except (RevertError, RegistrationError):
        return False


def _shown_fields(model):
    """The fields an editor sets: no key, no language code, nothing the portal computes."""
    fields = _get_options(model).fields
    shown_fields = []
    for name in fields:
        field = model._meta.get_field(name)
        if field.primary_key or not field.editable or name in {"master", "language_code"}:
            continue
        shown_fields.append(field)
    return shown_fields


def language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def names_of(wanted) -> dict:
    """{(model, pk): name} for the objects foreign keys point to; one query per model.
    A deleted object is named by its number."""
    by_model = {}
    for model, pk in wanted:
        by_model.setdefault(model, set()).add(pk)
    names = {}
    for model, pks in by_model.items():
        queryset = model._base_manager.filter(pk__in=pks)
        if hasattr(model, "_parler_meta"):
            queryset = queryset.prefetch_related("translations")
        for obj in queryset:
            names[(model, obj.pk)] = str(obj)
    return names


def shown(field, value, names) -> str:
    """A stored value as an editor reads it: names instead of numbers, text instead of HTML."""
    if value in (None, "", [], ()):
        return EMPTY
    if field.many_to_many:
        return ", ".join(
            sorted(names.get((field.related_model, pk), deleted_name(pk)) for pk in value)
        )
    if field.many_to_one:
        return names.get((field.related_model, value), deleted_name(value))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return gettext("ja") if value else gettext("nein")
    if isinstance(field, RichTextField):
        text = html.unescape(strip_tags(BLOCK_END.sub("\n", value)))
        return "\n".join(line.strip() for line in text.splitlines() if line.strip())
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date | datetime.time):
        return formats.localize(value)
    return str(value)


def deleted_name(pk) -> str:
    return gettext("gelöschter Eintrag Nr. %(pk)s") % {"pk": pk}


def differences(before: dict, after: dict) -> list[Change]:
    """The rows whose value differs between two snapshots' rows."""
    changes = []
    for key in [*after, *(key for key in before if key not in after)]:
        label, new = after.get(key, (None, EMPTY))
        old_label, old = before.get(key, (None, EMPTY))
        if old != new:
            changes.append(Change(label or old_label, old, new))
    return changes


def restored_rows(now: dict, then: dict) -> dict:
    """The rows after a restore: the version's, with the translations it did not have
    (of an object it has) as they are now, since `restore` keeps them."""
    languages = {(owner, language) for owner, language, _name in then}
    owners = {owner for owner, _language, _name in then}
    kept = {
        key: row
        for key, row in now.items()
        if key[1] is not None and key[0] in owners and key[:2] not in languages
    }
    return {**then, **kept}


def live_versions(obj):
    """Unsaved versions of the object as it is now, with what it follows: the state a
    restore starts from."""
    using = router.db_for_write(type(obj))
    return [_unsaved_version(related, using) for related in _follow_relations_recursive(obj)]


def _unsaved_version(obj, using):
    options = _get_options(type(obj))
    return Version(
        content_type=ContentType.objects.db_manager(using).get_for_model(type(obj)),
        object_id=str(obj.pk),
        db=using,
        format=options.format,
        serialized_data=serializers.serialize(options.format, [obj], fields=options.fields),
        object_repr=str(obj),
    )


def version_date(version) -> str:
    return formats.date_format(timezone.localtime(version.revision.date_created), "DATETIME_FORMAT")


def person_name(user) -> str:
    """Who saved a version; empty when nobody did (a command, the demo content)."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


UNREADABLE = gettext_lazy(
    "Diese Version lässt sich nicht mehr lesen und daher nicht wiederherstellen."
)


class RestoreFailed(Exception):
    """A version that cannot be saved back; the message says why, for the editor."""


def restore(snapshot: Snapshot, current=None, *, keep=None) -> None:
    """Saves the snapshot's versions back: deletes what the object follows now but did not
    then (an offer added since), saves every version, with the object's fields in `keep`
    ({attname: value}) as they are now. Translations in a language the version did not
    have stay. Raises RestoreFailed."""
    if not snapshot.readable:
        raise RestoreFailed(UNREADABLE)
    old = {(version._model, version.object_id) for version in snapshot.versions}
    languages = _translation_keys(version._object_version.object for version in snapshot.versions)
    root = snapshot.versions[0]._object_version.object
    for attname, value in (keep or {}).items():
        setattr(root, attname, value)
    try:
        with transaction.atomic():
            if current is not None:
                gone = {}
                for related in _follow_relations_recursive(current):
                    if (type(related), str(related.pk)) not in old and not (
                        _translation_keys([related]) - languages
                    ):
                        gone.setdefault(type(related), []).append(related)
                collector = Collector(using=router.db_for_write(snapshot.model))
                for objs in gone.values():
                    collector.collect(objs)
                collector.delete()
                for objs in gone.values():
                    forget_cached_translations(objs)
            for version in snapshot.versions:
                version.revert()
            # Foreign keys are checked at the commit; a restore that points to an entry
            # deleted since must fail here, where it can still be explained.
            connections[router.db_for_write(snapshot.model)].check_constraints(
                table_names=_tables(snapshot)
            )
            # reversion saves raw, past parler's own save, which would refresh its cache.
            forget_cached_translations(
                version._object_version.object for version in snapshot.versions
            )
    except IntegrityError:
        raise RestoreFailed(clash_message(snapshot)) from None
    except ProtectedError:
        raise RestoreFailed(
            gettext(
                "Diese Version lässt sich nicht wiederherstellen: Ein Eintrag, den sie "
                "entfernen würde, wird noch an anderer Stelle verwendet."
            )
        ) from None


def _translation_keys(objs) -> set:
    """(model, object, language) of each translation among these objects."""
    return {
        (type(obj), obj.master_id, obj.language_code)
        for obj in objs
        if isinstance(obj, TranslatedFieldsModel)
    }


def _tables(snapshot: Snapshot) -> list[str]:
    """The tables a restore writes to, with those of its lists of choices."""
    tables = []
    for model in {version._model for version in snapshot.versions}:
        tables.append(model._meta.db_table)
        tables += [
            field.remote_field.through._meta.db_table for field in model._meta.local_many_to_many
        ]
    return tables


def forget_cached_translations(objs) -> None:
    """Drops parler's cached copies of these translations (other objects are skipped)."""
    keys = [
        get_translation_cache_key(type(obj), obj.master_id, obj.language_code)
        for obj in objs
        if isinstance(obj, TranslatedFieldsModel)
    ]
    cache.delete_many(keys)


def _missing_references(snapshot: Snapshot) -> list[str]:
    """Labels of the fields whose entries no longer exist. A query per reference: only
    for explaining a failed restore."""
    own = {(version._model, version.object_id) for version in snapshot.versions}
    labels = []
    for version in snapshot.versions:
        data = version.field_dict
        for name in _get_options(version._model).fields:
            field = version._model._meta.get_field(name)
            if not (field.many_to_one or field.many_to_many):
                continue
            value = data.get(field.attname)
            pks = set(value or ()) if field.many_to_many else {value} - {None}
            pks = {pk for pk in pks if (field.related_model, str(pk)) not in own}
            found = field.related_model._base_manager.filter(pk__in=pks).count()
            if found < len(pks):
                labels.append(str(capfirst(field.verbose_name)))
    return labels


def clash_message(snapshot: Snapshot) -> str:
    """Why saving the snapshot back broke a rule of the database, in the editor's words."""
    reasons = []
    missing = _missing_references(snapshot)
    if missing:
        reasons.append(
            gettext("Sie verweist auf Einträge, die es nicht mehr gibt (%(fields)s).")
            % {"fields": ", ".join(dict.fromkeys(missing))}
        )
    for version in snapshot.versions:
        obj = version._object_version.object
        # A stored row: its own key is no clash.
        obj._state.adding = False
        try:
            obj.validate_unique()
            obj.validate_constraints()
        except ValidationError as error:
            reasons += error.messages
    reason = " ".join(dict.fromkeys(reasons)) or gettext(
        "Ein Wert dieser Version ist inzwischen bei einem anderen Eintrag vergeben."
    )
    return gettext(
        "Diese Version lässt sich nicht wiederherstellen: %(reason)s Ändern Sie zuerst den "
        "anderen Eintrag oder wählen Sie eine andere Version."
    ) % {"reason": reason}


class HistoryAdminMixin(VersionAdmin):
    """Records every save in the admin with who and when, shows the history with a
    readable diff per version, restores a version and recovers a deleted object.

    Put it first in a model admin's bases. Restoring needs the change permission,
    recovering a deleted object the add permission; reading the history needs what the
    change page needs. A restore changes only what staff could have changed by hand on
    the page: fields the admin shows read-only or not at all (a status the workflows set,
    the consent, a self-service link's secret) keep their current value.
    """

    # Each admin's own list template stays; the link to deleted entries comes through
    # templates/admin/change_list_object_tools.html.
    change_list_template = None
    object_history_template = "reversion/object_history.html"
    revision_form_template = "reversion/revision_form.html"
    recover_list_template = "reversion/recover_list.html"
    recover_form_template = "reversion/recover_form.html"

    @contextmanager
    def create_revision(self, request):
        # A page that is only read records nothing, and asks no savepoint of the database.
        if request.method in {"GET", "HEAD", "OPTIONS"}:
            yield
            return
        with super().create_revision(request):
            yield

    def reversion_register(self, model, **kwargs):
        register(model, follow=kwargs.get("follow", ()))

    def _reversion_introspect_inline_admin(self, inline):
        # What the portal writes itself is a log: it is neither recorded nor restored.
        if issubclass(inline, ReadOnlyAdminMixin):
            return None, None
        return super()._reversion_introspect_inline_admin(inline)

    # The edit page: who changed it last.

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [
            *fieldsets,
            (
                gettext_lazy("Verlauf"),
                {"fields": [], "description": LastChange(self, obj)},
            ),
        ]

    def last_change_text(self, obj) -> str:
        version = Version.objects.get_for_object(obj).select_related("revision__user").first()
        history = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_history",
            args=[quote(obj.pk)],
        )
        if version is None:
            text = gettext("Zuletzt geändert: noch keine Änderung aufgezeichnet.")
        elif version.revision.user is None:
            text = gettext("Zuletzt geändert am %(date)s.") % {"date": version_date(version)}
        else:
            text = gettext("Zuletzt geändert von %(person)s am %(date)s.") % {
                "person": person_name(version.revision.user),
                "date": version_date(version),
            }
        # The link in a paragraph of its own: beside text, the admin's links differ by colour only.
        return format_html(
            '<p>{}</p><p><a href="{}">{}</a></p>', text, history, gettext("Verlauf ansehen")
        )

    def changelist_view(self, request, extra_context=None):
        if self.has_add_permission(request):
            extra_context = {"recover_url": self._url("recoverlist"), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def response_action(self, request, queryset):
        """An action (publish, end a membership) changes records without their change
        form, often with one UPDATE: what it left is recorded here, one revision for all.
        Only an action that finished (not one that asks for a confirmation first) and that
        may change something (not one marked `records_nothing`, an export) is recorded."""
        response = super().response_action(request, queryset)
        action = self.get_actions(request).get(request.POST.get("action", ""))
        if (
            revisions.is_active()
            and action is not None
            and isinstance(response, HttpResponseRedirect)
            and not getattr(action[0], "records_nothing", False)
        ):
            if not request.POST.get("select_across"):
                selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
                queryset = queryset.filter(pk__in=selected)
            description = str(action[2]) % model_format_dict(self.opts)
            revisions.set_comment(gettext("Aktion: %(action)s") % {"action": description})
            for obj in queryset:
                revisions.add_to_revision(obj)
        return response

    # The history and the restore.

    def _versions(self, object_id):
        return (
            Version.objects.get_for_object_reference(self.model, object_id)
            .select_related("revision__user")
            .prefetch_related("revision__version_set")
            .order_by("pk")
        )

    def _context(self, request, obj, **context):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "app_label": self.opts.app_label,
            **context,
        }

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        object_id = str(obj.pk)
        versions = list(self._versions(object_id))
        hidden = self._not_editable(request, obj)
        snapshots = [
            Snapshot(self.model, object_id, version.revision.version_set.all(), hidden=hidden)
            for version in versions
        ]
        names = names_of(set().union(*(snapshot.related() for snapshot in snapshots)))
        entries, before = [], None
        for version, snapshot in zip(versions, snapshots, strict=True):
            rows = snapshot.rows(names)
            entries.append(
                {
                    "version": version,
                    "person": person_name(version.revision.user),
                    "comment": version.revision.get_comment(),
                    "changes": None if before is None else differences(before, rows),
                    "readable": snapshot.readable,
                    "url": reverse(
                        f"{self.admin_site.name}:{self.opts.app_label}_"
                        f"{self.opts.model_name}_revision",
                        args=[quote(obj.pk), version.pk],
                    ),
                }
            )
            before = rows
        context = self._context(
            request,
            obj,
            title=gettext("Verlauf: %(object)s") % {"object": obj},
            entries=entries[::-1],
            may_restore=self.has_change_permission(request, obj),
            **(extra_context or {}),
        )
        return TemplateResponse(request, self.object_history_template, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(self._versions(str(obj.pk)), pk=version_id)
        may_restore = self.has_change_permission(request, obj)
        if request.method == "POST":
            if not may_restore:
                raise PermissionDenied
            return self._restore(request, obj, version, obj)
        return self._confirmation(
            request,
            obj,
            version,
            live_versions(obj),
            template=self.revision_form_template,
            may_restore=may_restore,
            title=gettext("Version vom %(date)s wiederherstellen")
            % {"date": version_date(version)},
        )

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        deleted = (
            Version.objects.get_deleted(self.model).select_related("revision__user").order_by("-pk")
        )
        context = self._context(
            request,
            None,
            title=gettext("Gelöschte Einträge wiederherstellen: %(name)s")
            % {"name": self.opts.verbose_name_plural},
            deleted=deleted,
            **(extra_context or {}),
        )
        return TemplateResponse(request, self.recover_list_template, context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_deleted(self.model).select_related("revision__user"),
            pk=version_id,
        )
        if request.method == "POST":
            return self._restore(request, None, version, None)
        return self._confirmation(
            request,
            None,
            version,
            [],
            template=self.recover_form_template,
            may_restore=True,
            title=gettext("„%(object)s“ wiederherstellen") % {"object": version.object_repr},
        )

    def _confirmation(self, request, obj, version, now, *, template, may_restore, title):
        """The page that shows what a restore would change, with the button to do it."""
        hidden = self._not_editable(request, obj) | self._image_fields()
        snapshot = Snapshot(
            self.model, version.object_id, version.revision.version_set.all(), hidden=hidden
        )
        current = Snapshot(self.model, version.object_id, now, hidden=hidden)
        names = names_of(snapshot.related() | current.related())
        today = current.rows(names)
        context = self._context(
            request,
            obj,
            title=title,
            version=version,
            person=person_name(version.revision.user),
            changes=differences(today, restored_rows(today, snapshot.rows(names))),
            may_restore=may_restore and snapshot.readable,
            readable=snapshot.readable,
            has_image=issubclass(self.model, ImageMixin),
        )
        return TemplateResponse(request, template, context)

    def _restore(self, request, obj, version, current):
        snapshot = Snapshot(self.model, version.object_id, version.revision.version_set.all())
        if obj is not None:
            hidden = self._not_editable(request, obj) | self._image_fields()
            keep = {
                field.attname: getattr(obj, field.attname)
                for field in self.model._meta.concrete_fields
                if field.name in hidden
            }
        else:
            keep = {
                field.attname: field.get_default()
                for field in self.model._meta.concrete_fields
                if field.name in self._image_fields()
            }
        comment = gettext("Wiederhergestellt aus der Version vom %(date)s") % {
            "date": version_date(version)
        }
        try:
            with transaction.atomic(), revisions.create_revision():
                revisions.set_user(request.user)
                revisions.set_comment(comment)
                restore(snapshot, current, keep=keep)
                restored = self.model._base_manager.get(
                    pk=snapshot.model._meta.pk.to_python(version.object_id)
                )
                # Its own save() runs too: caches, computed fields.
                restored.save()
                revisions.add_to_revision(restored)
        except RestoreFailed as failure:
            messages.error(request, str(failure))
            if obj is None:
                return redirect(self._url("recoverlist"))
            return redirect(self._url("history", quote(obj.pk)))
        self.log_change(request, restored, comment)
        messages.success(
            request,
            gettext("„%(object)s“ ist wiederhergestellt, wie es am %(date)s war.")
            % {"object": restored, "date": version_date(version)},
        )
        return redirect(self._url("change", quote(restored.pk)))

    def _not_editable(self, request, obj) -> set:
        """The object's own fields staff cannot edit on its page (read-only or not shown):
        a status the workflows set, the consent, a self-service link's secret."""
        if obj is None:
            return set()
        editable = set(flatten_fieldsets(self.get_fieldsets(request, obj))) - set(
            self.get_readonly_fields(request, obj)
        )
        return {
            field.name
            for field in self.model._meta.concrete_fields
            if not field.primary_key and field.name not in editable
        }

    def _image_fields(self) -> set:
        return IMAGE_FIELDS if issubclass(self.model, ImageMixin) else set()

    def _url(self, page, *args):
        return reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{page}",
            args=args,
        )


class LastChange:
    """The line "Zuletzt geändert von … am …", worked out only when the page shows it (the
    admin asks for the fieldsets several times per page)."""

    def __init__(self, model_admin, obj):
        self.model_admin, self.obj = model_admin, obj
        self._text = None

    def __str__(self):
        if self._text is None:
            self._text = self.model_admin.last_change_text(self.obj)
        return self._text

    def __bool__(self):
        return True
