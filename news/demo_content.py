"""Demo news and events: two reports from Oberhausen's 2024 news, in our own words.

Only facts from the seeds: the International Women's Day on 8 March 2024 with about
120 women, and the new vision, mission and quarterly newsletter of May 2024. People
are named by their role. The one coming event is the next International Women's Day,
which falls on 8 March every year; its text says plainly that time and place are
not known, because the seeds do not say whether or where the centre invites again.
"""

import datetime
from collections import Counter
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from news.models import Event, NewsItem
from portal.demo import apply

NEWS = [
    {
        "slug": "internationaler-frauentag-2024",
        "published_on": datetime.date(2024, 3, 14),
        "de": {
            "title": "Rund 120 Frauen feiern den Internationalen Frauentag",
            "teaser": (
                "Am 8. März 2024 kamen rund 120 Frauen aus der Oberhausener Stadtgesellschaft "
                "ins Zentrum Altenberg, um gemeinsam den Internationalen Frauentag zu begehen."
            ),
            "body": (
                "<p>Das Kommunale Integrationszentrum hatte eingeladen, und rund 120 Frauen "
                "sind gekommen. Geplant und durchgeführt wurde die Feier zusammen mit dem "
                "Arbeitskreis „Frauen und Integration“.</p>"
                "<h2>Grußworte</h2>"
                "<p>Die Bereichsleitung des Integrationszentrums eröffnete die Feier. Sie "
                "würdigte, was Frauen erreicht haben, und wandte sich besonders an Frauen, die "
                "nach einer Flucht in Oberhausen neu anfangen.</p>"
                "<p>Eine Vertreterin des Integrationsrats machte deutlich, dass Hass und "
                "Ausgrenzung in der Stadt keinen Platz haben. Die Gleichstellungsbeauftragte "
                "der Stadt erinnerte daran, dass der Weg zur Gleichberechtigung noch weit ist "
                "und Frauen für ihre Rechte zusammenstehen müssen.</p>"
                "<h2>Austausch beim Frühstück</h2>"
                "<p>Nach einem Frühstücksbuffet sprachen die Besucherinnen mit hauptamtlichen "
                "Fachfrauen aus den Einrichtungen und nannten ihre Bedarfe, Wünsche und "
                "Erwartungen.</p>"
            ),
        },
        "en": {
            "title": "Around 120 women celebrate International Women's Day",
            "teaser": (
                "On 8 March 2024 around 120 women from across Oberhausen came to the Zentrum "
                "Altenberg to celebrate International Women's Day together."
            ),
            "body": (
                "<p>The Municipal Integration Centre had invited them, and around 120 women "
                "came. The celebration was planned and run together with the working group "
                "“Frauen und Integration” (women and integration).</p>"
                "<h2>Welcome speeches</h2>"
                "<p>The head of the centre opened the celebration. She honoured what women "
                "have achieved and spoke in particular to women who are starting a new life "
                "in Oberhausen after fleeing their countries.</p>"
                "<p>A representative of the integration council made clear that there is no "
                "room for hatred and exclusion in the city. The city's equal opportunities "
                "officer reminded everyone that equality is still a long way off and that "
                "women have to stand together for their rights.</p>"
                "<h2>Talking over breakfast</h2>"
                "<p>After a breakfast buffet, the guests talked with professional experts from "
                "the institutions about their needs, wishes and expectations.</p>"
            ),
        },
    },
    {
        "slug": "vision-mission-und-newsletter",
        "published_on": datetime.date(2024, 5, 23),
        "de": {
            "title": "Neue Vision, neue Mission und ein Newsletter",
            "teaser": (
                "Das Integrationszentrum hat sich neu aufgestellt, seine Vision und Mission dem "
                "Oberbürgermeister übergeben und einen Newsletter gestartet, der einmal im "
                "Quartal erscheint."
            ),
            "body": (
                "<p>Seit seiner Gründung im Jahr 2013 hat das Kommunale Integrationszentrum "
                "immer mehr Aufgaben übernommen. Nach einem Ratsbeschluss im Juni 2023 hat es "
                "eine neue Struktur bekommen. Seitdem prüft das Team, ob seine Abläufe noch "
                "passen und wirken, und entwickelt sie weiter.</p>"
                "<h2>Vision und Mission</h2>"
                "<p>In zwei Klausurtagungen hat das ganze Team eine Vision und eine Mission "
                "für die Integrationsarbeit in Oberhausen erarbeitet. Das Leitungsteam hat sie "
                "dem Oberbürgermeister übergeben. Er erinnerte daran, dass die Stadt ohne "
                "Zuwanderung nicht entstanden wäre: Vor der Industrialisierung lebten hier "
                "nur einige Hundert Menschen, heute sind es rund 212.000.</p>"
                "<h2>Der Newsletter</h2>"
                "<p>Damit mehr Menschen die Arbeit des Zentrums kennen, gibt es seit Mai 2024 "
                "einen Newsletter. Er erscheint einmal im Quartal und berichtet über die "
                "Arbeit, neue Projekte und Beratungsangebote für Menschen mit "
                "Einwanderungsgeschichte, dazu über das Geschehen in der Stadt und über "
                "Flucht, Migration und Integration.</p>"
            ),
        },
        "en": {
            "title": "A new vision, a new mission and a newsletter",
            "teaser": (
                "The integration centre has reorganised, handed its vision and mission to "
                "the Lord Mayor and started a newsletter that comes out every quarter."
            ),
            "body": (
                "<p>Since it was founded in 2013, the Municipal Integration Centre has taken "
                "on more and more tasks. After a council decision in June 2023 it was given a "
                "new structure. Since then the team has been checking whether its ways of "
                "working still fit and work, and developing them further.</p>"
                "<h2>Vision and mission</h2>"
                "<p>In two retreats the whole team worked out a vision and a mission for "
                "integration work in Oberhausen. The management team handed them to the Lord "
                "Mayor. He recalled that the city would not exist without immigration: before "
                "industrialisation only a few hundred people lived here, today there are "
                "around 212,000.</p>"
                "<h2>The newsletter</h2>"
                "<p>So that more people know about the centre's work, there has been a "
                "newsletter since May 2024. It comes out every quarter and reports on the "
                "centre's work, new projects and counselling for people with an immigration "
                "history, as well as on city life and on flight, migration and "
                "integration.</p>"
            ),
        },
    },
]

