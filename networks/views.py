from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from fields.models import FieldOfWork
from networks.models import Level, Membership, Network, NetworkDocument, Theme
from organisations.models import Organisation
from portal.pages import Crumb, PageMixin, content_title
from portal.publishing import PreviewMixin

SECTION_TITLE = gettext_lazy("Netzwerke und Zusammenarbeit")


def with_details(networks):
    """Networks with their partners, themes, published fields and documents: eight queries
    besides the networks themselves, however many there are."""
    return networks.prefetch_related(
        "translations",
        Prefetch(
            "memberships",
            Membership.objects.select_related("partner").prefetch_related(
                Prefetch("partner__organisation", Organisation.objects.published())
            ),
        ),
        Prefetch("themes", Theme.objects.prefetch_related("translations")),
        Prefetch(
            "fields_of_work", FieldOfWork.objects.published().prefetch_related("translations")
        ),
        "documents",
    )


class NetworkListView(PageMixin, ListView):
    """Current memberships grouped by level (empty levels left out), then former ones."""

    template_name = "networks/network_list.html"
    title = SECTION_TITLE

    def get_queryset(self):
        return with_details(Network.objects.published().current())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = list(self.object_list)
        levels = [
            (label, [network for network in current if network.level == level])
            for level, label in Level.choices
        ]
        context.update(
            levels=[(label, members) for label, members in levels if members],
            former=Network.objects.published().former().prefetch_related("translations"),
        )
        return context


class NetworkDetailView(PreviewMixin, PageMixin, DetailView):
    context_object_name = "network"
    parents = (Crumb(SECTION_TITLE, reverse_lazy("networks:list")),)

    def get_queryset(self):
        return with_details(Network.objects.visible_to(self.request.user))

    def get_title(self):
        return content_title(self.object, self.object.name)


def document_download(request, slug, pk):
    network = get_object_or_404(Network.objects.visible_to(request.user), slug=slug)
    return get_object_or_404(NetworkDocument, pk=pk, network=network).download()
