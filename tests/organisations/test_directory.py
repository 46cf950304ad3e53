"""The public side of the directory: landing page, list with filters and search, detail."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.utils import timezone

from centre.models import CentreProfile
from languages.models import Language
from organisations.models import (
    HIDDEN_AFTER,
    Activity,
    Audience,
    Organisation,
    QualificationTopic,
    Status,
)
from tests.centre.test_structured_data import structured_data
from tests.factories import (
    DistrictFactory,
    NetworkMeetingFactory,
    OrganisationFactory,
    SupportOfferFactory,
    create_published_organisations,
)

pytestmark = pytest.mark.django_db

LANDING = "/de/migrantenorganisationen/"
DIRECTORY = "/de/migrantenorganisationen/verzeichnis/"
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the index exists on PostgreSQL only"
)


def listed(response):
    """The names of the organisations the directory shows, in their order."""
    assert response.status_code == 200
    return [
        html.unescape(name)
        for name in re.findall(
            r'<h3 class="kern-heading-small"><a class="kern-link" href="[^"]+"><bdi>([^<]+)',
            response.content.decode(),
        )
    ]


def text(response):
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


@pytest.fixture
def two_organisations():
    """A Turkish culture association for women in Osterfeld, an Arabic sports club in Sterkrade."""
    osterfeld, sterkrade = DistrictFactory(name="Osterfeld"), DistrictFactory(name="Sterkrade")
    culture = OrganisationFactory(name="Kulturbrücke e. V.", district=osterfeld)
    culture.languages.set([Language.objects.get(code="tr")])
    culture.activities.set([Activity.objects.get(slug="kultur")])
    culture.audiences.set([Audience.objects.get(slug="frauen")])
    sport = OrganisationFactory(name="Sportfreunde International", district=sterkrade)
    sport.languages.set([Language.objects.get(code="ar")])
    sport.activities.set([Activity.objects.get(slug="sport")])
    sport.audiences.set([Audience.objects.get(slug="kinder-und-jugendliche")])
    return {"osterfeld": osterfeld, "sterkrade": sterkrade}


def test_directory_lists_only_published_entries(client):
    published = OrganisationFactory(name="Freigegebener Verein")
    now = timezone.now()
    hidden = [
        OrganisationFactory(name="Unbestätigt", status=Status.UNCONFIRMED, confirmed_at=None),
        OrganisationFactory(name="Zu prüfen", status=Status.PENDING),
        OrganisationFactory(name="Abgelehnt", status=Status.REJECTED),
        OrganisationFactory(name="Zurückgezogen", status=Status.WITHDRAWN),
        OrganisationFactory(
            name="Seit 13 Monaten unbestätigt",
            last_confirmed_at=now - HIDDEN_AFTER - datetime.timedelta(days=1),
        ),
        # An entry has one waiting change request at most: this one asks to change another.
        OrganisationFactory(
            name="Änderungswunsch",
            revision_of=OrganisationFactory(name="Ausgeblendet", status=Status.PENDING),
        ),
        OrganisationFactory(
            name="Änderungswunsch in Prüfung", revision_of=published, status=Status.PENDING
        ),
    ]

    response = client.get(DIRECTORY)

    assert listed(response) == ["Freigegebener Verein"]
    assert "1 Organisation gefunden" in text(response)
    for organisation in hidden:
        assert organisation.name not in text(response)
        assert client.get(organisation.get_absolute_url()).status_code == 404
    assert client.get(published.get_absolute_url()).status_code == 200


def test_directory_lists_entries_by_name_with_district_languages_and_activities(client):
    organisation = OrganisationFactory(
        name="Kulturbrücke e. V.", district=DistrictFactory(name="Osterfeld")
    )
    organisation.languages.set(Language.objects.filter(code__in=["tr", "ar"]))
    organisation.activities.set([Activity.objects.get(slug="kultur")])
    OrganisationFactory(name="Alevitischer Kulturverein")

    response = client.get(DIRECTORY)

    assert listed(response) == ["Alevitischer Kulturverein", "Kulturbrücke e. V."]
    page = response.content.decode()
    assert "Osterfeld" in page
    assert '<bdi lang="tr" dir="ltr">Türkçe</bdi>' in page
    assert '<bdi lang="ar" dir="rtl">العربية</bdi>' in page
    assert "Tätigkeitsfelder: <span>Kultur</span>" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("language=tr", ["Kulturbrücke e. V."]),
        ("language=ar", ["Sportfreunde International"]),
        ("activity=sport", ["Sportfreunde International"]),
        ("audience=frauen", ["Kulturbrücke e. V."]),
        ("audience=seniorinnen-und-senioren", []),
        ("language=tr&activity=sport", []),
        ("", ["Kulturbrücke e. V.", "Sportfreunde International"]),
    ],
)
def test_each_filter_narrows_the_list(client, two_organisations, query, expected):
    assert listed(client.get(f"{DIRECTORY}?{query}")) == expected


def test_district_filter(client, two_organisations):
    response = client.get(f"{DIRECTORY}?district={two_organisations['sterkrade'].pk}")

    assert listed(response) == ["Sportfreunde International"]
    assert "1 Organisation gefunden" in text(response)


def test_chosen_filters_stay_chosen_in_the_form(client, two_organisations):
    page = client.get(f"{DIRECTORY}?language=tr&activity=kultur&q=Kultur").content.decode()

    assert '<option value="tr" dir="ltr" lang="tr" selected>Türkçe</option>' in page
    assert '<option value="kultur" selected>Kultur</option>' in page
    assert 'value="Kultur"' in page
    assert "Alle Filter zurücksetzen" in page


def test_languages_are_offered_by_their_own_names_if_an_entry_works_in_them(client):
    OrganisationFactory().languages.set(Language.objects.filter(code__in=["uk", "ar"]))
    OrganisationFactory(status=Status.PENDING).languages.set([Language.objects.get(code="tr")])

    page = client.get(DIRECTORY).content.decode()

    assert '<option value="" selected>alle Sprachen</option>' in page
    assert '<option value="uk" dir="ltr" lang="uk">Українська</option>' in page
    assert '<option value="ar" dir="rtl" lang="ar">العربية</option>' in page
    assert '<option value="tr"' not in page
    assert '<form class="directory-search" method="get"' in page
    # every filter may stay empty, so none is marked "optional"
    assert '<label class="kern-label" for="id_language">Sprache</label>' in page
    assert "– optional" not in page


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Kultur", ["Kulturbrücke e. V."]),  # a prefix of a word in the name
        ("kulturbrücke", ["Kulturbrücke e. V."]),
        ("SPORTFREUNDE", ["Sportfreunde International"]),
        ("Nachhilfe", ["Sportfreunde International"]),  # from the description
        ("Kultur Frauen", ["Kulturbrücke e. V."]),  # every word must match
        ("Kultur Fußball", []),
        ("Theater", []),
        ("kultur & | ! ( ) : * ' \\ <->", ["Kulturbrücke e. V."]),  # no tsquery syntax
        ("!!! ???", ["Kulturbrücke e. V.", "Sportfreunde International"]),  # no words
    ],
)
def test_search_in_name_and_description(client, q, expected):
    OrganisationFactory(
        name="Kulturbrücke e. V.", description="Musik und Tanz für Frauen aus der Türkei."
    )
    OrganisationFactory(
        name="Sportfreunde International", description="Fußball, Schwimmen und Nachhilfe."
    )

    assert listed(client.get(DIRECTORY, {"q": q})) == expected


def test_search_ranks_a_match_in_the_name_before_one_in_the_description(client):
    OrganisationFactory(name="Alevitischer Verein", description="Wir machen auch Musik.")
    OrganisationFactory(name="Musikfreunde", description="Chor und Orchester.")

    assert listed(client.get(DIRECTORY, {"q": "Musik"})) == [
        "Musikfreunde",
        "Alevitischer Verein",
    ]


def test_search_combines_with_the_filters(client, two_organisations):
    response = client.get(DIRECTORY, {"q": "Sport", "language": "tr"})

    assert listed(response) == []


@on_postgresql
def test_search_expression_is_the_one_the_gin_index_holds():
    OrganisationFactory.create_batch(3)
    # Without the directory's other conditions, so only the search index can help.
    queryset = Organisation.objects.search("kultur verein")

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()

    assert "organisation_search" in plan


@pytest.mark.parametrize(
    "query",
    [
        "language=xx",
        "activity=gibt-es-nicht",
        "audience=%3Cscript%3E",
        "district=abc",
        "district=99999",
        "page=abc",
        "page=-1",
        "page=99999",
        "q=" + "x" * 500,
        "q=%3Cb%3Efett%3C/b%3E",
        "q=%00%01",
        "language=tr&language=ar",
    ],
)
def test_bad_filter_values_do_not_break_the_directory(client, two_organisations, query):
    response = client.get(f"{DIRECTORY}?{query}")

    assert response.status_code == 200
    assert "Organisationen gefunden" in text(response) or "Organisation gefunden" in text(response)


def test_an_unknown_filter_value_is_shown_as_an_error_and_ignored(client, two_organisations):
    response = client.get(f"{DIRECTORY}?language=xx&activity=sport")

    assert listed(response) == ["Sportfreunde International"]
    page = text(response)
    assert "Bitte korrigieren Sie folgende Angaben:" in page
    assert 'aria-invalid="true"' in page


def test_a_search_that_is_too_long_is_refused_with_a_message(client, two_organisations):
    response = client.get(DIRECTORY, {"q": "Kultur" * 30})

    assert listed(response) == ["Kulturbrücke e. V.", "Sportfreunde International"]
    assert "höchstens 100 Zeichen" in text(response)


def test_pagination_keeps_the_filters(client):
    turkish = Language.objects.get(code="tr")
    for number in range(25):
        OrganisationFactory(name=f"Verein {number:02d}").languages.add(turkish)
    OrganisationFactory.create_batch(3, name="Ohne Sprache")

    first = client.get(f"{DIRECTORY}?language=tr&q=Verein")
    second = client.get(f"{DIRECTORY}?language=tr&q=Verein&page=2")

    assert len(listed(first)) == 20
    assert "25 Organisationen gefunden" in text(first)
    assert 'href="?q=Verein&amp;language=tr&amp;page=2"' in first.content.decode()
    assert listed(second) == [f"Verein {number}" for number in range(20, 25)]
    assert f'href="{DIRECTORY}?q=Verein&amp;language=tr"' in second.content.decode()
    assert "Seite 2 von 2" in text(second)


def test_no_results_say_so_and_offer_to_reset_the_filters(client, two_organisations):
    response = client.get(DIRECTORY, {"q": "Schach"})

    page = text(response)
    assert "0 Organisationen gefunden" in page
    assert "Zu Ihrer Suche haben wir keine Organisation gefunden." in page
    assert f'<a class="kern-link" href="{DIRECTORY}">Alle Filter zurücksetzen' in page


def test_empty_directory_invites_to_register(client):
    page = text(client.get(DIRECTORY))

    assert "Noch steht keine Organisation im Verzeichnis." in page
    assert 'href="/de/migrantenorganisationen/anmelden/"' in page


@pytest.fixture
def discreet():
    """An entry that publishes none of its contact details."""
    organisation = OrganisationFactory(
        name="Stiller Verein",
        slug="stiller-verein",
        description="Wir treffen uns jede Woche zum Austausch.",
        street="Geheimweg 7",
        postal_code="46045",
        city="Oberhausen",
        contact_name="Vorstand Geheim",
        contact_role="Kassenwart",
        contact_email="geheim@example.org",
        contact_phone="0208 999999",
        register_court="Amtsgericht Duisburg",
        register_number="VR 4711",
    )
    organisation.languages.set([Language.objects.get(code="tr")])
    return organisation


def test_detail_shows_no_detail_the_entry_does_not_publish(client, discreet):
    response = client.get("/de/migrantenorganisationen/verzeichnis/stiller-verein/")

    assert response.status_code == 200
    page = response.content.decode()
    for private in [
        "Geheimweg",
        "46045",
        "Vorstand Geheim",
        "Kassenwart",
        "geheim@example.org",
        "999999",
        "VR 4711",
        "Amtsgericht",
        'id="contact-heading"',
    ]:
        assert private not in page
    assert structured_data(page) == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Stiller Verein",
        "url": "http://testserver/de/migrantenorganisationen/verzeichnis/stiller-verein/",
        "description": "Wir treffen uns jede Woche zum Austausch.",
        "knowsLanguage": ["tr"],
    }


def test_detail_shows_what_the_entry_publishes(client, discreet):
    discreet.publish_address = True
    discreet.publish_contact_name = True
    discreet.publish_contact_email = True
    discreet.publish_contact_phone = True
    discreet.founded_year = 1998
    discreet.district = DistrictFactory(name="Sterkrade")
    discreet.website = "https://stiller-verein.example.org"
    discreet.social_links = ["https://social.example.org/stiller-verein"]
    discreet.language = "tr"
    discreet.save()
    discreet.activities.set([Activity.objects.get(slug="kultur")])
    discreet.audiences.set([Audience.objects.get(slug="frauen")])

    page = client.get("/de/migrantenorganisationen/verzeichnis/stiller-verein/").content.decode()

    for public in [
        "<bdi>Stiller Verein</bdi>",
        "eingetragener Verein (e. V.)",
        "1998",
        "Sterkrade",
        "Geheimweg 7",
        "<bdi>46045 Oberhausen</bdi>",
        "<bdi>Vorstand Geheim</bdi> (<bdi>Kassenwart</bdi>)",
        'href="mailto:geheim@example.org"',
        'href="tel:0208999999"',
        'href="https://stiller-verein.example.org"',
        'href="https://social.example.org/stiller-verein"',
        '<bdi lang="tr" dir="ltr">Türkçe</bdi>',
        "<span>Kultur</span>",
        "<span>Frauen</span>",
        # written in Turkish: marked as such on the German page
        '<div class="kern-body richtext" lang="tr" dir="ltr">',
    ]:
        assert public in page
    assert "VR 4711" not in page  # the form promises: only the listed details appear
    data = structured_data(page)
    assert data["foundingDate"] == "1998"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Geheimweg 7",
        "postalCode": "46045",
        "addressLocality": "Oberhausen",
        "addressCountry": "DE",
    }
    assert data["email"] == "geheim@example.org"
    assert data["telephone"] == "0208 999999"
    assert data["sameAs"] == [
        "https://stiller-verein.example.org",
        "https://social.example.org/stiller-verein",
    ]


def test_description_in_the_page_language_carries_no_lang_attribute(client, discreet):
    discreet.language = "ar"
    discreet.save()

    arabic = client.get("/ar/migrantenorganisationen/verzeichnis/stiller-verein/")
    german = client.get("/de/migrantenorganisationen/verzeichnis/stiller-verein/")

    assert '<div class="kern-body richtext">' in arabic.content.decode()
    assert '<div class="kern-body richtext" lang="ar" dir="rtl">' in german.content.decode()


def test_name_cannot_end_the_json_ld_script(client):
    OrganisationFactory(name="</script><script>alert(1)</script>", slug="boese")

    page = client.get("/de/migrantenorganisationen/verzeichnis/boese/").content.decode()

    assert "<script>alert(1)" not in page
    assert structured_data(page)["name"] == "</script><script>alert(1)</script>"


def test_landing_shows_offers_topics_and_coming_meetings(client):
    SupportOfferFactory(title="Hilfe bei Veranstaltungen", description="Wir planen mit Ihnen.")
    NetworkMeetingFactory(
        starts_at=datetime.datetime(2099, 3, 4, 17, 0, tzinfo=datetime.UTC),
        place="Haus der Vielfalt",
        agenda="Begrüßung\nNächste Qualifizierungsthemen wählen",
    )
    NetworkMeetingFactory(
        starts_at=timezone.now() - datetime.timedelta(days=1), place="Vergangener Ort"
    )

    page = text(client.get(LANDING))

    assert "Hilfe bei Veranstaltungen" in page
    assert "Wir planen mit Ihnen." in page
    assert "Themen der Qualifizierung" in page
    assert "Buchhaltung im Verein" in page  # one of the twelve seeded topics
    assert "4. März 2099 18:00" in page  # Europe/Berlin
    assert 'datetime="2099-03-04T18:00+0100"' in page
    assert "<li>Nächste Qualifizierungsthemen wählen</li>" in page
    assert "Vergangener Ort" not in page
    assert 'action="/de/migrantenorganisationen/verzeichnis/"' in page
    assert 'href="/de/migrantenorganisationen/anmelden/"' in page
    assert 'href="/de/migrantenorganisationen/eintrag/link/"' in page


def test_landing_hides_sections_without_entries(client):
    QualificationTopic.objects.all().delete()

    page = text(client.get(LANDING))

    assert "Unsere Angebote für Migrantenorganisationen" not in page
    assert "topics-heading" not in page
    assert "Nächste Netzwerktreffen" not in page


def test_main_navigation_marks_the_organisation_pages(client, discreet):
    nav_link = (
        '<a class="kern-link" href="/de/migrantenorganisationen/" aria-current="page">'
        "Migrantenorganisationen</a>"
    )

    assert nav_link in client.get(LANDING).content.decode()
    assert nav_link in client.get(DIRECTORY).content.decode()
    assert nav_link in client.get(discreet.get_absolute_url()).content.decode()
    assert nav_link not in client.get("/de/").content.decode()


def test_sitemap_lists_published_entries_with_their_alternates(client, discreet):
    OrganisationFactory(slug="noch-zu-pruefen", status=Status.PENDING)

    sitemap = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/de/migrantenorganisationen/verzeichnis/stiller-verein/" in (
        sitemap
    )
    assert (
        'hreflang="ar" href="http://testserver/ar/migrantenorganisationen/verzeichnis/'
        'stiller-verein/"' in sitemap
    )
    assert "<loc>http://testserver/de/migrantenorganisationen/verzeichnis/</loc>" in sitemap
    assert "noch-zu-pruefen" not in sitemap


@pytest.fixture
def many_organisations():
    CentreProfile.objects.create(name="KI Musterstadt")
    return create_published_organisations(500)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_directory_query_count_does_not_grow_with_organisations(
    client, django_assert_num_queries, many_organisations, language
):
    url = f"/{language}/migrantenorganisationen/verzeichnis/?page=3"
    client.get(url)  # warms the cached centre profile

    # the four lists of the form (activities and audiences with translations: 6),
    # count, page of organisations with districts, their languages, activities with
    # translations
    with django_assert_num_queries(11):
        response = client.get(url)

    assert len(listed(response)) == 20
    assert "500" in text(response)


def test_filtered_directory_query_count(client, django_assert_num_queries, many_organisations):
    url = f"{DIRECTORY}?language=tr&activity={Activity.objects.first().slug}&q=Verein"
    client.get(url)

    # as above, and checking the chosen language (1) and activity with translations (2)
    with django_assert_num_queries(14):
        response = client.get(url)

    assert len(listed(response)) == 20


@pytest.mark.parametrize("language", ["de", "ar"])
def test_detail_query_count(client, django_assert_num_queries, many_organisations, language):
    url = f"/{language}/migrantenorganisationen/verzeichnis/verein-001/"
    client.get(url)

    # organisation with district, languages, activities and audiences with translations
    with django_assert_num_queries(6):
        response = client.get(url)

    assert "Verein 001" in text(response)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_landing_query_count(client, django_assert_num_queries, language):
    CentreProfile.objects.create(name="KI Musterstadt")
    SupportOfferFactory.create_batch(5)
    NetworkMeetingFactory.create_batch(3)
    url = f"/{language}/migrantenorganisationen/"
    client.get(url)

    # offers, topics, meetings (each with translations) and the form's four lists
    with django_assert_num_queries(12):
        response = client.get(url)

    assert "Nächste Netzwerktreffen" in text(response) or language == "ar"
