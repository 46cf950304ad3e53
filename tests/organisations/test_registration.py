"""A representative registers an organisation and confirms the e-mail address."""

import io
import re
import time
import uuid

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from centre.models import CentreProfile
from organisations.forms import PRIVACY_NOTICE_VERSION
from organisations.models import Activity, Audience, District, Organisation, Status
from portal.forms import form_started_token
from tests.concurrency import on_postgresql, post_at_once
from tests.factories import OrganisationFactory
from tests.mail import REFUSING_BACKEND

REGISTER_URL = "/de/migrantenorganisationen/anmelden/"
TEXT_FIELDS = [
    "name",
    "register_court",
    "street",
    "city",
    "description",
    "contact_name",
    "contact_role",
]


def registration_data(**overrides):
    """What a person who fills in every part of the form sends."""
    data = {
        "name": "Deutsch-Türkischer Kulturverein Musterstadt e. V.",
        "legal_form": "ev",
        "register_court": "Amtsgericht Duisburg",
        "register_number": "vr 1234",
        "founded_year": "1998",
        "street": "Marktstraße 10",
        "postal_code": "46045",
        "city": "Musterstadt",
        "district": str(District.objects.get_or_create(name="Mitte")[0].pk),
        "website": "www.kulturverein.example",
        "social_links": "instagram.com/kulturverein\nhttps://www.facebook.com/kulturverein",
        "languages": ["tr", "de"],
        "activities": [str(Activity.objects.get(slug="kultur").pk)],
        "audiences": [str(Audience.objects.get(slug="frauen").pk)],
        "description": "Wir bieten Sprachkurse und ein Frauencafé an.",
        "contact_name": "Aylin Beispiel",
        "contact_role": "Vorsitzende",
        "contact_email": "vorstand@kulturverein.example",
        "contact_phone": "0208 123-4567",
        "publish_contact_email": "on",
        "consent": "on",
        "started": form_started_token(time.time() - 30),
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def register(client, page_language="de", **overrides):
    return client.post(
        f"/{page_language}/migrantenorganisationen/anmelden/", registration_data(**overrides)
    )


def link_in(message, name):
    return re.search(rf"https?://\S+/{name}/\S+/", message.body).group(0)


@pytest.mark.django_db
def test_the_form_shows_every_part_and_the_privacy_text(client):
    response = client.get(REGISTER_URL)

    assert response.status_code == 200
    page = response.content.decode()
    for label in ["Name der Organisation", "Rechtsform", "Registernummer", "Stadtteil oder Ort"]:
        assert label in page
    assert 'lang="tr" dir="ltr">Türkçe</span>' in page
    assert "Kultur" in page
    assert "Frauen" in page
    assert "Was darf im Verzeichnis stehen?" in page
    assert "/de/datenschutz/#migrantenorganisationen" in page
    assert 'class="portal-honeypot"' in page
    assert "csrftoken" in response.cookies


@pytest.mark.django_db
def test_a_registration_is_stored_unconfirmed_and_a_confirmation_link_mailed(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client)

    assert response.status_code == 302
    assert response["Location"] == "/de/migrantenorganisationen/anmelden/danke/"
    organisation = Organisation.objects.get()
    assert organisation.status == Status.UNCONFIRMED
    assert organisation.register_number == "VR 1234"
    assert organisation.website == "https://www.kulturverein.example"
    assert organisation.social_links == [
        "https://instagram.com/kulturverein",
        "https://www.facebook.com/kulturverein",
    ]
    assert sorted(organisation.languages.values_list("code", flat=True)) == ["de", "tr"]
    assert organisation.publish_contact_email
    assert not organisation.publish_contact_phone
    assert organisation.language == "de"
    assert organisation.consent_version == PRIVACY_NOTICE_VERSION
    assert "Art. 6 Abs. 1" in organisation.consent_text
    assert organisation.consented_at is not None
    assert not Organisation.objects.published().exists()
    (message,) = mail.outbox
    assert message.to == ["vorstand@kulturverein.example"]
    assert "/de/migrantenorganisationen/anmelden/bestaetigen/" in message.body
    assert "72 Stunden" in message.body


@pytest.mark.django_db
def test_the_thanks_page_says_what_happens_next(client):
    response = client.get("/de/migrantenorganisationen/anmelden/danke/")

    assert response.status_code == 200
    assert "innerhalb von 72 Stunden" in response.content.decode()


@pytest.mark.django_db
def test_a_registration_in_arabic_gets_its_mail_and_links_in_arabic(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, page_language="ar")

    assert Organisation.objects.get().language == "ar"
    (message,) = mail.outbox
    assert "/ar/migrantenorganisationen/anmelden/bestaetigen/" in message.body
    assert "Guten Tag" not in message.body


@pytest.mark.django_db
def test_extra_fields_in_the_post_are_ignored(client):
    register(
        client,
        status="approved",
        slug="mein-slug",
        last_confirmed_at="2026-01-01 00:00",
        revision_of="1",
        language="ar",
    )

    organisation = Organisation.objects.get()
    assert organisation.status == Status.UNCONFIRMED
    assert organisation.slug != "mein-slug"
    assert organisation.last_confirmed_at is None
    assert organisation.revision_of is None
    assert organisation.language == "de"


@pytest.mark.django_db
def test_the_same_form_sent_twice_stores_one_registration_and_sends_one_mail(
    client, django_capture_on_commit_callbacks
):
    key = str(uuid.uuid4())
    with django_capture_on_commit_callbacks(execute=True):
        first = register(client, submission_key=key)
        second = register(client, submission_key=key)

    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Organisation.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_registration_is_stored_though_the_mail_server_is_down(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING_BACKEND
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client)

    assert response.status_code == 302
    assert response["Location"] == "/de/migrantenorganisationen/anmelden/danke/"
    assert Organisation.objects.get().status == Status.UNCONFIRMED


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_same_form_sent_three_times_at_once_stores_one_registration_and_sends_one_mail():
    responses = post_at_once(REGISTER_URL, registration_data(), times=3)

    assert [(response.status_code, response["Location"]) for response in responses] == [
        (302, "/de/migrantenorganisationen/anmelden/danke/")
    ] * 3
    assert Organisation.objects.count() == 1
    assert {language.code for language in Organisation.objects.get().languages.all()} == {
        "de",
        "tr",
    }
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_form_comes_in_numbered_parts_listed_with_what_is_required(client):
    page = client.get(REGISTER_URL).content.decode()

    assert "Das Formular hat 6 Teile. Nötig sind nur der Name und die Rechtsform" in page
    assert '<a class="kern-link" href="#teil-3">Arbeit</a>' in page
    assert '<fieldset class="kern-fieldset form-part" id="teil-3">' in page
    assert "Teil 3 von 6</span> Arbeit</h2></legend>" in page
    assert "Teil 6 von 6</span> Datenschutz</h2></legend>" in page


def language_parts(page):
    """The languages shown at once and those behind "Weitere Sprachen", and whether that
    part is open."""
    shown, more = page.split('<details class="language-choice__more"', 1)
    more = more.split("</details>", 1)[0]
    codes = re.compile(r'name="languages" value="([a-z]+)"')
    return set(codes.findall(shown)), set(codes.findall(more)), more.startswith(" open>")


@pytest.mark.django_db
def test_the_interface_languages_come_first_and_the_rest_behind_more_languages(client):
    shown, more, is_open = language_parts(client.get(REGISTER_URL).content.decode())

    assert shown == {"de", "en", "tr", "ar", "uk", "ru", "pl", "ro", "bg", "fa"}
    assert {"ti", "kmr", "sq", "prs"} <= more
    assert len(shown | more) == 41
    assert not is_open


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("languages", "opens"), [(["tr"], False), (["tr", "ti"], True), (["zz"], True)]
)
def test_more_languages_open_when_one_of_them_is_chosen_or_wrong(client, languages, opens):
    response = register(client, languages=languages, consent=None)

    assert response.status_code == 200
    assert language_parts(response.content.decode())[2] is opens
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
def test_an_empty_form_names_every_missing_field_and_stores_nothing(client):
    response = client.post(REGISTER_URL, {"started": form_started_token(time.time() - 30)})

    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Fehler:" in page
    form = response.context["form"]
    assert set(form.errors) >= {"name", "legal_form", "contact_name", "contact_email", "consent"}
    assert "Ohne Ihr Einverständnis können wir die Anmeldung nicht annehmen." in page
    assert 'href="#id_name"' in page
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
def test_the_form_keeps_what_was_typed_when_something_is_wrong(client):
    response = register(client, contact_email="keine-adresse", consent=None)

    page = response.content.decode()
    assert 'value="Deutsch-Türkischer Kulturverein Musterstadt e. V."' in page
    assert "Wir bieten Sprachkurse und ein Frauencafé an." in page
    assert 'value="keine-adresse"' in page
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_script_in_any_text_field_is_refused_and_nothing_stored(client, field):
    response = register(client, **{field: '<script>alert("x")</script>'})

    assert response.status_code == 200
    assert "Bitte geben Sie keinen HTML-Code ein." in response.context["form"].errors[field]
    assert "<script>alert" not in response.content.decode()
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
def test_invisible_and_bidi_characters_are_removed_before_required_applies(client):
    response = register(client, name="\u200b\u202e\u2066 \ufeff")

    assert response.context["form"].errors["name"] == ["Dieses Feld ist zwingend erforderlich."]
    register(client, name="Kultur\u202everein\u200b Nord", contact_role="Vorsitz\u00ad")
    organisation = Organisation.objects.get()
    assert organisation.name == "Kulturverein Nord"
    assert organisation.contact_role == "Vorsitz"


