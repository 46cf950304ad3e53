import datetime

import pytest
from django.utils import timezone

from networks.models import Level, Membership, Network
from tests.factories import MembershipFactory, NetworkFactory, PartnerFactory, ThemeFactory

pytestmark = pytest.mark.django_db

CHANGELIST_URL = "/admin/networks/network/"
ADD_URL = "/admin/networks/network/add/"
SINCE_IN_FUTURE = (
    "Dieses Datum liegt in der Zukunft. Tragen Sie ein, seit wann das Zentrum schon dabei ist."
)


def network_form(**overrides):
    """The admin's add form for a network, as a browser would post it."""
    data = {
        "name": "AK Flüchtlinge",
        "slug": "ak-fluechtlinge",
        "description": "Der Arbeitskreis bündelt, was Stadt und Verbände tun.",
        "centre_role": "",
        "website": "",
        "level": "local",
        "kind": "working_group",
        "role": "member",
        "since": "2015-09-01",
        "ended_on": "",
        "is_published": "on",
        "order": "0",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def with_partners(data, *partners):
    data["memberships-TOTAL_FORMS"] = str(len(partners))
    for number, partner in enumerate(partners):
        data[f"memberships-{number}-partner"] = str(partner.pk)
        data[f"memberships-{number}-order"] = str(number)
    return data


def field_errors(response, name):
    return response.context["adminform"].form.errors.get(name, [])


def test_network_editor_creates_a_network_with_partners_and_themes(network_editor_client):
    essen, bochum = PartnerFactory(name="Essen"), PartnerFactory(name="Bochum")
    theme = ThemeFactory()
    data = with_partners(network_form(themes=[theme.pk]), essen, bochum)

    response = network_editor_client.post(ADD_URL, data)

    assert response.status_code == 302
    network = Network.objects.get(slug="ak-fluechtlinge")
    assert network.name == "AK Flüchtlinge"
    assert network.since == datetime.date(2015, 9, 1)
    assert [str(membership) for membership in network.memberships.all()] == ["Essen", "Bochum"]
    assert list(network.themes.all()) == [theme]


def test_since_in_the_future_is_refused_next_to_the_field(network_editor_client):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = network_editor_client.post(ADD_URL, network_form(since=tomorrow.isoformat()))

    assert response.status_code == 200
    assert field_errors(response, "since") == [SINCE_IN_FUTURE]
    html = response.content.decode()
    field_row = html[html.index('class="form-row errors field-since') :]
    assert SINCE_IN_FUTURE in field_row[: field_row.index('name="since"')]
    assert not Network.objects.exists()


def test_since_today_is_accepted(network_editor_client):
    today = timezone.localdate()

    response = network_editor_client.post(ADD_URL, network_form(since=today.isoformat()))

    assert response.status_code == 302
    assert Network.objects.get().since == today


def test_end_before_the_start_is_refused(network_editor_client):
    data = network_form(since="2015-09-01", ended_on="2015-08-31")

    response = network_editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert field_errors(response, "ended_on") == ["Das Ende kann nicht vor dem Beginn liegen."]
    assert not Network.objects.exists()


def test_the_same_partner_twice_in_one_network_is_refused(network_editor_client):
    essen = PartnerFactory(name="Essen")
    data = with_partners(network_form(), essen, essen)

    response = network_editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    formset = next(
        formset
        for formset in response.context["inline_admin_formsets"]
        if formset.formset.prefix == "memberships"
    )
    assert formset.formset.non_form_errors()
    assert not Network.objects.exists()
    assert not Membership.objects.exists()


def test_adding_a_partner_a_second_time_to_a_stored_network_is_refused(network_editor_client):
    network = NetworkFactory(slug="ak-fluechtlinge", since=datetime.date(2015, 9, 1))
    membership = MembershipFactory(network=network)
    data = network_form(
        **{
            "memberships-TOTAL_FORMS": "2",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": str(membership.pk),
            "memberships-0-network": str(network.pk),
            "memberships-0-partner": str(membership.partner.pk),
            "memberships-0-order": "0",
            "memberships-1-network": str(network.pk),
            "memberships-1-partner": str(membership.partner.pk),
            "memberships-1-order": "1",
        }
    )

    response = network_editor_client.post(f"{CHANGELIST_URL}{network.pk}/change/", data)

    assert response.status_code == 200
    assert network.memberships.count() == 1


def test_action_ends_the_membership_today_and_the_list_page_moves_it(network_editor_client, client):
    network = NetworkFactory(name="AK Chancengleichheit", since=datetime.date(2014, 1, 1))
    other = NetworkFactory(name="Fach-AK Integration")

    response = network_editor_client.post(
        CHANGELIST_URL, {"action": "end_today", "_selected_action": [network.pk]}
    )

    assert response.status_code == 302
    network.refresh_from_db()
    other.refresh_from_db()
    assert network.ended_on == timezone.localdate()
    assert other.ended_on is None
    html = client.get("/de/netzwerke/").content.decode()
    current, former = html.split("Frühere Mitgliedschaften")
    assert "AK Chancengleichheit" not in current
    assert "AK Chancengleichheit" in former
    assert "Fach-AK Integration" in current


def test_action_leaves_ended_and_not_yet_started_memberships_alone(network_editor_client):
    ended = NetworkFactory(since=datetime.date(2010, 1, 1), ended_on=datetime.date(2012, 1, 1))
    starting = NetworkFactory()
    Network.objects.filter(pk=starting.pk).update(
        since=timezone.localdate() + datetime.timedelta(days=10)
    )

    network_editor_client.post(
        CHANGELIST_URL, {"action": "end_today", "_selected_action": [ended.pk, starting.pk]}
    )

    ended.refresh_from_db()
    starting.refresh_from_db()
    assert ended.ended_on == datetime.date(2012, 1, 1)
    assert starting.ended_on is None


def test_network_editor_reorders_networks_in_the_list(network_editor_client):
    first = NetworkFactory(order=1)
    second = NetworkFactory(order=2)
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": first.pk,
        "form-0-order": "5",
        "form-1-id": second.pk,
        "form-1-order": "3",
        "_save": "Sichern",
    }

    response = network_editor_client.post(CHANGELIST_URL, data)

    assert response.status_code == 302
    assert list(Network.objects.values_list("pk", flat=True)) == [second.pk, first.pk]


