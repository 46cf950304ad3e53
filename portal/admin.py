"""What every app's admin shares, and the outbox."""

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.http import Http404
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.images import image_sources
from portal.models import MailStatus, OutgoingMail
from portal.tasks import enqueue_after_commit

CHANGES = frozenset({"add", "change", "delete"})
# Shown instead of what a confidential mail says and to whom.
CONFIDENTIAL = _("vertraulich")


class UploadHintsMixin(admin.options.BaseModelAdmin):
    """For a model admin or inline with upload fields: beside each, what it accepts (types
    and largest size), from its check's `upload_hint` (portal.uploads.with_upload_hint),
    so nobody learns the limit only from a failed upload.

    A subclass of `BaseModelAdmin`, so it comes before it in every admin's bases also when
    another mixin brings it in (`ImageAdminMixin`).
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(db_field, models.FileField):
            hints = [
                validator.upload_hint()
                for validator in db_field.validators
                if hasattr(validator, "upload_hint")
            ]
            if hints:
                hint = " ".join(hints)
                field.help_text = (
                    format_html("{} {}", field.help_text, hint) if field.help_text else hint
                )
        return field


class ReadOnlyAdminMixin:
    """Records the portal writes itself (a log, a statistic, what a person sent through a
    public form) are read in the admin, never added, changed or deleted by hand.

    `allow_by_hand` names the kinds of change that stay open, for records staff work on
    but do not create or remove: `["add"]` for notes that are added but never rewritten,
    `["change"]` for a report staff annotate, `["change", "delete"]` for one they may also
    erase. What stays open still needs the model permission and whatever a class further
    left in the bases checks (the counselling team's group, for instance). Viewing is not
    touched: who may read stays with the model's view and change permissions.

    Put it left of the `ModelAdmin` or inline class, and right of mixins that add checks
    of their own, so those see its answer through `super()`. A refused kind of change is
    answered without a query.
    """

    allow_by_hand: list[str] | tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        unknown = set(cls.allow_by_hand) - CHANGES
        if unknown:
            raise ImproperlyConfigured(
                f"{cls.__name__}.allow_by_hand: {sorted(unknown)} is none of {sorted(CHANGES)}."
            )

    # An inline's permission methods take the parent object too, a model admin's do not.
    def has_add_permission(self, request, *args):
        return "add" in self.allow_by_hand and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return "change" in self.allow_by_hand and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return "delete" in self.allow_by_hand and super().has_delete_permission(request, obj)


IMAGE_FIELDS = ("image", "image_preview", "image_alt", "image_decorative")


class ImageAdminMixin(UploadHintsMixin):
    """The image of a model with `portal.images.ImageMixin` in a fieldset "Bild" of its own,
    after the others, with a small preview of the current image and the upload hint.
    Put it left of the `ModelAdmin`; the admin's own fieldsets need not name the image's
    fields."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (title, {**options, "fields": [f for f in options["fields"] if f not in IMAGE_FIELDS]})
            for title, options in super().get_fieldsets(request, obj)
        ]
        return [*fieldsets, (_("Bild"), {"fields": list(IMAGE_FIELDS)})]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "image_preview"]

    @admin.display(description=_("Aktuelles Bild"))
    def image_preview(self, obj):
        if not obj or not obj.image or not obj.image_width:
            return _("Noch kein Bild")
        sources = image_sources(obj, "thumbnail")
        # As wide as the thumbnail layout: 10rem.
        width = min(160, obj.image_width)
        return format_html(
            '<img src="{}" srcset="{}" sizes="{}px" width="{}" height="{}" alt="">',
            sources["src"],
            sources["srcset"],
            width,
            width,
            max(1, round(obj.image_height * width / obj.image_width)),
        )


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" shortcut, answered only to people who may see the model
    in the admin: Django's own answers any staff account with a redirect for an object
    that exists and "not found" for one that does not. Everyone else gets "not found" for
    every id, whether it exists or not."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except (ContentType.DoesNotExist, ValueError):
        raise Http404 from None
    if not admin.site.is_registered(model) or not admin.site.get_model_admin(
        model
    ).has_view_or_change_permission(request):
        raise Http404
    return shortcut(request, content_type_id, object_id)


@admin.register(OutgoingMail)
class OutgoingMailAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The outbox: what left, what waits for its next attempt, what failed and why.

    It holds recipients' addresses, so it takes the view permission (superusers have it);
    a confidential mail shows neither address, subject nor text. The only change is
    "Erneut senden" for failed mails, which sends what the portal meant to send anyway.
    """

    list_display = [
        "__str__",
        "shown_recipient",
        "shown_subject",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
        "last_error",
    ]
    list_filter = ["status", "created_at"]
    fields = readonly_fields = [
        "shown_recipient",
        "shown_subject",
        "shown_body",
        "status",
        "attempts",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "last_error",
    ]
    actions = ["requeue"]

    @admin.display(description=_("Empfänger"))
    def shown_recipient(self, mail):
        return CONFIDENTIAL if mail.confidential else mail.recipient

    @admin.display(description=_("Betreff"))
    def shown_subject(self, mail):
        return CONFIDENTIAL if mail.confidential else mail.subject

    @admin.display(description=_("Text"))
    def shown_body(self, mail):
        return CONFIDENTIAL if mail.confidential else mail.body

    def has_requeue_permission(self, request):
        return self.has_view_permission(request)

    @admin.action(description=_("Erneut senden"), permissions=["requeue"])
    def requeue(self, request, queryset):
        mails = list(queryset.filter(status=MailStatus.FAILED))
        with transaction.atomic():
            for mail in mails:
                mail.requeue()
                enqueue_after_commit(mail)
        self.message_user(
            request,
            ngettext(
                "%(count)d fehlgeschlagene E-Mail wird erneut gesendet.",
                "%(count)d fehlgeschlagene E-Mails werden erneut gesendet.",
                len(mails),
            )
            % {"count": len(mails)},
            messages.SUCCESS,
        )