@pytest.mark.django_db
def test_persian_zero_width_non_joiner_is_kept(client):
    # "mi-khāhim" (we want): Persian writes the prefix with a zero width non-joiner.
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u06cc\u0645"
    register(client, description=persian)

    assert Organisation.objects.get().description == persian


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"register_number": "12-34"}, "register_number", "wie „VR 1234“"),
        ({"register_number": "HRB 5678"}, "register_number", "Vereinsregister"),
        ({"register_court": ""}, "register_court", "Registergericht"),
        (
            {"legal_form": "none"},
            "register_number",
            "Eine nicht eingetragene Organisation hat keine Registernummer.",
        ),
        ({"founded_year": "1750"}, "founded_year", "zwischen 1800 und heute"),
        ({"founded_year": "neunzehn"}, "founded_year", "ganze Zahl"),
        ({"postal_code": "4604"}, "postal_code", "fünf Ziffern"),
        ({"contact_phone": "bitte anrufen"}, "contact_phone", "Telefonnummer aus Ziffern"),
        ({"contact_phone": "12"}, "contact_phone", "Telefonnummer aus Ziffern"),
        ({"contact_email": "vorstand@"}, "contact_email", "gültige E-Mail-Adresse"),
        ({"website": "nicht eine adresse"}, "website", "gültige Adresse"),
        ({"social_links": "https://a.example\nkein link"}, "social_links", "„kein link“"),
        ({"social_links": "\n".join(f"x{n}.example" for n in range(6))}, "social_links", "5"),
        ({"description": "x" * 1501}, "description", "1500"),
        ({"name": "x" * 201}, "name", "200"),
        ({"languages": ["xx-nope"]}, "languages", "gültige Auswahl"),
        ({"district": "999999"}, "district", "gültige Auswahl"),
        ({"contact_phone": "", "publish_contact_phone": "on"}, "publish_contact_phone", "nichts"),
    ],
)
def test_bad_input_gets_a_message_at_its_field_and_nothing_is_stored(
    client, overrides, field, message
):
    response = register(client, **overrides)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