def test_status_filter_separates_current_and_ended_memberships(network_editor_client):
    NetworkFactory(name="Laufendes Netz")
    NetworkFactory(name="Altes Netz", ended_on=datetime.date(2020, 1, 1))

    current = network_editor_client.get(CHANGELIST_URL, {"mitgliedschaft": "aktuell"})
    ended = network_editor_client.get(CHANGELIST_URL, {"mitgliedschaft": "beendet"})

    assert "Laufendes Netz" in current.content.decode()
    assert "Altes Netz" not in current.content.decode()
    assert "Altes Netz" in ended.content.decode()
    assert "Laufendes Netz" not in ended.content.decode()


def test_changelist_lists_each_network_once(network_editor_client):
    network = NetworkFactory(name="Verbund NRW", level=Level.STATE)
    network.set_current_language("en")
    network.name = "Network NRW"
    network.save()

    response = network_editor_client.get(CHANGELIST_URL, {"q": "NRW"})

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


STAFF_URLS = [
    CHANGELIST_URL,
    ADD_URL,
    "/admin/networks/partner/",
    "/admin/networks/partner/add/",
    "/admin/networks/theme/",
    "/admin/networks/theme/add/",
]


@pytest.mark.parametrize("url", STAFF_URLS)
def test_network_editor_may_open_the_networks_admin(network_editor_client, url):
    assert network_editor_client.get(url).status_code == 200


@pytest.mark.parametrize("url", STAFF_URLS)
def test_outsider_is_refused(outsider_client, url):
    assert outsider_client.get(url).status_code == 403


@pytest.mark.parametrize("url", STAFF_URLS)
def test_staff_of_another_role_are_refused(counsellor_client, url):
    assert counsellor_client.get(url).status_code == 403


def test_outsider_cannot_end_a_membership_by_posting(outsider_client):
    network = NetworkFactory()

    response = outsider_client.post(
        CHANGELIST_URL, {"action": "end_today", "_selected_action": [network.pk]}
    )

    assert response.status_code == 403
    network.refresh_from_db()
    assert network.ended_on is None


def test_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(CHANGELIST_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
