from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from fields.models import Document, FieldOfWork, TargetGroup


def can_preview(user) -> bool:
    """Staff who may edit fields of work also see unpublished ones, marked as a preview."""
    return user.is_authenticated and user.is_staff and user.has_perm("fields.change_fieldofwork")


def visible_fields(user):
    fields = FieldOfWork.objects.all()
    return fields if can_preview(user) else fields.published()


class FieldOfWorkListView(ListView):
    context_object_name = "fields"

    extra_context = {"crumbs": [{"title": _("Handlungsfelder")}]}

    def get_queryset(self):
        return FieldOfWork.objects.published().prefetch_related("translations")


class FieldOfWorkDetailView(DetailView):
    context_object_name = "field"

    def get_queryset(self):
        return visible_fields(self.request.user).prefetch_related(
            "translations",
            "offers__translations",
            "target_groups__translations",
            "documents",
            "contact_persons__translations",
            "contact_persons__consultation_hours",
            "contact_persons__languages",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = [
            {"title": _("Handlungsfelder"), "url": reverse("fields:list")},
            {"title": self.object.title},
        ]
        context["related_fields"] = self.object.related_fields.published().prefetch_related(
            "translations"
        )
        return context


class TargetGroupDetailView(DetailView):
    """What the centre offers one group of people: its fields of work and their offers.

    Offers belong to a field of work, not to a group, so the group's offers are those of
    its published fields, listed under each field.
    """

    context_object_name = "group"

    def get_queryset(self):
        return TargetGroup.objects.published().prefetch_related("translations")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        fields = self.object.fields_of_work.published().prefetch_related(
            "translations", "offers__translations"
        )
        title = _("Angebote für %(name)s") % {"name": self.object.name}
        context.update(
            title=title,
            crumbs=[{"title": title}],
            fields=fields,
            offers_by_field=[(field, field.offers.all()) for field in fields if field.offers.all()],
        )
        return context


def document_download(request, slug, pk):
    field = get_object_or_404(visible_fields(request.user), slug=slug)
    return get_object_or_404(Document, pk=pk, field_of_work=field).download()
