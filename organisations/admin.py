"""The MSO team's back office: the register, the review queue, the decision log and the lists.

Decisions go through the workflows in `organisations.services`; the admin never changes
a status itself.
"""

import csv

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from parler.admin import TranslatableAdmin

from organisations.forms import OrganisationForm, RejectionForm
from organisations.models import (
    Activity,
    Audience,
    Decision,
    District,
    Language,
    NetworkMeeting,
    Organisation,
    QualificationTopic,
    ReviewItem,
    Status,
    SupportOffer,
    TopicWish,
)
from organisations.services import (
    changed_fields,
    organisation_approve,
    organisation_reject,
    organisation_withdraw,
)

# Spreadsheet programs run a cell that starts with one of these as a formula
# (OWASP "CSV injection"); a leading apostrophe makes them show it as text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Excel in German reads ";" as the column separator (the comma is the decimal mark) and
# needs the byte order mark to read UTF-8, so umlauts and Arabic names survive.
CSV_DELIMITER = ";"


def may_review(request) -> bool:
    """Whether this person may approve, reject and edit entries: the MSO team's permission."""
    return request.user.has_perm("organisations.change_organisation")


def spreadsheet_safe(value) -> str:
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def yes_no(value: bool) -> str:
    return _("ja") if value else _("nein")


def label(field: str) -> str:
    return str(Organisation._meta.get_field(field).verbose_name)


