"""The German text beside the rows of a tabular inline: a location's closures."""

import datetime

import pytest

from centre.models import Closure, Location

pytestmark = pytest.mark.django_db


@pytest.fixture
def closure():
    location = Location.objects.create(
        name="Haus der Vielfalt", street="Musterstraße 1", postal_code="12345", city="Musterstadt"
    )
    return Closure.objects.create(
        location=location,
        starts_on=datetime.date(2026, 12, 24),
        ends_on=datetime.date(2026, 12, 31),
        reason="Jahreswechsel",
    )


def test_each_closure_row_shows_its_german_reason_while_translating(admin_client, closure):
    url = f"/admin/centre/location/{closure.location.pk}/change/"

    arabic = admin_client.get(url, {"language": "ar"}).content.decode()
    german = admin_client.get(url, {"language": "de"}).content.decode()

    assert 'aria-describedby="id_closures-0-reason_helptext id_closures-0-reason_german"' in arabic
    assert (
        '<div class="german-source" id="id_closures-0-reason_german"><strong>Deutscher Text:'
        '</strong> <span class="german-source__text" lang="de" dir="ltr">Jahreswechsel</span>'
        "</div>"
    ) in arabic
    assert "german-source" not in german
