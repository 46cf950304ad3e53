"""The register of migrant organisations: the list, the change page, CSV export and the
decision log. Decisions go through the workflows in `organisations.services`; the admin
never changes a status itself."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from organisations.forms import OrganisationForm
from organisations.models import (
    Decision,
    Organisation,
    Status,
)
from organisations.services import (
    organisation_withdraw,
)
from portal.admin import ReadOnlyAdminMixin
from portal.history import HistoryAdminMixin
from portal.spreadsheets import csv_response


def may_review(request) -> bool:
    """Whether this person may approve, reject and edit entries: the MSO team's permission."""
    return request.user.has_perm("organisations.change_organisation")


def label(field: str) -> str:
    return str(Organisation._meta.get_field(field).verbose_name)


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


class DecisionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Decision
    fields = ["decided_at", "kind", "decided_by", "reason", "changes"]
    readonly_fields = fields
    extra = 0
    can_delete = False


# When the entry was registered, confirmed and reminded, and what the person consented to.
HISTORY_FIELDS = [
    "created_at",
    "confirmed_at",
    "last_confirmed_at",
    "reconfirmation_requested_at",
    "hidden_reported_at",
    "consent_version",
    "consented_at",
    "consent_text",
]


class OrganisationAdminBase(ReadOnlyAdminMixin, admin.ModelAdmin):
    # The representative's form with all its checks: staff edits are checked the same way.
    form = OrganisationForm
    # Entries come only from the registration form, with the representative's consent. An
    # entry leaves by rejection or withdrawal, which erase the personal data and keep the
    # decision log; deleting would lose the log.
    allow_by_hand = ["change"]
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
                "fields": HISTORY_FIELDS,
            },
        ),
    ]
    # The status changes only through the workflows; the consent is what the person agreed to.
    readonly_fields = ["review_kind", "duplicates", "status", "language", *HISTORY_FIELDS]

    def get_queryset(self, request):
        return super().get_queryset(request).with_review_flags()

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and not self.has_change_permission(request, obj):
            # Nothing is editable, and the representative's form expects its fields.
            kwargs["form"] = forms.ModelForm
        return super().get_form(request, obj, change, **kwargs)

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
class OrganisationAdmin(HistoryAdminMixin, OrganisationAdminBase):
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
        return self.export_response(queryset)

    # Reading leaves nothing for the history to record (portal.history).
    export_csv.records_nothing = True

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
                "%(count)d Eintrag wurde zurückgezogen und gelöscht.",
                "%(count)d Einträge wurden zurückgezogen und gelöscht.",
                len(entries),
            )
            % {"count": len(entries)},
            messages.SUCCESS,
        )

    def export_view(self, request):
        if not self.has_export_permission(request):
            raise PermissionDenied
        return self.export_response(Organisation.objects.entries())

    def export_response(self, queryset):
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
            (_("im Verzeichnis"), lambda entry: entry.is_public()),
            (label("legal_form"), lambda entry: entry.get_legal_form_display()),
            (label("register_court"), lambda entry: entry.register_court),
            (label("register_number"), lambda entry: entry.register_number),
            (label("founded_year"), lambda entry: entry.founded_year),
            (label("street"), lambda entry: entry.street),
            (label("postal_code"), lambda entry: entry.postal_code),
            (label("city"), lambda entry: entry.city),
            (label("district"), lambda entry: entry.district),
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
            (label("publish_address"), lambda entry: entry.publish_address),
            (label("publish_contact_name"), lambda entry: entry.publish_contact_name),
            (label("publish_contact_email"), lambda entry: entry.publish_contact_email),
            (label("publish_contact_phone"), lambda entry: entry.publish_contact_phone),
            (label("language"), lambda entry: entry.language),
            (label("created_at"), lambda entry: entry.created_at),
            (label("confirmed_at"), lambda entry: entry.confirmed_at),
            (label("last_confirmed_at"), lambda entry: entry.last_confirmed_at),
            (label("consent_version"), lambda entry: entry.consent_version),
            (label("consented_at"), lambda entry: entry.consented_at),
        ]
        return csv_response(
            filename=f"migrantenorganisationen-{timezone.localdate():%Y-%m-%d}.csv",
            header=[title for title, _value in columns],
            rows=([value(entry) for _title, value in columns] for entry in entries),
        )


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The decision log: read by staff, written only by the workflows."""

    list_display = ["decided_at", "organisation", "kind", "decided_by", "reason", "changed"]
    list_filter = ["kind", "decided_at", ("decided_by", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["organisation", "decided_by"]
    search_fields = ["organisation__name", "reason"]
    date_hierarchy = "decided_at"
    fields = ["organisation", "kind", "decided_by", "decided_at", "reason", "changes"]

    @admin.display(description=gettext_lazy("Geänderte Angaben"))
    def changed(self, decision):
        return ", ".join(decision.changes.splitlines())
