import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from centre.models import CentreProfile
from networks.models import Kind, Level, Network, Role
from tests.factories import (
    FieldOfWorkFactory,
    MembershipFactory,
    NetworkDocumentFactory,
    NetworkFactory,
    OrganisationFactory,
    PartnerFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/de/netzwerke/"
FORMER_HEADING = "Frühere Mitgliedschaften"


def today():
    return timezone.localdate()


def detail_url(network, language="de"):
    return f"/{language}/netzwerke/{network.slug}/"


def current_part(html):
    """The page up to the former memberships: the level groups."""
    return html.split(FORMER_HEADING)[0]


def former_part(html):
    assert FORMER_HEADING in html
    return html.split(FORMER_HEADING, 1)[1]


def english_only_network():
    network = Network(slug="only-english", level=Level.LOCAL, kind=Kind.PROJECT, is_published=True)
    network.set_current_language("en")
    network.name = "English only network"
    network.description = "No German text yet."
    network.save()
    return network


# The list page


def test_list_groups_networks_by_level_in_the_order_local_regional_state_federal(client):
    NetworkFactory(name="Landesnetz", level=Level.STATE)
    NetworkFactory(name="Bundesnetz", level=Level.FEDERAL)
    NetworkFactory(name="Stadtnetz", level=Level.LOCAL)
    NetworkFactory(name="Ruhrnetz", level=Level.REGIONAL)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    html = response.content.decode()
    headings = [f">{label}</h2>" for label in ["Lokal", "Regional", "Land", "Bund"]]
    positions = [html.index(heading) for heading in headings]
    assert positions == sorted(positions)
    names = [html.index(name) for name in ["Stadtnetz", "Ruhrnetz", "Landesnetz", "Bundesnetz"]]
    assert names == sorted(names)
    # Each network sits under its own level's heading, before the next one.
    assert positions[0] < names[0] < positions[1] < names[1] < positions[2] < names[2]
    assert positions[3] < names[3]


def test_level_without_networks_has_no_heading(client):
    NetworkFactory(level=Level.LOCAL)
    NetworkFactory(level=Level.STATE)

    html = client.get(LIST_URL).content.decode()

    assert ">Lokal</h2>" in html
    assert ">Land</h2>" in html
    assert ">Regional</h2>" not in html
    assert ">Bund</h2>" not in html


def test_within_a_level_networks_follow_their_order_then_creation(client):
    NetworkFactory(name="Netz C", order=2)
    NetworkFactory(name="Netz A", order=1)
    NetworkFactory(name="Netz B", order=1)

    html = client.get(LIST_URL).content.decode()

    assert html.index("Netz A") < html.index("Netz B") < html.index("Netz C")


def test_list_shows_the_facts_partners_themes_fields_documents_and_website(client):
    field = FieldOfWorkFactory(title="Bildung und Sprache")
    draft_field = FieldOfWorkFactory(title="Entwurfsfeld", is_published=False)
    network = NetworkFactory(
        name="Steuerungsgruppe Bildung",
        description="Plant, wie Kitas und Schulen zusammenarbeiten.",
        kind=Kind.STEERING_GROUP,
        role=Role.COORDINATION,
        centre_role="lädt zu den Sitzungen ein",
        since=datetime.date(2012, 12, 1),
        website="https://bildung.example.org/",
    )
    network.fields_of_work.add(field, draft_field)
    network.themes.add(ThemeFactory(name="Übergang Kita–Schule"))
    MembershipFactory(network=network, partner=PartnerFactory(name="Stadtsportbund"))
    document = NetworkDocumentFactory(network=network, title="Geschäftsordnung")

    html = client.get(LIST_URL).content.decode()

    assert f'href="{detail_url(network)}">Steuerungsgruppe Bildung</a>' in html
    assert "Plant, wie Kitas und Schulen zusammenarbeiten." in html
    assert "Steuerungsgruppe</dd>" in html
    assert "Koordination: <span>lädt zu den Sitzungen ein</span>" in html
    assert '<time datetime="2012-12-01">' in html
    assert "Stadtsportbund" in html
    assert "Übergang Kita–Schule" in html
    assert f'href="{field.get_absolute_url()}">Bildung und Sprache</a>' in html
    assert "Entwurfsfeld" not in html
    assert draft_field.get_absolute_url() not in html
    assert f'href="{document.get_absolute_url()}"' in html
    assert "Geschäftsordnung" in html
    assert 'href="https://bildung.example.org/"' in html


def test_partner_links_to_its_directory_entry_only_while_it_is_published(client):
    network = NetworkFactory()
    listed = OrganisationFactory(name="Kulturbrücke e. V.")
    pending = OrganisationFactory(name="Neuer Verein e. V.", pending=True)
    MembershipFactory(
        network=network, partner=PartnerFactory(name=listed.name, organisation=listed)
    )
    MembershipFactory(
        network=network, partner=PartnerFactory(name=pending.name, organisation=pending)
    )
    MembershipFactory(
        network=network,
        partner=PartnerFactory(name="Stadt Essen", website="https://www.essen.de/"),
    )

    html = client.get(LIST_URL).content.decode()

    assert f'href="{listed.get_absolute_url()}">Kulturbrücke e. V.</a>' in html
    assert "<bdi>Neuer Verein e. V.</bdi>" in html
    assert pending.get_absolute_url() not in html
    assert 'href="https://www.essen.de/">Stadt Essen</a>' in html


def test_unpublished_networks_and_networks_without_german_text_are_not_shown(client):
    NetworkFactory(name="Sichtbares Netz")
    NetworkFactory(name="Entwurfsnetz", is_published=False)
    NetworkFactory(name="Beendeter Entwurf", is_published=False, ended_on=datetime.date(2020, 1, 1))
    english_only_network()

    html = client.get(LIST_URL).content.decode()

    assert "Sichtbares Netz" in html
    assert "Entwurfsnetz" not in html
    assert "Beendeter Entwurf" not in html
    assert "English only network" not in html


@pytest.mark.parametrize("days_ago", [0, 400])
def test_ended_network_appears_only_under_former_memberships(client, days_ago):
    NetworkFactory(name="Aktuelles Netz")
    ended = NetworkFactory(
        name="Altes Netz",
        since=datetime.date(2010, 3, 1),
        ended_on=today() - datetime.timedelta(days=days_ago),
    )

    html = client.get(LIST_URL).content.decode()

    assert "Altes Netz" not in current_part(html)
    assert "Aktuelles Netz" in current_part(html)
    former = former_part(html)
    assert f'href="{detail_url(ended)}">Altes Netz</a>' in former
    assert f"(2010–{ended.ended_on.year})" in former
    assert "Aktuelles Netz" not in former


def test_membership_ending_in_the_future_is_still_current(client):
    NetworkFactory(name="Laufendes Netz", ended_on=today() + datetime.timedelta(days=1))

    html = client.get(LIST_URL).content.decode()

    assert "Laufendes Netz" in html
    assert FORMER_HEADING not in html


def test_list_without_networks_says_they_come_soon(client):
    html = client.get(LIST_URL).content.decode()

    assert "Hier stellen wir bald die Netzwerke vor" in html
    assert FORMER_HEADING not in html


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_list_in_english_and_arabic_has_translated_headings(client, language, direction):
    NetworkFactory(name="Stadtnetz", level=Level.LOCAL)
    NetworkFactory(name="Altes Netz", ended_on=datetime.date(2020, 1, 1))

    response = client.get(f"/{language}/netzwerke/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}" dir="{direction}"' in html
    with translation.override(language):
        title = str(translation.gettext("Netzwerke und Zusammenarbeit"))
        local = str(Level.LOCAL.label)
        former = translation.gettext(FORMER_HEADING)
    assert title != "Netzwerke und Zusammenarbeit"
    assert local != "Lokal"
    assert former != FORMER_HEADING
    assert f">{title}</h1>" in html
    assert f">{local}</h2>" in html
    assert f">{former}</h2>" in html
    # The network has no text in this language: it is German, marked as such.
    assert '<h3 class="kern-heading-medium" lang="de" dir="ltr">' in html
    assert "Stadtnetz" in html


def create_networks(count):
    """`count` networks, each with 3 partners (one in the directory), 2 themes, a field and a
    document; one former network too."""
    organisation = OrganisationFactory()
    field = FieldOfWorkFactory()
    for number in range(count):
        network = NetworkFactory(level=list(Level)[number % 4])
        MembershipFactory(network=network)
        MembershipFactory(network=network)
        MembershipFactory(
            network=network,
            partner=PartnerFactory(name=f"Verein {number}", organisation=organisation),
        )
        network.themes.add(ThemeFactory(), ThemeFactory())
        network.fields_of_work.add(field)
        NetworkDocumentFactory(network=network)
    NetworkFactory(ended_on=datetime.date(2020, 1, 1))


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize("language", ["de", "ar"])
def test_list_query_count_does_not_grow_with_networks(
    client, django_assert_num_queries, count, language
):
    CentreProfile.objects.create(name="KI Musterstadt")
    create_networks(count)
    url = f"/{language}/netzwerke/"
    client.get(url)  # warms the cached centre profile

    # networks, their translations, memberships with partners, the partners' directory
    # entries, themes, their translations, fields, their translations, documents; former
    # networks, their translations
    with django_assert_num_queries(11):
        response = client.get(url)

    html = response.content.decode()
    assert html.count('class="network-card"') == count
    assert html.count("<li><bdi>") == 3 * count
    assert html.count('<ul class="theme-list">') == count


# The detail page


def test_detail_shows_a_published_network(client):
    network = NetworkFactory(name="AK Flüchtlinge", description="Bündelt die Hilfe.")

    response = client.get(detail_url(network))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="kern-heading-x-large">AK Flüchtlinge</h1>' in html
    assert "Bündelt die Hilfe." in html
    assert "nicht mehr mit" not in html
    assert f'href="{reverse("networks:list")}"' in html


def test_detail_of_a_former_network_says_the_centre_no_longer_takes_part(client):
    network = NetworkFactory(ended_on=today() - datetime.timedelta(days=30))

    response = client.get(detail_url(network))

    assert response.status_code == 200
    assert "Das Zentrum arbeitet in diesem Netzwerk nicht mehr mit." in response.content.decode()


def test_detail_of_a_membership_ending_later_does_not_say_it_has_ended(client):
    network = NetworkFactory(ended_on=today() + datetime.timedelta(days=30))

    response = client.get(detail_url(network))

    assert response.status_code == 200
    assert "nicht mehr mit" not in response.content.decode()


@pytest.mark.parametrize(
    "network",
    [
        lambda: NetworkFactory(is_published=False),
        english_only_network,
        lambda: Network(slug="gibt-es-nicht"),
    ],
    ids=["unpublished", "without-german", "unknown"],
)
def test_detail_of_a_hidden_or_unknown_network_is_not_found(client, network):
    response = client.get(detail_url(network()))

    assert response.status_code == 404


def test_city_cooperation_lists_its_member_cities_and_themes(client):
    network = NetworkFactory(
        name="Städtekooperation Ruhr", level=Level.REGIONAL, kind=Kind.CITY_COOPERATION
    )
    for name in ["Bochum", "Dortmund", "Mülheim an der Ruhr"]:
        MembershipFactory(network=network, partner=PartnerFactory(name=name))
    network.themes.add(ThemeFactory(name="Demografischer Wandel"), ThemeFactory(name="Vielfalt"))

    html = client.get(detail_url(network)).content.decode()

    assert 'class="kern-description-list-item__key">Mitgliedsstädte</dt>' in html
    for name in ["Bochum", "Dortmund", "Mülheim an der Ruhr"]:
        assert f"<bdi>{name}</bdi>" in html
    assert "Demografischer Wandel" in html
    assert "Vielfalt" in html
    assert "Regional · Städtekooperation" in html


def test_other_networks_call_their_members_partners(client):
    network = NetworkFactory(kind=Kind.WORKING_GROUP)
    MembershipFactory(network=network, partner=PartnerFactory(name="Caritas"))

    html = client.get(detail_url(network)).content.decode()

    assert "Mitgliedsstädte" not in html
    assert ">Partner</dt>" in html


@pytest.mark.parametrize("language", ["de", "ar"])
def test_detail_query_count_does_not_grow_with_partners(
    client, django_assert_num_queries, language
):
    CentreProfile.objects.create(name="KI Musterstadt")
    network = NetworkFactory(kind=Kind.CITY_COOPERATION)
    organisation = OrganisationFactory()
    for number in range(20):
        MembershipFactory(
            network=network,
            partner=PartnerFactory(organisation=organisation if number % 2 else None),
        )
        network.themes.add(ThemeFactory())
        network.fields_of_work.add(FieldOfWorkFactory())
        NetworkDocumentFactory(network=network)
    client.get(detail_url(network, language))

    # network, its translations, memberships with partners, directory entries, themes,
    # their translations, fields, their translations, documents
    with django_assert_num_queries(9):
        response = client.get(detail_url(network, language))

    html = response.content.decode()
    assert html.count("<li><bdi>") == 20
    assert html.count(organisation.get_absolute_url()) == 10


def test_document_download_is_an_attachment_named_after_the_title(client):
    document = NetworkDocumentFactory(title="Partnerschaftsvereinbarung Vielfalt")

    response = client.get(document.get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="partnerschaftsvereinbarung-vielfalt.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_document_cannot_be_fetched_through_another_network(client):
    document = NetworkDocumentFactory()
    other = NetworkFactory()

    response = client.get(reverse("networks:document", args=[other.slug, document.pk]))

    assert response.status_code == 404


def test_document_of_an_unpublished_network_is_not_found(client):
    document = NetworkDocumentFactory(network=NetworkFactory(is_published=False))

    response = client.get(document.get_absolute_url())

    assert response.status_code == 404


# Fields of work and networks


def test_field_of_work_links_its_current_published_networks(client):
    field = FieldOfWorkFactory(title="Neuzugewanderte")
    current = NetworkFactory(name="AK Flüchtlinge")
    ending_later = NetworkFactory(
        name="Projekt bis nächstes Jahr", ended_on=today() + datetime.timedelta(days=200)
    )
    ended = NetworkFactory(name="Beendetes Projekt", ended_on=today())
    draft = NetworkFactory(name="Entwurfsnetz", is_published=False)
    field.networks.add(current, ending_later, ended, draft)

    html = client.get(field.get_absolute_url()).content.decode()

    assert f'href="{current.get_absolute_url()}">AK Flüchtlinge</a>' in html
    assert f'href="{ending_later.get_absolute_url()}">Projekt bis nächstes Jahr</a>' in html
    assert "Beendetes Projekt" not in html
    assert "Entwurfsnetz" not in html


def test_field_of_work_without_networks_has_no_networks_section(client):
    field = FieldOfWorkFactory()

    html = client.get(field.get_absolute_url()).content.decode()

    assert 'id="networks-heading"' not in html


def test_network_page_links_back_to_its_fields(client):
    field = FieldOfWorkFactory(title="Interkulturelle Öffnung")
    network = NetworkFactory()
    network.fields_of_work.add(field)

    html = client.get(detail_url(network)).content.decode()

    assert f'href="{field.get_absolute_url()}">Interkulturelle Öffnung</a>' in html


@pytest.mark.parametrize("language", ["de", "ar"])
def test_field_of_work_query_count_does_not_grow_with_networks(
    client, django_assert_num_queries, language
):
    CentreProfile.objects.create(name="KI Musterstadt")
    field = FieldOfWorkFactory()
    field.networks.add(*(NetworkFactory() for _ in range(20)))
    url = f"/{language}{field.get_absolute_url()[3:]}"
    client.get(url)

    # field, its translations, offers, target groups, documents, contact persons, related
    # fields (none of these five, so no translations to fetch), networks, their translations
    with django_assert_num_queries(9):
        response = client.get(url)

    assert response.content.decode().count(f'href="/{language}/netzwerke/arbeitskreis-') == 20