def local_time(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


class NamedListFilter(admin.RelatedFieldListFilter):
    """A filter by a translated list: all names in one query, not one per entry."""

    def field_choices(self, field, request, model_admin):
        entries = field.related_model.objects.prefetch_related("translations")
        return [(entry.pk, str(entry)) for entry in entries]


class VisibilityFilter(admin.SimpleListFilter):
    title = gettext_lazy("im Verzeichnis")
    parameter_name = "sichtbar"

    def lookups(self, request, model_admin):
        return [
            ("ja", _("sichtbar")),
            ("ausgeblendet", _("ausgeblendet (seit 13 Monaten nicht bestätigt)")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "ja":
                return queryset.published()
            case "ausgeblendet":
                return queryset.hidden()
        return queryset


class QueueKindFilter(admin.SimpleListFilter):
    title = gettext_lazy("Art")
    parameter_name = "art"

    def lookups(self, request, model_admin):
        return [("neu", _("Neuanmeldung")), ("aenderung", _("Änderungswunsch"))]

    def queryset(self, request, queryset):
        match self.value():
            case "neu":
                return queryset.filter(revision_of__isnull=True)
            case "aenderung":
                return queryset.filter(revision_of__isnull=False)
        return queryset


class DecisionInline(admin.TabularInline):
    model = Decision
    fields = ["decided_at", "kind", "decided_by", "reason", "changes"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OrganisationAdminBase(admin.ModelAdmin):
    # The representative's form with all its checks: staff edits are checked the same way.
    form = OrganisationForm
    list_select_related = ["district"]
    fieldsets = [
        (
            gettext_lazy("Prüfung"),
            {"fields": ["review_kind", "duplicates", "status"]},
        ),
        (
            gettext_lazy("Die Organisation"),
            {
                "fields": [
                    "name",
                    "legal_form",
                    "register_court",
                    "register_number",
                    "founded_year",
                ]
            },
        ),
        (
            gettext_lazy("Anschrift und Internet"),
            {"fields": ["street", "postal_code", "city", "district", "website", "social_links"]},
        ),
        (
            gettext_lazy("Arbeit"),
            {"fields": ["languages", "activities", "audiences", "description"]},
        ),
        (
            gettext_lazy("Ansprechperson"),
            {
                "fields": [
                    "contact_name",
                    "contact_role",
                    "contact_email",
                    "contact_phone",
                    "language",
                ]
            },
        ),
        (
            gettext_lazy("Was veröffentlicht werden darf"),
            {
                "fields": [
                    "publish_address",
                    "publish_contact_name",
                    "publish_contact_email",
                    "publish_contact_phone",
                ]
            },
        ),
        (
            gettext_lazy("Verlauf und Einwilligung"),
            {
                "classes": ["collapse"],
                "fields": [
                    "created_at",
                    "confirmed_at",
                    "last_confirmed_at",
                    "reconfirmation_requested_at",
                    "hidden_reported_at",
                    "consent_version",
                    "consented_at",
                    "consent_text",
                ],
            },
        ),
    ]
    # The status changes only through the workflows; the consent is what the person agreed to.
    readonly_fields = [
        "review_kind",
        "duplicates",
        "status",
        "language",
        "created_at",
        "confirmed_at",
        "last_confirmed_at",
        "reconfirmation_requested_at",
        "hidden_reported_at",
        "consent_version",
        "consented_at",
        "consent_text",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_review_flags()

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and not self.has_change_permission(request, obj):
            # Nothing is editable, and the representative's form expects its fields.
            kwargs["form"] = forms.ModelForm
        return super().get_form(request, obj, change, **kwargs)

    def has_add_permission(self, request):
        # Entries come only from the registration form, with the representative's consent.
        return False

    def has_delete_permission(self, request, obj=None):
        # An entry leaves by rejection or withdrawal, which erase the personal data and keep
        # the decision log; deleting would lose the log.
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            organisation = self.get_object(request, object_id)
            if organisation is not None and organisation.status == Status.PENDING:
                count = len(organisation.possible_duplicates())
                if count:
                    messages.warning(
                        request,
                        ngettext(
                            "Achtung, mögliche Dublette: %(count)d ähnlicher Eintrag (gleicher "
                            "Name, gleiche Registernummer oder gleiche E-Mail-Adresse). Er ist "
                            "unter „Mögliche Dubletten“ verlinkt.",
                            "Achtung, mögliche Dublette: %(count)d ähnliche Einträge (gleicher "
                            "Name, gleiche Registernummer oder gleiche E-Mail-Adresse). Sie sind "
                            "unter „Mögliche Dubletten“ verlinkt.",
                            count,
                        )
                        % {"count": count},
                    )
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=gettext_lazy("Art"))
    def review_kind(self, organisation):
        if organisation.revision_of_id is None:
            return _("Neuanmeldung") if organisation.status == Status.PENDING else _("Eintrag")
        return format_html(
            '{} <a href="{}">{}</a>',
            _("Änderungswunsch zum Eintrag"),
            reverse("admin:organisations_organisation_change", args=[organisation.revision_of_id]),
            organisation.revision_of.name,
        )

    @admin.display(description=gettext_lazy("Mögliche Dubletten"))
    def duplicates(self, organisation):
        found = organisation.possible_duplicates().order_by("name_key")
        if not found:
            return _("keine")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({})</li>',
                (
                    (
                        reverse("admin:organisations_organisation_change", args=[other.pk]),
                        other.name,
                        other.get_status_display(),
                    )
                    for other in found
                ),
            ),
        )

    @admin.display(boolean=True, description=gettext_lazy("mögliche Dublette"))
    def possible_duplicate(self, organisation):
        return organisation.has_possible_duplicate


@admin.register(Organisation)
class OrganisationAdmin(OrganisationAdminBase):
    list_display = [
        "name",
        "status",
        "district",
        "legal_form",
        "created_at",
        "confirmed_at",
        "visible",
        "change_request",
        "possible_duplicate",
    ]
    list_filter = [
        "status",
        VisibilityFilter,
        "legal_form",
        "district",
        ("activities", NamedListFilter),
        ("audiences", NamedListFilter),
        "languages",
    ]
    search_fields = ["name", "register_number", "register_key", "contact_email"]
    date_hierarchy = "created_at"
    inlines = [DecisionInline]
    actions = ["export_csv", "withdraw_on_request"]

    def get_queryset(self, request):
        # Change requests appear in the review queue and as a flag on their entry.
        return super().get_queryset(request).entries()

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        review, *rest = fieldsets
        return [(review[0], {"fields": [*review[1]["fields"], "pending_change"]}), *rest]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "pending_change"]

    def has_change_permission(self, request, obj=None):
        # A rejected or withdrawn entry is a record of what happened, its personal data gone.
        if obj is not None and obj.status in {Status.REJECTED, Status.WITHDRAWN}:
            return False
        return super().has_change_permission(request, obj)

    def has_export_permission(self, request):
        return request.user.has_perm("organisations.export_organisation")

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "has_export_permission": self.has_export_permission(request),
        }
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        export = path(
            "export/",
            self.admin_site.admin_view(self.export_view),
            name="organisations_organisation_export",
        )
        return [export, *super().get_urls()]

    @admin.display(boolean=True, description=gettext_lazy("im Verzeichnis"))
    def visible(self, organisation):
        return organisation.is_public()

    @admin.display(boolean=True, description=gettext_lazy("Änderungswunsch wartet"))
    def change_request(self, organisation):
        return organisation.has_change_request

    @admin.display(description=gettext_lazy("Änderungswunsch"))
    def pending_change(self, organisation):
        if organisation.status == Status.PENDING:
            return format_html(
                '<a href="{}">{}</a>',
                reverse("admin:organisations_reviewitem_change", args=[organisation.pk]),
                _("Die Neuanmeldung wartet in der Prüfliste."),
            )
        proposal = organisation.change_requests.first()
        if proposal is None:
            return _("keiner")
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:organisations_reviewitem_change", args=[proposal.pk]),
            _("Ein Änderungswunsch wartet in der Prüfliste."),
        )

    @admin.action(
        description=gettext_lazy("Ausgewählte Einträge als CSV exportieren"),
        permissions=["export"],
    )
    def export_csv(self, request, queryset):
        return self.csv_response(queryset)

    @admin.action(
        description=gettext_lazy(
            "Ausgewählte Einträge auf Wunsch der Organisation zurückziehen und Daten löschen"
        ),
        permissions=["change"],
    )
    def withdraw_on_request(self, request, queryset):
        """For a representative who asks by phone or letter instead of using the link."""
        entries = [entry for entry in queryset if entry.status != Status.WITHDRAWN]
        for entry in entries:
            organisation_withdraw(entry=entry, user=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d Eintrag wurde zurückgezogen; seine Angaben zur Ansprechperson sind "
                "gelöscht.",
                "%(count)d Einträge wurden zurückgezogen; ihre Angaben zur Ansprechperson sind "
                "gelöscht.",
                len(entries),
            )
            % {"count": len(entries)},
            messages.SUCCESS,
        )

    def export_view(self, request):
        if not self.has_export_permission(request):
            raise PermissionDenied
        return self.csv_response(Organisation.objects.entries())

    def csv_response(self, queryset):
        """The entries with their public and internal fields, one row each.

        Three queries for the lists, whatever the number of entries.
        """
        entries = (
            queryset.select_related("district")
            .prefetch_related("languages", "activities__translations", "audiences__translations")
            .order_by("name_key", "pk")
        )
        columns = [
            (_("Nummer"), lambda entry: entry.pk),
            (label("name"), lambda entry: entry.name),
            (label("status"), lambda entry: entry.get_status_display()),
            (_("im Verzeichnis"), lambda entry: yes_no(entry.is_public())),
            (label("legal_form"), lambda entry: entry.get_legal_form_display()),
            (label("register_court"), lambda entry: entry.register_court),
            (label("register_number"), lambda entry: entry.register_number),
            (label("founded_year"), lambda entry: entry.founded_year or ""),
            (label("street"), lambda entry: entry.street),
            (label("postal_code"), lambda entry: entry.postal_code),
            (label("city"), lambda entry: entry.city),
            (label("district"), lambda entry: entry.district or ""),
            (label("website"), lambda entry: entry.website),
            (label("social_links"), lambda entry: " ".join(entry.social_links)),
            (
                _("Sprachen (BCP 47)"),
                lambda entry: " ".join(language.code for language in entry.languages.all()),
            ),
            (label("activities"), lambda entry: ", ".join(map(str, entry.activities.all()))),
            (label("audiences"), lambda entry: ", ".join(map(str, entry.audiences.all()))),
            (label("description"), lambda entry: entry.description),
            (label("contact_name"), lambda entry: entry.contact_name),
            (label("contact_role"), lambda entry: entry.contact_role),
            (label("contact_email"), lambda entry: entry.contact_email),
            (label("contact_phone"), lambda entry: entry.contact_phone),
            (label("publish_address"), lambda entry: yes_no(entry.publish_address)),
            (label("publish_contact_name"), lambda entry: yes_no(entry.publish_contact_name)),
            (label("publish_contact_email"), lambda entry: yes_no(entry.publish_contact_email)),
            (label("publish_contact_phone"), lambda entry: yes_no(entry.publish_contact_phone)),
            (label("language"), lambda entry: entry.language),
            (label("created_at"), lambda entry: local_time(entry.created_at)),
            (label("confirmed_at"), lambda entry: local_time(entry.confirmed_at)),
            (label("last_confirmed_at"), lambda entry: local_time(entry.last_confirmed_at)),
            (label("consent_version"), lambda entry: entry.consent_version),
            (label("consented_at"), lambda entry: local_time(entry.consented_at)),
        ]
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="migrantenorganisationen-{timezone.localdate():%Y-%m-%d}.csv"'
        )
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=CSV_DELIMITER)
        writer.writerow(spreadsheet_safe(title) for title, _value in columns)
        for entry in entries:
            writer.writerow(spreadsheet_safe(value(entry)) for _name, value in columns)
        return response