def test_a_registered_association_number_is_normalised(client):
    register(client, register_number="  vr12345 ")

    assert Organisation.objects.get().register_number == "VR 12345"


@pytest.mark.django_db
def test_a_filled_honeypot_looks_like_success_but_stores_and_sends_nothing(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, fax_number="https://spam.example")

    assert response.status_code == 302
    assert response["Location"] == "/de/migrantenorganisationen/anmelden/danke/"
    assert Organisation.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("started", [None, "kaputt", "time"])
def test_a_form_sent_too_fast_or_without_its_start_time_is_shown_again(client, started):
    value = form_started_token() if started == "time" else started
    response = register(client, started=value)

    assert response.status_code == 200
    assert "automatische Eingabe" in response.content.decode()
    assert Organisation.objects.count() == 0
    # The form shown again carries a fresh start time, so sending it again later works.
    assert response.context["form"]["started"].value() not in {value, None, ""}


@pytest.mark.django_db
def test_a_post_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)

    response = register(client)

    assert response.status_code == 403
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
def test_many_posts_from_one_address_get_a_friendly_429_page(client):
    for _attempt in range(10):
        register(client, name="")

    response = register(client)

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Zu viele Anfragen" in response.content.decode()
    assert Organisation.objects.count() == 0
    assert client.get(REGISTER_URL).status_code == 200
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert register(other).status_code == 302


