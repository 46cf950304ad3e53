import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from centre.models import CentreProfile
from fields.models import TargetGroup
from tests.factories import FieldOfWorkFactory, OfferFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db


def group_url(group, language="de"):
    return f"/{language}/fuer/{group.slug}/"


@pytest.fixture
def women():
    return TargetGroupFactory(
        name="Frauen und Mädchen",
        slug="frauen-und-maedchen",
        teaser="Eine feste Ansprechpartnerin berät Sie.",
        featured=True,
    )


def test_group_page_shows_its_fields_and_their_offers_not_those_of_other_groups(client, women):
    newcomers = FieldOfWorkFactory(title="Neuzugewanderte", slug="neuzugewanderte")
    newcomers.target_groups.add(women)
    OfferFactory(field_of_work=newcomers, title="Beratung für Frauen", description="Im Zentrum")
    seniors = FieldOfWorkFactory(title="Seniorenarbeit")
    seniors.target_groups.add(TargetGroupFactory(name="Seniorinnen und Senioren"))
    OfferFactory(field_of_work=seniors, title="Pflegeberatung")
    FieldOfWorkFactory(title="Ohne Zielgruppe")

    response = client.get(group_url(women))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="kern-heading-x-large">Angebote für Frauen und Mädchen</h1>' in html
    assert "<title>Angebote für Frauen und Mädchen" in html
    assert "Eine feste Ansprechpartnerin berät Sie." in html
    assert 'href="/de/handlungsfelder/neuzugewanderte/"' in html
    assert "Beratung für Frauen" in html
    assert "Im Zentrum" in html
    assert "Seniorenarbeit" not in html
    assert "Pflegeberatung" not in html
    assert "Ohne Zielgruppe" not in html
    assert '<span class="breadcrumbs__current" aria-current="page"><bdi>Angebote für' in html


def test_offers_are_listed_under_their_field_in_the_fields_order(client, women):
    second = FieldOfWorkFactory(title="Bildung und Sprache", order=2)
    first = FieldOfWorkFactory(title="Neuzugewanderte", order=1)
    for field in (first, second):
        field.target_groups.add(women)
    OfferFactory(field_of_work=second, title="Sprachkurs", order=1)
    OfferFactory(field_of_work=first, title="Erstberatung", order=2)
    OfferFactory(field_of_work=first, title="Begleitung zum Amt", order=1)

    html = client.get(group_url(women)).content.decode()

    offers = html[html.index('id="offers-heading"') :]
    positions = [
        offers.index(text)
        for text in ("Neuzugewanderte", "Begleitung zum Amt", "Erstberatung", "Bildung und Sprache")
    ]
    assert positions == sorted(positions)
    assert offers.index("Sprachkurs") > offers.index("Bildung und Sprache")


def test_unpublished_fields_and_their_offers_are_hidden(client, women):
    draft = FieldOfWorkFactory(title="Entwurf", is_published=False)
    draft.target_groups.add(women)
    OfferFactory(field_of_work=draft, title="Geheimes Angebot")

    html = client.get(group_url(women)).content.decode()

    assert "Entwurf" not in html
    assert "Geheimes Angebot" not in html


def test_group_without_published_fields_points_to_the_contact_page(client, women):
    response = client.get(group_url(women))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Zurzeit sind hier noch keine Angebote veröffentlicht." in html
    assert 'href="/de/kontakt/">Kontaktseite</a>' in html
    assert 'id="offers-heading"' not in html
    assert "tiles__item" not in html


def test_field_without_offers_is_a_tile_but_gets_no_empty_offer_list(client, women):
    FieldOfWorkFactory(title="Netzwerkarbeit").target_groups.add(women)

    html = client.get(group_url(women)).content.decode()

    assert html.count("tiles__item") == 1
    assert 'id="offers-heading"' not in html