@admin.register(ReviewItem)
class ReviewItemAdmin(OrganisationAdminBase):
    """The review queue: oldest first, so nobody waits longest by chance.

    Staff need the permissions on organisations themselves; the proxy's own are not used.
    """

    list_display = ["name", "queue_kind", "confirmed_at", "district", "possible_duplicate"]
    list_display_links = ["name"]
    list_filter = [QueueKindFilter]
    search_fields = ["name", "register_number", "contact_email"]
    ordering = ["confirmed_at", "pk"]
    actions = None
    # A proposal or an unpublished registration has no public page yet.
    view_on_site = False

    def get_queryset(self, request):
        return super().get_queryset(request).review_queue()

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or obj.revision_of_id is None:
            return fieldsets
        review, *rest = fieldsets
        return [(review[0], {"fields": [*review[1]["fields"], "changes"]}), *rest]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "changes"]

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("organisations.view_organisation") or may_review(request)

    def has_change_permission(self, request, obj=None):
        return may_review(request)

    def get_urls(self):
        reject = path(
            "<path:object_id>/ablehnen/",
            self.admin_site.admin_view(self.reject_view),
            name="organisations_reviewitem_reject",
        )
        return [reject, *super().get_urls()]

    @admin.display(description=gettext_lazy("Art"))
    def queue_kind(self, item):
        return _("Neuanmeldung") if item.revision_of_id is None else _("Änderungswunsch")

    @admin.display(description=gettext_lazy("Geänderte Angaben"))
    def changes(self, item):
        rows = changed_fields(item.revision_of, item)
        if not rows:
            return _("keine")
        return format_html(
            '<table><thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
            '<th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            _("Angabe"),
            _("veröffentlicht"),
            _("gewünscht"),
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )

    def response_change(self, request, obj):
        if "_approve" not in request.POST:
            return super().response_change(request, obj)
        is_change = obj.revision_of_id is not None
        entry = organisation_approve(organisation=obj, user=request.user)
        if is_change:
            message = _("Die Änderungen an „%(name)s“ sind übernommen.")
        else:
            message = _("„%(name)s“ ist freigegeben und steht im Verzeichnis.")
        self.message_user(
            request,
            message % {"name": entry.name} + " " + _("Die Organisation erhält eine E-Mail."),
            messages.SUCCESS,
        )
        return redirect("admin:organisations_reviewitem_changelist")

    def reject_view(self, request, object_id):
        if not self.has_change_permission(request):
            raise PermissionDenied
        item = self.get_object(request, object_id)
        if item is None:
            raise Http404
        form = RejectionForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            organisation_reject(
                organisation=item, user=request.user, reason=form.cleaned_data["reason"]
            )
            self.message_user(
                request,
                _("„%(name)s“ ist abgelehnt. Die Organisation erhält die Begründung per E-Mail.")
                % {"name": item.name},
                messages.SUCCESS,
            )
            return redirect("admin:organisations_reviewitem_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Ablehnen: %(name)s") % {"name": item.name},
            "item": item,
            "form": form,
            "is_change_request": item.revision_of_id is not None,
        }
        return TemplateResponse(request, "admin/organisations/reviewitem/reject.html", context)


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    """The decision log: read by staff, written only by the workflows."""

    list_display = ["decided_at", "organisation", "kind", "decided_by", "reason", "changed"]
    list_filter = ["kind", "decided_at", ("decided_by", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["organisation", "decided_by"]
    search_fields = ["organisation__name", "reason"]
    date_hierarchy = "decided_at"
    fields = ["organisation", "kind", "decided_by", "decided_at", "reason", "changes"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("Geänderte Angaben"))
    def changed(self, decision):
        return ", ".join(decision.changes.splitlines())


class NamedListAdmin(TranslatableAdmin):
    list_display = ["__str__", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["translations__name", "slug"]
    fields = ["name", "slug", "order"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def get_prepopulated_fields(self, request, obj=None):
        # parler's replacement for `prepopulated_fields`, which cannot name a translated field.
        return {"slug": ["name"]}


@admin.register(Activity)
class ActivityAdmin(NamedListAdmin):
    pass


@admin.register(Audience)
class AudienceAdmin(NamedListAdmin):
    pass


# A subquery rather than an aggregate, so the admin can order by it before annotating.
WISH_COUNT = Coalesce(
    Subquery(
        TopicWish.objects.filter(topic=OuterRef("pk"))
        .values("topic")
        .annotate(count=Count("pk"))
        .values("count")
    ),
    0,
)


@admin.register(QualificationTopic)
class QualificationTopicAdmin(NamedListAdmin):
    """The topics, ranked by how many organisations want them next."""

    list_display = ["__str__", "wish_count", "order"]
    readonly_fields = ["wished_by"]
    fields = ["name", "slug", "order", "wished_by"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(wish_count=WISH_COUNT)

    def get_ordering(self, request):
        return [WISH_COUNT.desc(), "order", "pk"]

    @admin.display(description=gettext_lazy("Wünsche"), ordering="wish_count")
    def wish_count(self, topic):
        return topic.wish_count

    @admin.display(description=gettext_lazy("Gewünscht von"))
    def wished_by(self, topic):
        organisations = Organisation.objects.filter(topic_wishes__topic=topic).order_by("name_key")
        if not organisations:
            return _("noch von keiner Organisation")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a></li>',
                (
                    (reverse("admin:organisations_organisation_change", args=[org.pk]), org.name)
                    for org in organisations
                ),
            ),
        )


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_de"]
    search_fields = ["code", "name", "name_de"]

    def get_readonly_fields(self, request, obj=None):
        # The code is the key the organisations point to.
        return ["code"] if obj else []


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


@admin.register(SupportOffer)
class SupportOfferAdmin(TranslatableAdmin):
    list_display = ["__str__", "order"]
    list_editable = ["order"]
    fields = ["title", "description", "order"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")


@admin.register(NetworkMeeting)
class NetworkMeetingAdmin(TranslatableAdmin):
    list_display = ["starts_at", "place"]
    search_fields = ["place"]
    date_hierarchy = "starts_at"
    fields = ["starts_at", "place", "agenda"]
