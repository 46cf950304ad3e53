"""The counselling pages, the form with errors and the 429 page are valid HTML."""

import time

import pytest

from portal.forms import form_started_token
from tests.counselling.test_pages import make_counsellor
from tests.pages import LANGUAGES
from tests.test_html_validity import html_errors


def counselling_pages(client, language):
    """Every page of the section, including the states only a post reaches."""
    make_counsellor()
    form = f"/{language}/beratung/anfrage/"
    started = form_started_token(time.time() - 30)
    pages = {
        "information": client.get(f"/{language}/beratung/"),
        "form": client.get(form),
        "form-errors": client.post(
            form,
            {
                "topic": "accompaniment",
                "channel": "sms",
                "contact_detail": "0208 825-1234",
                "name": "<b>Leyla</b>",
                "appointment_time": "10:00",
                "message": "Hallo",
                "wants_confirmation": "on",
                "started": started,
            },
        ),
        "empty-form-errors": client.post(form, {"started": started}),
        "sent": client.get(f"/{language}/beratung/anfrage/gesendet/"),
    }
    for _attempt in range(4):
        client.post(form, {"started": started})
    pages["too-many-requests"] = client.post(form, {"started": started})
    return pages


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_counselling_pages_have_no_html_errors(client, tmp_path, language):
    pages = counselling_pages(client, language)
    for name, response in pages.items():
        assert response.status_code == (429 if name == "too-many-requests" else 200), name

    errors = html_errors(pages, tmp_path)

    assert not errors, "\n".join(errors)
