from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from fields.models import Document, FieldOfWork, TargetGroup
from portal.pages import Crumb, PageMixin, content_title, title_with
from portal.publishing import PreviewMixin

SECTION_TITLE = _("Handlungsfelder")


class FieldOfWorkListView(PageMixin, ListView):
    context_object_name = "fields"
    title = SECTION_TITLE

    def get_queryset(self):
        return FieldOfWork.objects.published().prefetch_related("translations")


class FieldOfWorkDetailView(PreviewMixin, PageMixin, DetailView):
    context_object_name = "field"
    parents = (Crumb(SECTION_TITLE, reverse_lazy("fields:list")),)

    def get_title(self):
        return content_title(self.object, self.object.title)

    def get_queryset(self):
        return FieldOfWork.objects.visible_to(self.request.user).prefetch_related(
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
        context["related_fields"] = self.object.related_fields.published().prefetch_related(
            "translations"
        )
        return context


class TargetGroupDetailView(PageMixin, DetailView):
    """What the centre offers one group of people: its fields of work and their offers.

    Offers belong to a field of work, not to a group, so the group's offers are those of
    its published fields, listed under each field.
    """

    context_object_name = "group"

    def get_queryset(self):
        return TargetGroup.objects.published().prefetch_related("translations")

    def get_title(self):
        return title_with(_("Angebote für %(name)s"), self.object, self.object.name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        fields = self.object.fields_of_work.published().prefetch_related(
            "translations", "offers__translations"
        )
        context.update(
            fields=fields,
            offers_by_field=[(field, field.offers.all()) for field in fields if field.offers.all()],
        )
        return context


def document_download(request, slug, pk):
    field = get_object_or_404(FieldOfWork.objects.visible_to(request.user), slug=slug)
    return get_object_or_404(Document, pk=pk, field_of_work=field).download()
