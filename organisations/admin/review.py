"""The review queue: confirmed registrations and change requests waiting for a decision."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.admin.register import OrganisationAdminBase, may_review
from organisations.forms import RejectionForm
from organisations.models import (
    ReviewItem,
)
from organisations.services import (
    changed_fields,
    organisation_approve,
    organisation_reject,
)


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
