"""The pages representatives reach through links, and the form with errors, are valid HTML."""

import time

import pytest

from organisations.services import manage_link
from portal.forms import form_started_token
from tests.factories import OrganisationFactory
from tests.pages import LANGUAGES
from tests.test_html_validity import html_errors


def representative_pages(client, language):
    """Every page of the registration and self-service flows that needs state to reach it."""
    entry = OrganisationFactory(name="Elternverein Brücke e. V.", language=language)
    entry.languages.set(["tr", "ar"])
    pending = OrganisationFactory(status="unconfirmed", name="Neuer Verein e. V.")
    manage = "/" + manage_link(entry).split("://", 1)[1].split("/", 1)[1]
    token = pending.make_link_token("confirm")
    confirm = f"/{language}/migrantenorganisationen/anmelden/bestaetigen/{token}/"
    pages = {
        "register-errors": client.post(
            f"/{language}/migrantenorganisationen/anmelden/",
            {"name": "<b>", "started": form_started_token(time.time() - 30)},
        ),
        "new-link-errors": client.post(
            f"/{language}/migrantenorganisationen/eintrag/link/", {"email": "kaputt"}
        ),
        "confirm": client.get(confirm),
        "manage": client.get(manage),
        "change": client.get(f"{manage}aendern/"),
        "change-errors": client.post(f"{manage}aendern/", {"name": ""}),
        "topics": client.get(f"{manage}themen/"),
        "withdraw": client.get(f"{manage}zurueckziehen/"),
        "invalid-link": client.get(f"/{language}/migrantenorganisationen/eintrag/kaputt/"),
        "confirmed": client.post(confirm),
    }
    for _attempt in range(5):
        client.post(f"/{language}/migrantenorganisationen/eintrag/link/", {"email": "x"})
    pages["too-many-requests"] = client.post(
        f"/{language}/migrantenorganisationen/eintrag/link/", {"email": "x"}
    )
    return pages


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_registration_and_self_service_pages_have_no_html_errors(client, tmp_path, language):
    pages = representative_pages(client, language)
    for name, response in pages.items():
        expected = {"invalid-link": 400, "too-many-requests": 429}.get(name, 200)
        assert response.status_code == expected, name

    errors = html_errors(pages, tmp_path)

    assert not errors, "\n".join(errors)