WOMENS_DAY = {
    "de": {
        "title": "Internationaler Frauentag",
        "venue": "Oberhausen, Ort wird noch bekannt gegeben",
        "description": (
            "<p>Der Internationale Frauentag ist jedes Jahr am 8. März. 2024 hat das "
            "Kommunale Integrationszentrum ihn mit rund 120 Frauen im Zentrum Altenberg "
            "gefeiert, zusammen mit dem Arbeitskreis „Frauen und Integration“.</p>"
            "<p>Dieser Eintrag ist ein Beispiel für die Demo des Portals. Ob das Zentrum "
            "wieder einlädt, wann genau und wo, steht hier, sobald es feststeht.</p>"
        ),
        "registration_note": "Uhrzeit und Ort stehen noch nicht fest.",
    },
    "en": {
        "title": "International Women's Day",
        "venue": "Oberhausen, venue to be announced",
        "description": (
            "<p>International Women's Day is on 8 March every year. In 2024 the Municipal "
            "Integration Centre celebrated it with around 120 women at the Zentrum Altenberg, "
            "together with the working group “Frauen und Integration”.</p>"
            "<p>This entry is an example for the portal's demo. Whether the centre invites "
            "again, and exactly when and where, will be posted here once it is settled.</p>"
        ),
        "registration_note": "The time and place have not been set yet.",
    },
}


def next_womens_day(today: datetime.date) -> datetime.date:
    """The next 8 March, today included."""
    this_year = datetime.date(today.year, 3, 8)
    return this_year if this_year >= today else this_year.replace(year=today.year + 1)


def load_event(counts: Counter) -> None:
    day = next_womens_day(timezone.localdate())
    slug = f"internationaler-frauentag-{day.year}"
    event = Event.objects.filter(slug=slug).first() or Event()
    values = {
        "slug": slug,
        # A placeholder time on the day; the text says that it is not known yet.
        "starts_at": datetime.datetime.combine(
            day, datetime.time(10), tzinfo=ZoneInfo(settings.TIME_ZONE)
        ),
        "is_published": True,
    }
    counts["events", apply(event, values, WOMENS_DAY)] += 1


def load(counts: Counter) -> None:
    """Create or update the demo news and events; running it again changes nothing."""
    for data in NEWS:
        item = NewsItem.objects.filter(slug=data["slug"]).first() or NewsItem()
        values = {"slug": data["slug"], "published_on": data["published_on"], "is_published": True}
        translations = {language: data[language] for language in ("de", "en")}
        counts["news", apply(item, values, translations)] += 1
    load_event(counts)