def test_unknown_slug_is_not_found(client):
    response = client.get("/de/fuer/gibt-es-nicht/")

    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_group_without_german_name_is_not_found(client):
    group = TargetGroup(slug="nur-englisch")
    group.set_current_language("en")
    group.name = "English only"
    group.save()

    assert client.get(group_url(group, "en")).status_code == 404


def test_untranslated_group_is_shown_in_german_with_a_note(client, women):
    html = client.get(group_url(women, "ar")).content.decode()

    assert 'dir="rtl"' in html
    assert "fallback-note" in html
    assert '<p class="kern-body--large" lang="de" dir="ltr">Eine feste' in html


def test_group_page_is_not_marked_as_the_fields_overview_in_the_navigation(client, women):
    html = client.get(group_url(women)).content.decode()

    assert 'href="/de/handlungsfelder/" aria-current="page"' not in html


@pytest.mark.parametrize("language", ["de", "ar"])
def test_group_page_query_count_does_not_grow_with_fields_and_offers(
    client, django_assert_num_queries, women, language
):
    CentreProfile.objects.create(name="KI Musterstadt")
    for _ in range(5):
        field = FieldOfWorkFactory()
        field.target_groups.add(women)
        for _ in range(4):
            OfferFactory(field_of_work=field)
    client.get(group_url(women, language))  # warms the cached centre profile

    # group, its translations, fields, their translations, offers, their translations
    with django_assert_num_queries(6):
        response = client.get(group_url(women, language))

    html = response.content.decode()
    assert html.count("tiles__item") == 5
    assert html.count('<h4 class="kern-heading-small">Angebot') == 20


def test_home_shows_featured_groups_in_order_with_their_teasers(client, women):
    TargetGroupFactory(name="Seniorinnen und Senioren", order=women.order - 1, featured=True)
    TargetGroupFactory(name="Kinder und Jugendliche", featured=False)

    html = client.get("/de/").content.decode()

    section = html[html.index('id="groups-heading"') :]
    assert "Wer sind Sie?</h2>" in section
    assert section.index("Seniorinnen und Senioren") < section.index("Frauen und Mädchen")
    assert f'href="{group_url(women)}">Frauen und Mädchen</a>' in section
    assert "Eine feste Ansprechpartnerin berät Sie." in section
    assert "Kinder und Jugendliche" not in html


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_group_that_leads_to_counselling_links_it_from_home_and_its_page(client, language):
    women = TargetGroupFactory(name="Frauen und Mädchen", featured=True, leads_to_counselling=True)
    TargetGroupFactory(name="Seniorinnen und Senioren", featured=True)
    counselling = f'href="/{language}/beratung/"'

    home = client.get(f"/{language}/").content.decode()
    group_page = client.get(group_url(women, language)).content.decode()

    section = home[home.index('id="groups-heading"') :]
    section = section[: section.index("</section>")]
    entries = section.split("<li")
    assert [counselling in entry for entry in entries[1:]] == [True, False]
    assert counselling in group_page[group_page.index("<h1") :]
    assert client.get(f"/{language}/beratung/").status_code == 200


def test_a_group_leads_to_counselling_only_when_the_editor_says_so(client, women):
    page = client.get(group_url(women)).content.decode()

    main = page[page.index("<main") : page.index("</main>")]
    assert "Frauen und Mädchen</h1>" in main
    assert 'href="/de/beratung/"' not in main


def test_home_shows_the_groups_before_the_fields_of_work(client, women):
    FieldOfWorkFactory(title="Integration durch Sport")

    html = client.get("/de/").content.decode()

    assert html.index("Wer sind Sie?") < html.index("Unsere Handlungsfelder")


def test_home_has_no_group_section_when_no_group_is_featured(client):
    TargetGroupFactory(name="Kinder und Jugendliche", featured=False)

    html = client.get("/de/").content.decode()

    assert "Wer sind Sie?" not in html
    assert "Kinder und Jugendliche" not in html


