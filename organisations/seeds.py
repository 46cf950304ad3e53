"""The lists every centre starts with; staff extend and reorder them in the admin.

Names are marked for translation, so the data migration stores each name in every
language the portal has a translation for.
"""

from django.utils.translation import gettext_lazy as _

# (BCP 47 code, name in the language itself, German name): the languages spoken most in
# North Rhine-Westphalia's migrant communities, and those the portal itself offers.
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
