import datetime
import re

import pytest

from networks.models import (
    Kind,
    Level,
    Membership,
    Network,
    NetworkDocument,
    Partner,
    PartnerKind,
    Role,
    Theme,
)
from portal.documents import validate_document_file
from tests.demo import load_demo, row_counts, stored_files

pytestmark = pytest.mark.django_db

MODELS = [
    Network,
    Network.translations.field.model,
    Network.themes.through,
    Network.fields_of_work.through,
    Theme,
    Theme.translations.field.model,
    Partner,
    Membership,
    NetworkDocument,
]
CITIES = [
    "Bochum",
    "Dortmund",
    "Duisburg",
    "Essen",
    "Gelsenkirchen",
    "Herne",
    "Mülheim an der Ruhr",
    "Oberhausen",
]


def test_loading_creates_the_twelve_networks_and_a_second_run_changes_nothing(media):
    first_output = load_demo()
    first, files = row_counts(MODELS), stored_files(media)
    memberships = sorted(Membership.objects.values_list("network__slug", "partner__name"))

    second_output = load_demo()

    assert Network.objects.count() == 12
    assert row_counts(MODELS) == first
    assert stored_files(media) == files
    assert sorted(Membership.objects.values_list("network__slug", "partner__name")) == (memberships)
    assert "networks: 12 created" in first_output
    assert "networks: 0 created, 0 updated, 12 unchanged" in second_output
    assert not re.search(r"[1-9]\d* (created|updated)", second_output)


def test_a_second_run_repairs_an_edited_network_without_duplicates(media):
    load_demo()
    counts = row_counts(MODELS)
    network = Network.objects.get(slug="vielfalt-verbindet")
    network.since = datetime.date(2020, 1, 1)
    network.save()

    output = load_demo()

    assert Network.objects.get(slug="vielfalt-verbindet").since == datetime.date(2013, 7, 9)
    assert "networks: 0 created, 1 updated, 11 unchanged" in output
    assert row_counts(MODELS) == counts


def test_the_city_cooperation_has_eight_cities_and_five_themes(media):
    load_demo()

    network = Network.objects.get(slug="integration-interkommunal")

    assert network.level == Level.REGIONAL
    assert network.kind == Kind.CITY_COOPERATION
    partners = [membership.partner for membership in network.memberships.all()]
    assert [partner.name for partner in partners] == CITIES
    assert {partner.kind for partner in partners} == {PartnerKind.CITY}
    themes = network.themes.all()
    assert themes.count() == 5
    for theme in themes:
        assert theme.has_translation("de")
        assert theme.has_translation("en")
    assert network.documents.get().title == "Kontrakt Interkulturelle Städteregion Ruhr (Muster)"


def test_the_state_initiative_was_joined_on_9_july_2013(media):
    load_demo()

    network = Network.objects.get(slug="vielfalt-verbindet")

    assert network.level == Level.STATE
    assert network.kind == Kind.STATE_INITIATIVE
    assert network.role == Role.PARTNER
    assert network.since == datetime.date(2013, 7, 9)
    assert network.documents.get().title == (
        "Partnerschaftsvereinbarung Landesinitiative Vielfalt verbindet (Muster)"
    )


def test_the_centres_association_has_the_state_coordination_office(media):
    load_demo()

    network = Network.objects.get(slug="verbund-kommunale-integrationszentren-nrw")

    assert network.level == Level.STATE
    assert network.kind == Kind.CENTRE_ASSOCIATION
    assert [str(membership) for membership in network.memberships.all()] == [
        "Landeskoordinierungsstelle der Kommunalen Integrationszentren NRW"
    ]


def test_local_memberships_are_all_there(media):
    load_demo()

    local = set(Network.objects.filter(level=Level.LOCAL).values_list("slug", flat=True))

    assert {
        "steuerungsgruppe-regionale-bildungslandschaft",
        "ag-chancengleichheit",
        "fach-ak-integration",
        "ak-fluechtlinge",
        "kein-kind-zuruecklassen",
        "lesen-erleben",
        "kinderakademie",
    } <= local
    assert set(Network.objects.values_list("level", flat=True)) == {
        Level.LOCAL,
        Level.REGIONAL,
        Level.STATE,
    }


def test_every_network_is_published_current_in_german_and_english_with_a_field(media):
    load_demo()

    for network in Network.objects.all():
        assert network.is_published, network.slug
        assert network.ended_on is None, network.slug
        assert network.has_translation("de"), network.slug
        assert network.has_translation("en"), network.slug
        assert network.fields_of_work.exists(), network.slug
    assert Network.objects.published().current().count() == 12


def test_the_migrant_organisations_network_links_the_directory_entry(client, media):
    load_demo()

    network = Network.objects.get(slug="netzwerk-migrantenorganisationen")
    partner = network.memberships.get(partner__kind=PartnerKind.MIGRANT_ORGANISATION).partner

    assert network.since == datetime.date(2012, 12, 1)
    assert partner.organisation.slug == "kulturbruecke-osterfeld-beispiel"
    html = client.get(network.get_absolute_url()).content.decode()
    assert f'href="{partner.organisation.get_absolute_url()}"' in html


def test_sample_documents_are_real_pdfs_marked_as_samples(media):
    load_demo()

    assert NetworkDocument.objects.count() == 2
    for document in NetworkDocument.objects.all():
        assert document.title.endswith(" (Muster)")
        assert not document.is_accessible
        assert document.file_type == "PDF"
        validate_document_file(document.file)


def test_demo_networks_page_shows_the_levels_in_order(client, media):
    load_demo()

    html = client.get("/de/netzwerke/").content.decode()

    positions = [html.index(f">{label}</h2>") for label in ["Lokal", "Regional", "Land"]]
    assert positions == sorted(positions)
    assert ">Bund</h2>" not in html
    assert "Städtekooperation „Integration.Interkommunal“" in html