def test_home_query_count_does_not_grow_with_featured_groups(client, django_assert_num_queries):
    CentreProfile.objects.create(name="KI Musterstadt")
    for _ in range(7):
        TargetGroupFactory(featured=True)
    for _ in range(10):
        FieldOfWorkFactory()
    client.get("/ar/")

    # fields, their translations, featured groups, their translations, news and events
    # (none, so no translations), whether there is a sign-language video
    with django_assert_num_queries(7):
        response = client.get("/ar/")

    assert response.content.decode().count("/ar/fuer/zielgruppe-") == 7


def test_sitemap_lists_group_pages_in_the_languages_they_are_written_in(client, women):
    women.set_current_language("uk")
    women.name = "Жінки та дівчата"
    women.save()
    TargetGroup.objects.create(slug="ohne-deutschen-namen")

    root = ET.fromstring(client.get("/sitemap.xml").content)

    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {url.find("s:loc", namespaces).text for url in root.findall("s:url", namespaces)}
    for language in ("de", "uk"):
        assert f"http://testserver{group_url(women, language)}" in locations
    for language in ("en", "ar", "tr"):
        assert f"http://testserver{group_url(women, language)}" not in locations
    assert not any("ohne-deutschen-namen" in location for location in locations)


def test_editor_enters_a_featured_group_with_slug_and_teaser(admin_client):
    response = admin_client.post(
        "/admin/fields/targetgroup/add/",
        {
            "name": "Familien und Eltern",
            "slug": "familien-und-eltern",
            "teaser": "Beratung zu Kita und Schule.",
            "featured": "on",
            "leads_to_counselling": "on",
            "order": "3",
        },
    )

    assert response.status_code == 302
    group = TargetGroup.objects.get(slug="familien-und-eltern")
    assert group.featured
    assert group.leads_to_counselling
    assert group.teaser == "Beratung zu Kita und Schule."
    listing = admin_client.get("/admin/fields/targetgroup/").content.decode()
    assert "familien-und-eltern" in listing
    assert 'name="form-0-featured"' in listing


def test_group_slug_collision_is_a_form_error(admin_client, women):
    response = admin_client.post(
        "/admin/fields/targetgroup/add/",
        {"name": "Frauen", "slug": women.slug, "order": "0"},
    )

    assert response.status_code == 200
    assert "Diese Adresse hat schon ein anderer Eintrag" in response.content.decode()
    assert TargetGroup.objects.count() == 1


def test_outsider_cannot_change_a_group(outsider_client, women):
    response = outsider_client.post(
        f"/admin/fields/targetgroup/{women.pk}/change/",
        {"name": women.name, "slug": "gekapert", "order": "0"},
    )

    assert response.status_code == 403
    women.refresh_from_db()
    assert women.slug == "frauen-und-maedchen"


def test_migration_gives_existing_groups_slugs_from_their_german_names(transactional_db):
    before, after = (
        ("fields", "0002_fieldofwork_contact_persons"),
        ("fields", "0003_targetgroup_entry"),
    )
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    try:
        old_apps = executor.loader.project_state(before).apps
        Group = old_apps.get_model("fields", "TargetGroup")
        Translation = old_apps.get_model("fields", "TargetGroupTranslation")
        names = ["Frauen und Mädchen", "Fachkräfte & Verwaltung", "Fachkräfte – Verwaltung", "?"]
        for name in names:
            group = Group.objects.create()
            Translation.objects.create(master=group, language_code="de", name=name)
        Group.objects.create()  # a group without a German name

        executor = MigrationExecutor(connection)
        executor.migrate([after])
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    slugs = list(TargetGroup.objects.order_by("pk").values_list("slug", flat=True))
    assert slugs == [
        "frauen-und-maedchen",
        "fachkraefte-verwaltung",
        "fachkraefte-verwaltung-2",
        "zielgruppe",
        "zielgruppe-2",
    ]
