from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy

from fields.models import FieldOfWork
from networks.models import Level, Membership, Network, NetworkDocument, Theme
from organisations.models import Organisation

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


def network_list(request):
    """Current memberships grouped by level (empty levels left out), then former ones."""
    networks = with_details(Network.objects.published())
    current = list(networks.current())
    levels = [
        (label, [network for network in current if network.level == level])
        for level, label in Level.choices
    ]
    return render(
        request,
        "networks/network_list.html",
        {
            "title": SECTION_TITLE,
            "crumbs": [{"title": SECTION_TITLE}],
            "levels": [(label, members) for label, members in levels if members],
            "former": Network.objects.published().former().prefetch_related("translations"),
        },
    )


def network_detail(request, slug):
    network = get_object_or_404(with_details(Network.objects.published()), slug=slug)
    return render(
        request,
        "networks/network_detail.html",
        {
            "title": network.name,
            "crumbs": [
                {"title": SECTION_TITLE, "url": reverse("networks:list")},
                {"title": network.name},
            ],
            "network": network,
        },
    )


def document_download(request, slug, pk):
    network = get_object_or_404(Network.objects.published(), slug=slug)
    return get_object_or_404(NetworkDocument, pk=pk, network=network).download()
