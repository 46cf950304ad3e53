"""The lists every centre starts with; staff extend and reorder them in the admin.

Names are marked for translation, so the data migration stores each name in every
language of the portal.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from languages.lookup import direction_of

# (BCP 47 code, name in the language itself, German name): the languages spoken most in
# North Rhine-Westphalia's migrant communities, and those the portal itself offers. They
# go into `languages.Language`; the direction comes from `languages.lookup.direction_of`.
LANGUAGES = [
    ("sq", "Shqip", "Albanisch"),
    ("am", "አማርኛ", "Amharisch"),
    ("ar", "العربية", "Arabisch"),
    ("hy", "Հայերեն", "Armenisch"),
    ("az", "Azərbaycan dili", "Aserbaidschanisch"),
    ("bs", "Bosanski", "Bosnisch"),
    ("bg", "Български", "Bulgarisch"),
    ("zh", "中文", "Chinesisch"),
    ("prs", "دری", "Dari"),
    ("de", "Deutsch", "Deutsch"),
    ("en", "English", "Englisch"),
    ("fr", "Français", "Französisch"),
    ("ka", "ქართული", "Georgisch"),
    ("el", "Ελληνικά", "Griechisch"),
    ("he", "עברית", "Hebräisch"),
    ("hi", "हिन्दी", "Hindi"),
    ("it", "Italiano", "Italienisch"),
    ("kk", "Қазақ тілі", "Kasachisch"),
    ("hr", "Hrvatski", "Kroatisch"),
    ("kmr", "Kurmancî", "Kurdisch (Kurmandschi)"),
    ("ckb", "کوردی", "Kurdisch (Sorani)"),
    ("ln", "Lingála", "Lingala"),
    ("mk", "Македонски", "Mazedonisch"),
    ("ps", "پښتو", "Paschtu"),
    ("fa", "فارسی", "Persisch"),
    ("pl", "Polski", "Polnisch"),
    ("pt", "Português", "Portugiesisch"),
    ("rom", "Romani", "Romanes"),
    ("ro", "Română", "Rumänisch"),
    ("ru", "Русский", "Russisch"),
    ("sr", "Српски", "Serbisch"),
    ("so", "Soomaali", "Somali"),
    ("es", "Español", "Spanisch"),
    ("sw", "Kiswahili", "Swahili"),
    ("ta", "தமிழ்", "Tamil"),
    ("ti", "ትግርኛ", "Tigrinya"),
    ("tr", "Türkçe", "Türkisch"),
    ("uk", "Українська", "Ukrainisch"),
    ("hu", "Magyar", "Ungarisch"),
    ("ur", "اردو", "Urdu"),
    ("vi", "Tiếng Việt", "Vietnamesisch"),
]

ACTIVITIES = [
    ("nachbarschaft", _("Nachbarschaft und Stadtteil")),
    ("antirassismus", _("Antirassismus")),
    ("dialog", _("Interkultureller und interreligiöser Dialog")),
    ("sprache", _("Sprache")),
    ("sport", _("Sport")),
    ("kultur", _("Kultur")),
]

AUDIENCES = [
    ("kinder-und-jugendliche", _("Kinder und Jugendliche")),
    ("frauen", _("Frauen")),
    ("seniorinnen-und-senioren", _("Seniorinnen und Senioren")),
    ("neuzugewanderte", _("Neuzugewanderte")),
]

# The twelve topics the Oberhausen network meetings chose for the qualification programme.
QUALIFICATION_TOPICS = [
    ("kommunale-strukturen", _("Kommunale Strukturen")),
    ("betriebswirtschaft-und-edv", _("Betriebswirtschaftliche Grundlagen und EDV")),
    ("oeffentlichkeits-und-lobbyarbeit", _("Öffentlichkeits- und Lobbyarbeit")),
    ("fundraising", _("Fundraising und Einwerben von Projektmitteln")),
    ("schulsystem", _("Schulsystem")),
    ("sozialleistungen", _("Sozialleistungen und Beratungsangebote")),
    ("anerkennung", _("Anerkennung ausländischer Schul- und Berufsabschlüsse")),
    ("kindertagesbetreuung", _("Kindertageseinrichtungen und Kindertagespflege")),
    ("pressearbeit", _("Presse- und Öffentlichkeitsarbeit")),
    ("foerderprogramme", _("Förderprogramme")),
    ("einbuergerung-und-wahlen", _("Einbürgerung und Wahlen")),
    ("buchhaltung", _("Buchhaltung im Verein")),
]


def add_named_entries(apps, model_name: str, entries) -> None:
    """Adds whichever entry is missing, and its name in each language of the portal that
    lacks one; a name staff changed stays as it is."""
    model = apps.get_model("organisations", model_name)
    translation_model = apps.get_model("organisations", f"{model_name}Translation")
    for order, (slug, name) in enumerate(entries):
        entry, _created = model.objects.get_or_create(slug=slug, defaults={"order": order})
        present = set(
            translation_model.objects.filter(master=entry).values_list("language_code", flat=True)
        )
        # Every catalogue is complete (tests/test_translations.py), so every language gets
        # its row, also where the name reads as in German ("Sport" in English).
        for language, _label in settings.LANGUAGES:
            if language in present:
                continue
            with translation.override(language):
                translation_model.objects.create(
                    master=entry, language_code=language, name=str(name)
                )


def create_languages(apps) -> None:
    """Adds whichever of the starting languages is missing, with its writing direction."""
    language_model = apps.get_model("languages", "Language")
    for code, name, name_de in LANGUAGES:
        language_model.objects.get_or_create(
            code=code, defaults={"name": name, "name_de": name_de, "direction": direction_of(code)}
        )


def create_named_lists(apps) -> None:
    add_named_entries(apps, "Activity", ACTIVITIES)
    add_named_entries(apps, "Audience", AUDIENCES)
    add_named_entries(apps, "QualificationTopic", QUALIFICATION_TOPICS)


def create_lists(apps) -> None:
    """Adds whatever of the starting lists is missing; entries staff changed stay as they are.

    Takes an app registry, so the data migrations can pass their historical models.
    """
    create_languages(apps)
    create_named_lists(apps)