@pytest.mark.django_db
def test_the_limit_counts_the_address_the_proxy_reports(settings):
    settings.CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"
    crowded = Client(HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.9")
    for _attempt in range(10):
        register(crowded, name="")

    assert register(crowded).status_code == 429
    assert register(Client(HTTP_X_FORWARDED_FOR="203.0.113.10")).status_code == 302


def confirm_link(client, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, **overrides)
    link = link_in(mail.outbox[-1], "bestaetigen")
    return link.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


@pytest.mark.django_db
def test_opening_the_link_asks_first_and_the_button_confirms(
    client, django_capture_on_commit_callbacks, settings
):
    path = confirm_link(client, django_capture_on_commit_callbacks)
    organisation = Organisation.objects.get()

    page = client.get(path)

    assert page.status_code == 200
    assert "Anmeldung bestätigen" in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0")
    assert "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "same-origin"
    organisation.refresh_from_db()
    assert organisation.status == Status.UNCONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(path)

    assert confirmed.status_code == 200
    assert "liegt uns jetzt zur Prüfung vor" in confirmed.content.decode()
    organisation.refresh_from_db()
    assert organisation.status == Status.PENDING
    assert organisation.confirmed_at is not None
    assert list(Organisation.objects.review_queue()) == [organisation]


@pytest.mark.django_db
def test_staff_are_told_of_a_confirmed_registration_without_personal_data(
    client, django_capture_on_commit_callbacks
):
    CentreProfile.objects.create(
        name="Kommunales Integrationszentrum Musterstadt",
        email="integrationszentrum@musterstadt.example",
    )
    path = confirm_link(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)

    staff_mail = mail.outbox[-1]
    assert staff_mail.to == ["integrationszentrum@musterstadt.example"]
    assert "Deutsch-Türkischer Kulturverein" in staff_mail.body
    review_page = f"/admin/organisations/reviewitem/{Organisation.objects.get().pk}/change/"
    assert review_page in staff_mail.body
    for personal in ["Aylin", "vorstand@", "0208 123-4567", "Marktstraße"]:
        assert personal not in staff_mail.body


@pytest.mark.django_db
def test_confirming_twice_changes_nothing_more(client, django_capture_on_commit_callbacks):
    path = confirm_link(client, django_capture_on_commit_callbacks)
    client.post(path)
    organisation = Organisation.objects.get()
    first_confirmation = organisation.confirmed_at

    response = client.post(path)

    assert response.status_code == 200
    organisation.refresh_from_db()
    assert organisation.confirmed_at == first_confirmation
    assert organisation.status == Status.PENDING


@pytest.mark.django_db
def test_an_expired_confirmation_link_changes_nothing(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    path = confirm_link(client, django_capture_on_commit_callbacks)
    later = time.time() + 72 * 3600 + 60
    monkeypatch.setattr(time, "time", lambda: later)

    response = client.post(path)

    assert response.status_code == 400
    assert "Dieser Link ist abgelaufen" in response.content.decode()
    assert Organisation.objects.get().status == Status.UNCONFIRMED


@pytest.mark.django_db
@pytest.mark.parametrize("tamper", ["x", "-1", "drop"])
def test_a_tampered_confirmation_link_changes_nothing(
    client, django_capture_on_commit_callbacks, tamper
):
    path = confirm_link(client, django_capture_on_commit_callbacks)
    token = path.rstrip("/").rsplit("/", 1)[1]
    bad = token[:-1] if tamper == "drop" else token + tamper
    bad_path = path.replace(token, bad)

    response = client.post(bad_path)

    assert response.status_code == 400
    assert "Dieser Link ist nicht gültig" in response.content.decode()
    assert Organisation.objects.get().status == Status.UNCONFIRMED


@pytest.mark.django_db
def test_unconfirmed_registrations_are_deleted_after_seven_days():
    old = timezone.now() - timezone.timedelta(days=7, minutes=1)
    recent = timezone.now() - timezone.timedelta(days=6, hours=23)
    OrganisationFactory(status=Status.UNCONFIRMED, created_at=old, name="Alt")
    OrganisationFactory(status=Status.UNCONFIRMED, created_at=recent, name="Neu")
    OrganisationFactory(status=Status.PENDING, created_at=old, name="Bestätigt")
    OrganisationFactory(status=Status.APPROVED, created_at=old, name="Freigegeben")

    output = io.StringIO()
    call_command("delete_unconfirmed_organisations", stdout=output)

    assert output.getvalue().strip() == "1 unconfirmed registration(s) deleted."

    assert sorted(Organisation.objects.values_list("name", flat=True)) == [
        "Bestätigt",
        "Freigegeben",
        "Neu",
    ]
