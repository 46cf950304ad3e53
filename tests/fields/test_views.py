import pytest
from django.urls import reverse

from centre.models import CentreProfile, ConsultationHours, ContactPerson, Weekday
from languages.models import Language
from tests.factories import DocumentFactory, FieldOfWorkFactory, OfferFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db


def detail_url(field, language="de"):
    return f"/{language}/handlungsfelder/{field.slug}/"


def test_list_shows_published_fields_in_order_and_hides_unpublished(client):
    FieldOfWorkFactory(title="Sport", order=2)
    FieldOfWorkFactory(title="Bildung", order=1)
    FieldOfWorkFactory(title="Entwurf", is_published=False)

    response = client.get("/de/handlungsfelder/")

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Bildung") < html.index("Sport")
    assert "Entwurf" not in html


def test_home_shows_centre_name_mission_and_field_tiles(client):
    CentreProfile.objects.create(name="KI Musterstadt", mission="Wir verbinden Menschen.")
    field = FieldOfWorkFactory(title="Integration durch Sport")

    response = client.get("/de/")

    html = response.content.decode()
    assert "KI Musterstadt" in html
    assert "Wir verbinden Menschen." in html
    assert f'href="{detail_url(field)}"' in html


def test_detail_shows_offers_target_groups_documents_and_related_fields(client):
    group = TargetGroupFactory(name="Seniorinnen und Senioren")
    related = FieldOfWorkFactory(title="Bildung und Sprache")
    hidden_related = FieldOfWorkFactory(title="Unveröffentlicht", is_published=False)
    field = FieldOfWorkFactory(title="Seniorenarbeit", body="<h2>Ziele</h2><p>Pflege</p>")
    field.target_groups.add(group)
    field.related_fields.add(related, hidden_related)
    OfferFactory(field_of_work=field, title="Schulungen", description="Für Pflegekräfte")
    document = DocumentFactory(field_of_work=field, title="Wegweiser Pflege", language="en")

    response = client.get(detail_url(field))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h2>Ziele</h2>" in html
    assert "Schulungen" in html
    assert "Für Pflegekräfte" in html
    assert "Seniorinnen und Senioren" in html
    assert "Wegweiser Pflege" in html
    assert "PDF" in html
    assert f"{document.size}\xa0Bytes" in html
    assert "Englisch" in html
    assert "nicht auf Barrierefreiheit geprüft" in html
    assert "Bildung und Sprache" in html
    assert "Unveröffentlicht" not in html


def test_unpublished_field_is_not_found_for_visitors(client):
    field = FieldOfWorkFactory(is_published=False)

    response = client.get(detail_url(field))

    assert response.status_code == 404


def test_unpublished_field_is_a_preview_for_editors(editor_client):
    field = FieldOfWorkFactory(title="Neues Feld", is_published=False)

    response = editor_client.get(detail_url(field))

    assert response.status_code == 200
    assert "Vorschau" in response.content.decode()


def test_unpublished_field_stays_hidden_from_staff_without_permission(outsider_client):
    field = FieldOfWorkFactory(is_published=False)

    response = outsider_client.get(detail_url(field))

    assert response.status_code == 404


