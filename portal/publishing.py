"""Publishing on a schedule: a draft, or published with optional times to appear and to go.

Every content model with a page of its own (fields of work, news items, events, networks)
inherits `Publishable` and builds its queryset on `PublishableQuerySet`, its detail view
on `PreviewMixin` and its admin on `PublishableAdmin`.

Nothing on the public pages is kept in Django's cache: lists and pages ask the database
on every request, so an entry appears and goes at its time. The only page cache is nginx's
one-second microcache for visitors without cookies (deploy/nginx.conf); a preview is sent
`private, no-store` and goes to staff, who carry a session cookie, so it is never cached.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.querysets import ContentQuerySet

# The admin's fieldset "Veröffentlichung" (`page_link` is `PublishableAdmin`'s).
PUBLICATION_FIELDS = ["is_published", "publish_from", "publish_until", "page_link"]
UNTIL_BEFORE_FROM = _("„Veröffentlichen bis“ muss nach „Veröffentlichen ab“ liegen.")


class Status(models.TextChoices):
    DRAFT = "entwurf", _("Entwurf")
    SCHEDULED = "geplant", _("geplant")
    PUBLISHED = "veroeffentlicht", _("veröffentlicht")
    EXPIRED = "abgelaufen", _("abgelaufen")


def moment(value) -> str:
    """A time as editors read it, e.g. "07.12.2026 14:00" in German."""
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


class PublishableQuerySet(ContentQuerySet):
    """`published()` is what visitors see now: the switch on, the start reached (or none),
    the end not reached (or none), and the German text there. A model whose entries start
    later for a reason of its own (a news item's date) widens `_not_started()`."""

    def _not_started(self, now) -> Q:
        return Q(publish_from__gt=now)

    def _ended(self, now) -> Q:
        return Q(publish_until__lte=now)

    def published(self):
        return super().published().with_status(Status.PUBLISHED)

    def with_status(self, status: Status):
        """The entries in one status now (for the admin's filter). `exclude()` keeps the
        entries without a start or an end (NULL), where SQL's NOT would drop them."""
        now = timezone.now()
        if status == Status.DRAFT:
            return self.filter(is_published=False)
        switched_on = self.filter(is_published=True)
        if status == Status.EXPIRED:
            return switched_on.filter(self._ended(now))
        running = switched_on.exclude(self._ended(now))
        if status == Status.SCHEDULED:
            return running.filter(self._not_started(now))
        return running.exclude(self._not_started(now))


class Publishable(models.Model):
    """A draft, or published between two optional moments."""

    is_published = models.BooleanField(
        _("veröffentlicht"),
        default=False,
        help_text=_(
            "Ohne Haken ist der Eintrag ein Entwurf: Nur Mitarbeitende sehen ihn, als "
            "Vorschau. Mit Haken ist er öffentlich, in den Zeiten darunter."
        ),
    )
    publish_from = models.DateTimeField(
        _("Veröffentlichen ab"),
        null=True,
        blank=True,
        help_text=_(
            "Leer lassen, damit der Eintrag sofort erscheint. Mit Datum und Uhrzeit erscheint "
            "er erst dann (wenn „veröffentlicht“ angehakt ist)."
        ),
    )
    publish_until = models.DateTimeField(
        _("Veröffentlichen bis"),
        null=True,
        blank=True,
        help_text=_(
            "Leer lassen, damit der Eintrag sichtbar bleibt. Ab diesem Zeitpunkt ist die "
            "Seite nicht mehr öffentlich; in der Vorschau bleibt sie für Sie erreichbar."
        ),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(publish_from__isnull=True)
                | Q(publish_until__isnull=True)
                | Q(publish_until__gt=models.F("publish_from")),
                name="%(app_label)s_%(class)s_publish_until_after_from",
                violation_error_message=UNTIL_BEFORE_FROM,
            )
        ]

    def clean(self):
        super().clean()
        # The database constraint guarantees the rule; this names the field in the form.
        if self.publish_from and self.publish_until and self.publish_until <= self.publish_from:
            raise ValidationError({"publish_until": UNTIL_BEFORE_FROM})

    @property
    def public_from(self):
        """The moment the entry appears, if it waits for one."""
        return self.publish_from

    @property
    def publication_status(self) -> Status:
        now = timezone.now()
        if not self.is_published:
            return Status.DRAFT
        if self.publish_until and self.publish_until <= now:
            return Status.EXPIRED
        if self.public_from and self.public_from > now:
            return Status.SCHEDULED
        return Status.PUBLISHED

    @property
    def is_public(self) -> bool:
        return self.publication_status == Status.PUBLISHED

    @property
    def publication_status_text(self) -> str:
        """The status with its moment, e.g. "geplant ab 07.12.2026 14:00"."""
        status = self.publication_status
        if status == Status.SCHEDULED:
            return _("geplant ab %(moment)s") % {"moment": moment(self.public_from)}
        if status == Status.EXPIRED:
            return _("abgelaufen seit %(moment)s") % {"moment": moment(self.publish_until)}
        if status == Status.PUBLISHED and self.publish_until:
            return _("veröffentlicht bis %(moment)s") % {"moment": moment(self.publish_until)}
        return status.label


