"""The demo's key content in every language that has a catalogue in locale_demo/."""

import filecmp
import io
import re
import shutil

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.utils.html import escape

from centre.models import CentreProfile, Closure, ContactPerson, Location
from fields.demo_content import FIELDS
from fields.models import FieldOfWork, Offer, TargetGroup
from news.models import NewsItem
from organisations.models import NetworkMeeting, SupportOffer
from portal import demo
from portal.translations import Status
from tests.demo import load_demo

CATALOGUES = sorted(demo.CATALOGUES.glob("*.po"))
LANGUAGES = [path.stem for path in CATALOGUES]
KEY_CONTENT = [
    CentreProfile,
    Location,
    Closure,
    ContactPerson,
    TargetGroup,
    FieldOfWork,
    Offer,
    SupportOffer,
    NetworkMeeting,
]


def messages(path) -> list:
    with path.open("rb") as file:
        return [message for message in read_po(file) if message.id]


@pytest.mark.parametrize("path", CATALOGUES, ids=LANGUAGES)
def test_every_text_of_a_demo_catalogue_is_translated(path):
    unfinished = [message.id for message in messages(path) if not message.string or message.fuzzy]

    assert unfinished == []


def test_every_language_of_a_demo_catalogue_is_a_language_of_the_portal():
    assert set(LANGUAGES) <= {code for code, _name in settings.LANGUAGES} - {"de"}


@pytest.mark.django_db
def test_the_catalogues_are_in_step_with_the_demo_data(tmp_path, monkeypatch):
    copy = tmp_path / "locale_demo"
    shutil.copytree(demo.CATALOGUES, copy)

    call_command("demo_messages", directory=copy, stdout=io.StringIO())

    files = [path.name for path in demo.CATALOGUES.iterdir()]
    assert "demo.pot" in files
    _same, changed, _errors = filecmp.cmpfiles(demo.CATALOGUES, copy, files, shallow=False)
    assert changed == []


@pytest.mark.django_db
def test_key_content_is_up_to_date_in_every_catalogue_language(media):
    load_demo()
    second = load_demo()

    for model in KEY_CONTENT:
        objects = model.objects.all()
        assert objects, model
        for obj in objects:
            for language in LANGUAGES:
                assert obj.translation_status(language) == Status.CURRENT, (obj, language)
    assert not re.search(r"[1-9]\d* (created|updated)", second)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_shows_the_translated_mission_and_entries(client, media, language):
    load_demo()
    profile = CentreProfile.objects.get()

    home = client.get(f"/{language}/").content.decode()

    # No lang="de" on the mission's or an entry's element: they are not German fallbacks.
    mission = profile.safe_translation_getter("mission", language_code=language)
    assert re.search(
        rf'<div class="home-intro">\s*<h1[^>]*><bdi>[^<]*</bdi></h1>\s*'
        rf"<p[^>]*>{re.escape(escape(mission))}</p>",
        home,
    )
    for group in TargetGroup.objects.filter(featured=True):
        name = escape(group.safe_translation_getter("name", language_code=language))
        teaser = escape(group.safe_translation_getter("teaser", language_code=language))
        entry = (
            rf'<li>\s*<a class="kern-link audience-list__link" href="[^"]+">{re.escape(name)}'
            rf'</a>\s*<p class="kern-body">{re.escape(teaser)}</p>'
        )
        assert re.search(entry, home), name


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_easy_language_and_untranslated_news_stay_german_with_the_note(client, media, language):
    load_demo()

    easy = client.get(f"/{language}/leichte-sprache/").content.decode()

    assert "fallback-note" in easy
    assert "Wir helfen Menschen, die neu in der Stadt sind." in easy
    german_only = NewsItem.objects.exclude(translations__language_code=language)
    for item in german_only[:1]:
        page = client.get(f"/{language}/aktuelles/{item.slug}/").content.decode()
        assert "fallback-note" in page
        assert escape(item.safe_translation_getter("title", language_code="de")) in page


@pytest.mark.django_db
@pytest.mark.skipif(not LANGUAGES, reason="no demo catalogue yet")
def test_a_changed_german_text_is_fuzzy_and_its_object_falls_back_to_german(
    media, tmp_path, monkeypatch
):
    language = "ar" if "ar" in LANGUAGES else LANGUAGES[0]
    field_data = next(data for data in FIELDS if language not in data)
    copy = tmp_path / "locale_demo"
    shutil.copytree(demo.CATALOGUES, copy)
    monkeypatch.setattr(demo, "CATALOGUES", copy)
    load_demo()
    field = FieldOfWork.objects.get(slug=field_data["slug"])
    before = field.get_translation(language).summary
    original = field_data["de"]["summary"]
    changed = original + " Neu."
    monkeypatch.setitem(field_data["de"], "summary", changed)

    call_command("demo_messages", stdout=io.StringIO())
    # Its trial load is rolled back, also in parler's cache of translations.
    unchanged = FieldOfWork.objects.get(slug=field_data["slug"])
    assert unchanged.safe_translation_getter("summary", language_code="de") == original
    load_demo()

    (entry,) = [message for message in messages(copy / f"{language}.po") if message.id == changed]
    assert entry.fuzzy
    field = FieldOfWork.objects.get(slug=field_data["slug"])
    assert field.get_translation("de").summary == changed
    assert field.get_translation(language).summary == before
    assert field.translation_status(language) == Status.OUTDATED