def test_unknown_slug_shows_the_portals_own_translated_404_page(client):
    response = client.get("/en/handlungsfelder/gibt-es-nicht/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-footer"' in html


def test_unknown_language_prefix_shows_the_portals_404_page(client):
    response = client.get("/xx/handlungsfelder/", headers={"accept-language": "de"})

    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_english_translation_is_shown_under_en(client):
    field = FieldOfWorkFactory(title="Integration durch Sport")
    field.set_current_language("en")
    field.title = "Integration through sport"
    field.summary = "Coach training for migrants."
    field.save()

    html = client.get(detail_url(field, "en")).content.decode()

    assert "Integration through sport" in html
    assert "noch nicht in Ihre Sprache übersetzt" not in html


def test_untranslated_tiles_say_they_are_only_in_german(client):
    FieldOfWorkFactory(title="Integration durch Sport")
    translated = FieldOfWorkFactory(title="Bildung")
    translated.set_current_language("en")
    translated.title = "Education"
    translated.summary = "Schools and language."
    translated.save()

    html = client.get("/en/handlungsfelder/").content.decode()

    assert html.count("Only in German") == 1
    assert '<h2 class="kern-title" lang="de" dir="ltr">' in html


def test_untranslated_content_falls_back_to_german_with_a_note_and_lang_de(client):
    field = FieldOfWorkFactory(title="Integration durch Sport")

    html = client.get(detail_url(field, "ar")).content.decode()

    assert 'dir="rtl"' in html
    assert '<h1 class="kern-heading-x-large" lang="de" dir="ltr">' in html
    assert "Integration durch Sport" in html
    assert "fallback-note" in html


@pytest.mark.parametrize("language", ["de", "ar"])
def test_list_page_query_count_does_not_grow_with_fields(
    client, django_assert_num_queries, language
):
    CentreProfile.objects.create(name="KI Musterstadt")
    for _ in range(35):
        FieldOfWorkFactory()
    client.get(f"/{language}/handlungsfelder/")  # warms the cached centre profile

    # fields, their translations
    with django_assert_num_queries(2):
        response = client.get(f"/{language}/handlungsfelder/")

    assert response.content.decode().count("tiles__item") == 35


def test_home_query_count_does_not_grow_with_fields(client, django_assert_num_queries):
    CentreProfile.objects.create(name="KI Musterstadt")
    for _ in range(35):
        FieldOfWorkFactory()
    client.get("/de/")

    # fields, their translations, featured target groups, news, events (none of these three,
    # so no translations to fetch), whether there is a sign-language video
    with django_assert_num_queries(6):
        client.get("/de/")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_detail_page_query_count_does_not_grow_with_offers(
    client, django_assert_num_queries, language
):
    CentreProfile.objects.create(name="KI Musterstadt")
    field = FieldOfWorkFactory()
    for _ in range(30):
        OfferFactory(field_of_work=field)
        DocumentFactory(field_of_work=field)
        field.target_groups.add(TargetGroupFactory())
        field.related_fields.add(FieldOfWorkFactory())
    for number in range(5):
        person = ContactPerson.objects.create(role=f"Ansprechperson {number}")
        ConsultationHours.objects.create(
            contact_person=person, weekday=Weekday.MONDAY, opens="09:00", closes="14:00"
        )
        person.languages.set(Language.objects.filter(code__in=["de", "uk"]))
        field.contact_persons.add(person)
    client.get(detail_url(field, language))

    # field, its translations, offers, their translations, target groups, their
    # translations, documents, contact persons, their translations, their consultation
    # hours, their languages, related fields, their translations, networks (none, so no
    # translations)
    with django_assert_num_queries(14):
        response = client.get(detail_url(field, language))

    assert response.content.decode().count('class="kern-heading-small">Angebot') == 30
    assert response.content.decode().count('<li lang="de" dir="ltr">') == (
        90 if language == "ar" else 0
    )


def test_document_download_is_an_attachment_named_after_the_title(client):
    document = DocumentFactory(title="Interkulturelle Standards")

    response = client.get(document.get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="interkulturelle-standards.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_document_of_unpublished_field_is_not_found(client):
    document = DocumentFactory(field_of_work=FieldOfWorkFactory(is_published=False))

    response = client.get(document.get_absolute_url())

    assert response.status_code == 404


def test_document_cannot_be_fetched_through_another_field(client):
    document = DocumentFactory()
    other = FieldOfWorkFactory()

    response = client.get(reverse("fields:document", args=[other.slug, document.pk]))

    assert response.status_code == 404


def test_documents_are_stored_under_generated_names(db):
    document = DocumentFactory(title="Leitfaden")

    assert "leitfaden" not in document.file.name
    assert document.file.name.startswith("documents/")
    assert document.file.name.endswith(".pdf")
