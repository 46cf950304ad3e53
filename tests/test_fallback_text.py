"""German fallback text is marked as German wherever it appears, and pages name only the
languages they have content in."""

import re

import pytest
from django.conf import settings

from centre.models import CentreProfile, ContactPerson
from tests.factories import FieldOfWorkFactory, InformationPageFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db

GERMAN = 'lang="de" dir="ltr"'
ALL_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def translate(obj, language, **fields):
    obj.set_current_language(language)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()
    obj.set_current_language(settings.LANGUAGE_CODE)


def hreflang_alternates(html):
    head = html[: html.index("</head>")]
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head))


def breadcrumb_current(html):
    return re.search(r'aria-current="page"><bdi>(.*?)</bdi>', html).group(1)


@pytest.fixture
def sport():
    """A field of work in German only, with a contact person in German only."""
    field = FieldOfWorkFactory(
        title="Integration durch Sport", slug="sport", summary="Sport verbindet."
    )
    field.contact_persons.add(ContactPerson.objects.create(role="Ansprechperson für Sport"))
    return field


@pytest.mark.parametrize("language", ["ar", "tr"])
def test_an_untranslated_detail_page_marks_every_german_text(client, sport, language):
    html = client.get(f"/{language}/handlungsfelder/sport/").content.decode()

    assert f'<html lang="{language}"' in html
    assert f'<h1 class="kern-heading-x-large" {GERMAN}>Integration durch Sport</h1>' in html
    assert breadcrumb_current(html) == f"<span {GERMAN}>Integration durch Sport</span>"
    assert f'<meta name="description" content="Sport verbindet." {GERMAN}>' in html
    assert f"<title {GERMAN}>Integration durch Sport</title>" in html
    # The screen-reader text of the vCard link: interface text with the German role in it.
    assert (
        f'<span class="kern-sr-only">: <span {GERMAN}>Ansprechperson für Sport</span></span>'
        in (html)
    )
    role = "<bdi>Ansprechperson für Sport</bdi>"
    assert f'<h3 class="kern-heading-small" {GERMAN}>{role}</h3>' in html


def test_interface_text_around_the_german_fallback_stays_in_the_page_language(client, sport):
    FieldOfWorkFactory(title="Bildung").target_groups.add(TargetGroupFactory())
    sport.offers.create(title="Übungsleiterschulung", description="Zwei Wochenenden", order=1)

    html = client.get("/ar/handlungsfelder/sport/").content.decode()

    assert "<article>" in html
    assert '<h2 id="offers-heading" class="kern-heading-large">' in html
    assert '<h2 id="contact-persons-heading" class="kern-heading-large">' in html


@pytest.mark.parametrize("language", ["ar", "tr"])
def test_a_translated_object_carries_no_german_mark(client, sport, language):
    translate(sport, language, title="الرياضة" if language == "ar" else "Spor", summary="…")
    translate(sport.contact_persons.get(), language, role="الرياضة")

    html = client.get(f"/{language}/handlungsfelder/sport/").content.decode()

    body = html[html.index("<body") :]
    assert 'lang="de"' not in body.replace('hreflang="de" lang="de"', "")
    assert "<title>" in html
    assert GERMAN not in html[: html.index("</head>")]


def test_the_title_of_an_rtl_page_isolates_the_german_fallback_beside_translated_text(
    client, sport
):
    centre = CentreProfile.objects.create(name="Kommunales Integrationszentrum Musterstadt")
    translate(centre, "ar", name="المركز البلدي للاندماج")

    html = client.get("/ar/handlungsfelder/sport/").content.decode()

    # A <title> holds no markup: in the page's language, the German part isolated.
    assert "<title>\u2066Integration durch Sport\u2069 – المركز البلدي للاندماج</title>" in html


def test_the_title_is_german_where_all_of_it_is(client, sport):
    CentreProfile.objects.create(name="Kommunales Integrationszentrum Musterstadt")

    html = client.get("/ar/handlungsfelder/sport/").content.decode()

    assert (
        f"<title {GERMAN}>Integration durch Sport – Kommunales Integrationszentrum Musterstadt"
        "</title>"
    ) in html
    assert f'<a class="site-header__name" href="/ar/" {GERMAN}>' in html
    name = "<bdi>Kommunales Integrationszentrum Musterstadt</bdi>"
    assert f"<strong {GERMAN}>{name}</strong>" in html


