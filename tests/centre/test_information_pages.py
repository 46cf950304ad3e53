"""Impressum, Datenschutz, Leichte Sprache, Über uns and the accessibility statement."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from centre.models import (
    AccessibilityStatement,
    BodyKind,
    CentreProfile,
    ComplianceStatus,
    InformationPage,
    KeyFigure,
    PageKind,
    PageSection,
)
from centre.validators import mp4_duration, validate_logo, validate_video
from tests.factories import image, mp4, mp4_box

pytestmark = pytest.mark.django_db

PNG = image("PNG")


def make_page(kind, intro="<p>Einleitung</p>", sections=(), **values):
    page = InformationPage.objects.create(kind=kind, intro=intro, **values)
    for order, (anchor, heading) in enumerate(sections):
        PageSection.objects.create(
            page=page, anchor=anchor, order=order, heading=heading, body=f"<p>{heading}: Text</p>"
        )
    return page


def make_statement(**values):
    today = timezone.localdate()
    defaults = {
        "prepared_on": today - datetime.timedelta(days=30),
        "last_reviewed": today - datetime.timedelta(days=10),
        "known_barriers": "<p>Ältere PDF-Dateien sind nicht barrierefrei.</p>",
        "ombudsstelle": "Ombudsstelle für barrierefreie Informationstechnik\nDüsseldorf",
        "ombudsstelle_email": "ombudsstelle@example.org",
    }
    return AccessibilityStatement.objects.create(**(defaults | values))


@pytest.fixture
def centre():
    return CentreProfile.objects.create(
        name="KI Musterstadt",
        parent_organization="Stadt Musterstadt",
        body_kind=BodyKind.CITY,
        legal_representative="Die Oberbürgermeisterin der Stadt Musterstadt",
        editorial_responsible="Leitung des Zentrums",
        data_protection_officer="Behördlicher Datenschutz, datenschutz@musterstadt.example",
        street="Musterstraße 1",
        postal_code="12345",
        city="Musterstadt",
        phone="0208 123-4567",
        fax="0208 123-4500",
        email="ki@musterstadt.example",
    )


def test_imprint_names_the_body_its_representative_and_the_editor(client, centre):
    make_page(PageKind.IMPRINT, sections=[("haftung", "Haftung für Inhalte")])

    html = client.get("/de/impressum/").content.decode()

    assert "<bdi>Stadt Musterstadt</bdi> (kreisfreie Stadt)" in html
    assert "Die Oberbürgermeisterin der Stadt Musterstadt" in html
    assert "Leitung des Zentrums" in html
    assert "0208 123-4500" in html
    assert 'href="mailto:ki@musterstadt.example"' in html
    assert '<section id="haftung"' in html


def test_imprint_shows_the_profile_even_before_staff_wrote_the_page(client, centre):
    html = client.get("/de/impressum/").content.decode()

    assert "Die Oberbürgermeisterin der Stadt Musterstadt" in html
    assert "Bis er hier erscheint" in html


def test_privacy_sections_have_anchors_that_forms_can_link_to(client, centre):
    make_page(
        PageKind.PRIVACY,
        sections=[
            ("website", "Besuch dieser Website"),
            ("barrierefreiheit-rueckmeldung", "Rückmeldungen zur Barrierefreiheit"),
            ("rechte", "Ihre Rechte"),
        ],
    )

    html = client.get("/de/datenschutz/").content.decode()

    assert '<section id="verantwortliche-stelle"' in html
    assert '<section id="datenschutzbeauftragte"' in html
    assert "datenschutz@musterstadt.example" in html
    assert '<section id="barrierefreiheit-rueckmeldung"' in html
    # With more than two sections, a table of contents links to each.
    assert 'href="#barrierefreiheit-rueckmeldung"' in html
    assert html.index('href="#website"') < html.index('href="#rechte"')


def test_a_short_page_has_no_table_of_contents(client, centre):
    make_page(PageKind.IMPRINT, sections=[("haftung", "Haftung für Inhalte")])

    assert 'href="#haftung"' not in client.get("/de/impressum/").content.decode()


def test_the_same_anchor_twice_on_a_page_is_refused():
    page = make_page(PageKind.PRIVACY, sections=[("rechte", "Ihre Rechte")])
    section = PageSection(page=page, anchor="rechte", heading="Noch einmal", body="<p>x</p>")

    with pytest.raises(ValidationError):
        section.validate_constraints()


def test_about_page_shows_key_figures_in_order(client, centre):
    page = make_page(PageKind.ABOUT, sections=[("geschichte", "Geschichte")])
    KeyFigure.objects.create(page=page, order=1, value="49", label="Zentren im Land")
    KeyFigure.objects.create(
        page=page, order=0, value="27 %", label="mit Migrationsgeschichte", source="Mai 2011"
    )

    html = client.get("/de/ueber-uns/").content.decode()

    assert html.index("27 %") < html.index("Zentren im Land")
    assert "Mai 2011" in html
    assert "Geschichte" in html


def test_untranslated_page_is_shown_in_german_and_marked(client, centre):
    make_page(PageKind.ABOUT, sections=[("geschichte", "Geschichte")])

    html = client.get("/ar/ueber-uns/").content.decode()

    assert "fallback-note" in html
    assert 'aria-labelledby="geschichte-heading" lang="de" dir="ltr">' in html


def test_translated_page_is_shown_in_the_visitors_language(client, centre):
    page = make_page(PageKind.ABOUT, intro="<p>Deutsch</p>")
    page.set_current_language("en")
    page.intro = "<p>English intro</p>"
    page.save()

    html = client.get("/en/ueber-uns/").content.decode()

    assert "English intro" in html
    assert "fallback-note" not in html


@pytest.mark.parametrize("language", ["de", "ar"])
def test_information_page_query_count_does_not_grow_with_sections(
    client, django_assert_num_queries, centre, language
):
    page = make_page(PageKind.ABOUT, sections=[(f"teil-{n}", f"Teil {n}") for n in range(12)])
    for order in range(6):
        KeyFigure.objects.create(page=page, order=order, value=str(order), label="Zahl")
    client.get(f"/{language}/ueber-uns/")  # warms the cached profile and main location

    # page, its translations, sections, their translations, figures, their translations
    with django_assert_num_queries(6):
        response = client.get(f"/{language}/ueber-uns/")

    assert response.content.decode().count('class="page-section"') == 12


def test_accessibility_statement_shows_status_barriers_review_and_ombudsstelle(client, centre):
    make_statement(status=ComplianceStatus.PARTIAL, last_reviewed=datetime.date(2026, 3, 2))

    html = client.get("/de/barrierefreiheit/").content.decode()

    assert "mit den Anforderungen der BITV NRW teilweise vereinbar" in html
    assert "Ältere PDF-Dateien sind nicht barrierefrei." in html
    assert "zuletzt am 2. März 2026 überprüft" in html
    assert "Selbstbewertung" in html
    assert "Ombudsstelle für barrierefreie Informationstechnik" in html
    assert 'href="mailto:ombudsstelle@example.org"' in html
    assert "innerhalb von zwei Wochen" in html


@pytest.mark.parametrize("language", ["de", "ar"])
def test_accessibility_statement_query_count(client, django_assert_num_queries, language):
    make_statement()
    client.get(f"/{language}/barrierefreiheit/")

    # the statement, its translations
    with django_assert_num_queries(2):
        client.get(f"/{language}/barrierefreiheit/")


def test_without_a_statement_the_page_says_whom_to_ask(client, centre):
    html = client.get("/de/barrierefreiheit/").content.decode()

    assert "Bis er hier erscheint" in html
    assert "ki@musterstadt.example" in html


@pytest.mark.parametrize(
    ("prepared_on", "last_reviewed", "message"),
    [
        ("2026-05-01", "2026-04-30", "nicht vor der Erstellung"),
        ("2026-05-01", "2099-01-01", "nicht in der Zukunft"),
    ],
)
def test_impossible_review_dates_are_refused_in_the_admin(
    admin_client, prepared_on, last_reviewed, message
):
    data = {
        "status": ComplianceStatus.PARTIAL,
        "method": "self",
        "prepared_on": prepared_on,
        "last_reviewed": last_reviewed,
        "known_barriers": "",
        "method_details": "",
        "ombudsstelle": "Ombudsstelle",
        "ombudsstelle_email": "",
        "ombudsstelle_website": "",
    }

    response = admin_client.post("/admin/centre/accessibilitystatement/add/?language=de", data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AccessibilityStatement.objects.exists()


def test_staff_are_warned_when_the_review_is_older_than_twelve_months(admin_client):
    statement = make_statement(last_reviewed=timezone.localdate() - datetime.timedelta(days=366))

    change = admin_client.get(f"/admin/centre/accessibilitystatement/{statement.pk}/change/")
    listing = admin_client.get("/admin/centre/accessibilitystatement/")

    for response in (change, listing):
        assert "vor mehr als zwölf Monaten" in response.content.decode()


def test_no_warning_while_the_review_is_recent(admin_client):
    statement = make_statement(last_reviewed=timezone.localdate() - datetime.timedelta(days=365))

    response = admin_client.get(f"/admin/centre/accessibilitystatement/{statement.pk}/change/")

    assert "vor mehr als zwölf Monaten" not in response.content.decode()


def test_there_is_only_one_statement_and_one_page_of_each_kind(admin_client):
    make_statement()
    for kind in PageKind.values:
        make_page(kind)

    assert admin_client.get("/admin/centre/accessibilitystatement/add/").status_code == 403
    assert admin_client.get("/admin/centre/informationpage/add/").status_code == 403


def test_staff_without_permission_cannot_edit_the_legal_pages(outsider_client):
    page = make_page(PageKind.IMPRINT)

    response = outsider_client.get(f"/admin/centre/informationpage/{page.pk}/change/")

    assert response.status_code == 403


def test_staff_edit_a_page_with_sections(admin_client):
    page = make_page(PageKind.PRIVACY)
    data = {
        "intro": "<p>Neu</p><script>alert(1)</script>",
        "sections-TOTAL_FORMS": "1",
        "sections-INITIAL_FORMS": "0",
        "sections-0-anchor": "kontakt",
        "sections-0-order": "0",
        "sections-0-heading": "Kontakt",
        "sections-0-body": "<p>So verarbeiten wir Ihre Anfrage.</p>",
    }

    response = admin_client.post(
        f"/admin/centre/informationpage/{page.pk}/change/?language=de", data
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.intro == "<p>Neu</p>"
    assert page.sections.get().anchor == "kontakt"


@pytest.mark.parametrize("version", [0, 1])
def test_the_duration_is_read_from_the_movie_header(version):
    video = SimpleUploadedFile("dgs.mp4", mp4(185, version=version))

    assert mp4_duration(video) == datetime.timedelta(seconds=185)
    validate_video(video)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("dgs.webm", b"\x1aE\xdf\xa3", "als MP4-Datei"),
        ("dgs.mp4", b"<html>kein Video</html>", "kein vollständiges MP4-Video"),
        (
            "dgs.mp4",
            mp4_box(b"ftyp", b"isom") + mp4_box(b"free", b""),
            "kein vollständiges MP4-Video",
        ),
    ],
)
def test_wrong_videos_are_refused(name, content, message):
    with pytest.raises(ValidationError, match=message):
        validate_video(SimpleUploadedFile(name, content))


def test_an_oversized_video_is_refused(settings):
    settings.VIDEO_MAX_BYTES = 100

    with pytest.raises(ValidationError, match="höchstens 100"):
        validate_video(SimpleUploadedFile("dgs.mp4", mp4(5) + bytes(200)))


def test_easy_language_page_offers_the_sign_language_video_with_size_and_duration(client, centre):
    content = mp4(185)
    make_page(
        PageKind.EASY_LANGUAGE,
        sign_language_video=SimpleUploadedFile("dgs.mp4", content),
    )

    html = client.get("/de/leichte-sprache/").content.decode()
    video = client.get("/de/gebaerdensprache/easy-language.mp4")

    assert 'preload="none"' in html
    assert f"MP4, {len(content)}" in html
    assert "Dauer 3:05 Minuten" in html
    assert video.status_code == 200
    assert video["Content-Type"] == "video/mp4"
    assert b"".join(video.streaming_content) == content


def test_home_links_to_sign_language_only_when_there_is_a_video(client, centre):
    page = make_page(PageKind.EASY_LANGUAGE)
    assert "Gebärdensprache" not in client.get("/de/").content.decode()
    assert client.get("/de/gebaerdensprache/easy-language.mp4").status_code == 404

    page.sign_language_video = SimpleUploadedFile("dgs.mp4", mp4(60))
    page.save()
    html = client.get("/de/").content.decode()

    assert 'href="/de/leichte-sprache/#gebaerdensprache"' in html
    assert 'href="/de/leichte-sprache/"' in html


def test_a_logo_is_checked_by_its_content():
    validate_logo(SimpleUploadedFile("logo.png", PNG))
    with pytest.raises(ValidationError, match="im Format PNG oder JPEG"):
        validate_logo(SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>"))
    with pytest.raises(ValidationError, match="im Format PNG oder JPEG"):
        validate_logo(SimpleUploadedFile("logo.svg", b"<svg/>"))


def test_the_logo_appears_in_the_header(client, centre):
    assert client.get("/logo").status_code == 404
    assert "site-header__logo" not in client.get("/de/").content.decode()

    centre.logo = SimpleUploadedFile("logo.png", PNG)
    centre.save()
    html = client.get("/de/").content.decode()
    logo = client.get("/logo")

    assert '<img class="site-header__logo" src="/logo?v=' in html
    assert logo.status_code == 200
    assert logo["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(b"".join(logo.streaming_content))).size == (40, 20)


def test_the_demo_loads_every_information_page_and_the_statement(client):
    call_command("load_demo_content", stdout=io.StringIO())

    assert set(InformationPage.objects.values_list("kind", flat=True)) == set(PageKind.values)
    assert AccessibilityStatement.objects.get().review_due() is False
    privacy = client.get("/de/datenschutz/").content.decode()
    assert '<section id="barrierefreiheit-rueckmeldung"' in privacy
    assert "LDI NRW" in privacy
    about = client.get("/de/ueber-uns/").content.decode()
    assert "Teilhabe- und Integrationsgesetz" in about
    assert "mehr als 73.000 von rund 273.000" in about