class PreviewMixin:
    """For the detail view of a `Publishable` whose queryset is `visible_to(user)`: an entry
    that is not public reaches only staff who may change it, as a preview. The template
    marks it (`preview` in the context); no cache keeps it and no search engine lists it."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = not self.object.is_public
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["preview"]:
            response["Cache-Control"] = "private, no-store"
            response["X-Robots-Tag"] = "noindex"
        return response


class PublicationStatusFilter(admin.SimpleListFilter):
    title = _("Status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.with_status(Status(self.value()))
        return queryset


def touched(queryset) -> dict:
    """`updated_at`, for a model that keeps it: `update()` skips `auto_now`, and the
    sitemap's last-modified date of an entry just published must not stay old."""
    fields = {field.name for field in queryset.model._meta.concrete_fields}
    return {"updated_at": timezone.now()} if "updated_at" in fields else {}


class PublishableAdmin:
    """The status column, the filter, the publish actions and the link to the page, for
    the admin of a `Publishable`. Put it left of the `ModelAdmin` in the bases; add
    `"publication_status"` to `list_display`, `PublicationStatusFilter` to `list_filter`,
    and `PUBLICATION_FIELDS` to the fieldset `_("Veröffentlichung")`."""

    actions = ["publish", "unpublish"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "page_link"]

    @admin.display(description=_("Status"))
    def publication_status(self, obj):
        return obj.publication_status_text

    @admin.display(description=_("Auf der Website"))
    def page_link(self, obj):
        if obj.pk is None:
            return _("Nach dem Sichern können Sie die Seite in der Vorschau ansehen.")
        label = _("Auf der Website ansehen") if obj.is_public else _("Vorschau ansehen")
        return format_html(
            '{} · <a href="{}">{}</a>',
            obj.publication_status_text,
            obj.get_absolute_url(),
            label,
        )

    @admin.action(
        description=_("Ausgewählte %(verbose_name_plural)s veröffentlichen"),
        permissions=["change"],
    )
    def publish(self, request, queryset):
        """Switches the entries on. One whose end has passed would stay hidden, so its end
        is cleared; one that waits for its start keeps it and appears then."""
        now = timezone.now()
        queryset.filter(publish_until__lte=now).update(publish_until=None, **touched(queryset))
        count = queryset.update(is_published=True, **touched(queryset))
        waiting = queryset.with_status(Status.SCHEDULED).count()
        message = ngettext(
            "%(count)d Eintrag veröffentlicht.", "%(count)d Einträge veröffentlicht.", count
        ) % {"count": count}
        if waiting:
            message += " " + ngettext(
                "%(count)d davon erscheint erst zur geplanten Zeit.",
                "%(count)d davon erscheinen erst zur geplanten Zeit.",
                waiting,
            ) % {"count": waiting}
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(
        description=_("Ausgewählte %(verbose_name_plural)s auf „Entwurf“ setzen"),
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        """Makes the entries drafts again; their times are kept for the next publishing."""
        count = queryset.update(is_published=False, **touched(queryset))
        message = ngettext(
            "%(count)d Eintrag auf „Entwurf“ gesetzt.",
            "%(count)d Einträge auf „Entwurf“ gesetzt.",
            count,
        ) % {"count": count}
        self.message_user(request, message, messages.SUCCESS)
