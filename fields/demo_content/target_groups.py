"""The demo's target groups, in German and English."""

# Target groups are found again by their German name, not by `order`: `order` defaults
# to 0, so a group staff add without touching it would be taken for the first demo group
# and renamed. A renamed demo group at worst comes back once as a new group. The six
# groups the home page names under "Wer sind Sie?" are featured.
TARGET_GROUPS = [
    {
        "slug": "frauen-und-maedchen",
        "featured": True,
        "leads_to_counselling": True,
        "de": {
            "name": "Frauen und Mädchen",
            "teaser": (
                "Eine feste Ansprechpartnerin berät Sie und geht auf Wunsch mit Ihnen zu einem Amt."
            ),
        },
        "en": {
            "name": "Women and girls",
            "teaser": (
                "A fixed contact person advises you and goes with you to an office if you wish."
            ),
        },
    },
    {
        "slug": "seniorinnen-und-senioren",
        "featured": True,
        "de": {
            "name": "Seniorinnen und Senioren",
            "teaser": "Informationen zu Pflege und zu Hilfen im Alltag, auch in mehreren Sprachen.",
        },
        "en": {
            "name": "Older people",
            "teaser": (
                "Information on care and on help in everyday life, also in several languages."
            ),
        },
    },
    {
        "slug": "familien-und-eltern",
        "featured": True,
        "de": {
            "name": "Familien und Eltern",
            "teaser": "Beratung zu Kita, Schule und Sprache, damit Ihr Kind gut lernen kann.",
        },
        "en": {
            "name": "Families and parents",
            "teaser": "Advice on day care, school and language, so that your child can learn well.",
        },
    },
    {
        "slug": "kinder-und-jugendliche",
        "featured": False,
        "de": {
            "name": "Kinder und Jugendliche",
            "teaser": "Sport, Bildung und Sprache: Angebote für junge Menschen.",
        },
        "en": {
            "name": "Children and young people",
            "teaser": "Sport, education and language: offers for young people.",
        },
    },
    {
        "slug": "neuzugewanderte",
        "featured": True,
        "de": {
            "name": "Neuzugewanderte",
            "teaser": (
                "Sie sind neu hier? Wir helfen beim Ankommen, zum Beispiel mit Schule und Sprache."
            ),
        },
        "en": {
            "name": "Newcomers",
            "teaser": "New here? We help you settle in, for example with school and language.",
        },
    },
    {
        "slug": "migrantenorganisationen",
        "featured": True,
        "de": {
            "name": "Migrantenorganisationen",
            "teaser": "Vernetzung, Fortbildungen und Hinweise auf Fördermittel für Ihren Verein.",
        },
        "en": {
            "name": "Migrant organisations",
            "teaser": "Networking, training and funding information for your association.",
        },
    },
    {
        "slug": "fachkraefte-und-verwaltung",
        "featured": True,
        "de": {
            "name": "Fachkräfte und Verwaltung",
            "teaser": "Beratung und Schulungen, damit Ihr Amt oder Ihre Einrichtung alle erreicht.",
        },
        "en": {
            "name": "Professionals and administration",
            "teaser": "Advice and training, so that your office or institution reaches everyone.",
        },
    },
]
WOMEN, SENIORS, FAMILIES, YOUTH, NEWCOMERS, ORGANISATIONS, PROFESSIONALS = range(7)