@pytest.mark.parametrize(
    ("language", "heading", "title"),
    [
        (
            "ar",
            f"الخدمات الموجهة إلى <span {GERMAN}>Frauen und Mädchen</span>",
            "<title>الخدمات الموجهة إلى \u2066Frauen und Mädchen\u2069</title>",
        ),
        (
            "tr",
            f"<span {GERMAN}>Frauen und Mädchen</span> için hizmetler",
            "<title>Frauen und Mädchen için hizmetler</title>",
        ),
    ],
)
def test_a_german_name_inside_an_interface_heading_has_its_own_span(
    client, language, heading, title
):
    TargetGroupFactory(name="Frauen und Mädchen", slug="frauen", featured=True)

    html = client.get(f"/{language}/fuer/frauen/").content.decode()

    assert f'<h1 class="kern-heading-x-large">{heading}</h1>' in html
    assert breadcrumb_current(html) == heading
    # The title cannot hold the span: the page's language, the name isolated where rtl.
    assert title in html


def test_tiles_and_the_who_are_you_entries_mark_their_german_link_texts(client):
    group = TargetGroupFactory(name="Frauen und Mädchen", slug="frauen", featured=True)
    translated = TargetGroupFactory(name="Familien", slug="familien", featured=True)
    translate(translated, "ar", name="العائلات")
    FieldOfWorkFactory(title="Integration durch Sport", slug="sport").target_groups.add(group)

    for path in ("/ar/", "/ar/handlungsfelder/", "/ar/fuer/frauen/"):
        html = client.get(path).content.decode()
        assert re.search(rf'<h[23] class="kern-title" {GERMAN}><a [^>]*>Integration durch', html)

    home = client.get("/ar/").content.decode()
    assert f'href="/ar/fuer/frauen/" {GERMAN}>Frauen und Mädchen</a>' in home
    assert 'href="/ar/fuer/familien/">العائلات</a>' in home


@pytest.mark.parametrize("language", ["ar", "tr"])
def test_a_content_page_names_only_the_languages_it_has_content_in(client, sport, language):
    translate(sport, "tr", title="Spor yoluyla uyum", summary="Spor birleştirir.")

    html = client.get(f"/{language}/handlungsfelder/sport/").content.decode()

    assert hreflang_alternates(html) == {
        "de": "http://testserver/de/handlungsfelder/sport/",
        "tr": "http://testserver/tr/handlungsfelder/sport/",
        "x-default": "http://testserver/de/handlungsfelder/sport/",
    }
    # The switcher still offers every language: the interface is translated in each.
    switcher = html[html.index('class="language-switcher"') :]
    assert all(f'hreflang="{code}"' in switcher for code in ALL_LANGUAGES)


def test_an_information_page_names_the_languages_the_staff_wrote_it_in(client):
    page = InformationPageFactory(kind="easy-language", intro="<p>Hier lesen Sie.</p>")

    html = client.get("/ar/leichte-sprache/").content.decode()

    assert set(hreflang_alternates(html)) == {"de", "x-default"}
    assert f'<div class="kern-body richtext" {GERMAN}>' in html
    translate(page, "ar", intro="<p>اقرأ هنا.</p>")
    assert set(hreflang_alternates(client.get("/ar/leichte-sprache/").content.decode())) == {
        "de",
        "ar",
        "x-default",
    }


def test_marking_fallback_text_costs_no_query_per_entry(client, django_assert_num_queries):
    CentreProfile.objects.create(name="KI Musterstadt")
    for number in range(20):
        field = FieldOfWorkFactory()
        if number % 2:
            translate(field, "ar", title=f"مجال {number}", summary="…")
    client.get("/ar/handlungsfelder/")  # warms the cached centre profile

    # fields, their translations
    with django_assert_num_queries(2):
        html = client.get("/ar/handlungsfelder/").content.decode()

    assert html.count(f'class="kern-title" {GERMAN}') == 10
