import pytest

from centre.models import CentreProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre():
    profile = CentreProfile.objects.create(name="Kommunales Integrationszentrum Musterstadt")
    profile.set_current_language("en")
    profile.name = "Municipal Integration Centre Musterstadt"
    profile.save()
    return profile


def test_header_speaks_the_page_language_whichever_language_warmed_the_cache(client, centre):
    german = client.get("/de/").content.decode()
    english = client.get("/en/").content.decode()
    arabic = client.get("/ar/").content.decode()

    assert "Kommunales Integrationszentrum Musterstadt</bdi></a>" in german
    assert "Municipal Integration Centre Musterstadt</bdi></a>" in english
    assert "Kommunales Integrationszentrum Musterstadt</bdi></a>" in arabic


def test_profile_is_read_from_the_cache_after_the_first_page(
    client, centre, django_assert_num_queries
):
    client.get("/de/impressum/")

    # the imprint page itself; header and footer add none
    with django_assert_num_queries(1):
        client.get("/en/impressum/")


def test_saving_the_profile_shows_the_change_at_once(client, centre):
    client.get("/de/impressum/")

    centre.set_current_language("de")
    centre.phone = "0208 999"
    centre.save()

    assert "0208 999" in client.get("/de/impressum/").content.decode()
