"""The counselling team's anonymous statistic: tables per year and the CSV export."""

import datetime
import re

import pytest
from django.utils import timezone

from counselling.models import MonthlyCount
from languages.models import Language
from tests.counselling.test_admin import EXPORT, STATISTICS

pytestmark = pytest.mark.django_db


@pytest.fixture
def counts():
    year = timezone.localdate().year
    for month, topic, language, channel, count in [
        (1, "family", "tr", "phone", 2),
        (3, "family", "ar", "sms", 1),
        (3, "violence", "tr", "visit", 4),
    ]:
        MonthlyCount.objects.create(
            month=datetime.date(year, month, 1),
            topic=topic,
            language_id=language,
            channel=channel,
            count=count,
        )
    MonthlyCount.objects.create(
        month=datetime.date(year - 1, 5, 1),
        topic="health",
        language_id="de",
        channel="email",
        count=7,
    )
    return year


def statistics_tables(page: str) -> dict[str, dict[str, list[int]]]:
    """Each table by its caption: the row label and its thirteen numbers (months, sum)."""
    tables = {}
    content = page.split('id="content-main"', 1)[1]
    for part in content.split("<caption>")[1:]:
        caption, body = part.split("</caption>", 1)
        body = body.split("</table>", 1)[0]
        tables[caption] = {
            label: [int(cell) for cell in re.findall(r"<td>(\d+)</td>", cells)]
            for label, cells in re.findall(r'<th scope="row">(.*?)</th>(.*?)</tr>', body)
        }
    return tables


def test_the_statistic_shows_the_year_per_topic_language_and_channel(counsellor_client, counts):
    response = counsellor_client.get(STATISTICS)

    assert response.status_code == 200
    page = response.content.decode()
    assert f"7 Anfragen im Jahr {counts}" in page
    assert statistics_tables(page) == {
        "Anliegen": {
            "Gewalt und Schutz": [0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4],
            "Familie": [2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3],
        },
        "Sprache": {
            "Türkisch": [2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6],
            "Arabisch": [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        },
        "Kontaktweg": {
            "Ich komme vorbei": [0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4],
            "Anruf": [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2],
            "SMS": [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        },
    }


OUTSIDE_THE_CALENDAR = ["0", "-5", "99999", "99999999999999999999", "zwei"]


@pytest.mark.parametrize("year", OUTSIDE_THE_CALENDAR)
def test_a_year_outside_the_calendar_shows_this_years_statistic(counsellor_client, counts, year):
    response = counsellor_client.get(STATISTICS, {"year": year})

    assert response.status_code == 200
    assert f"Statistik der Beratungsanfragen {counts}" in response.content.decode()


@pytest.mark.parametrize("year", OUTSIDE_THE_CALENDAR)
def test_a_year_outside_the_calendar_exports_this_year(counsellor_client, counts, year):
    response = counsellor_client.get(EXPORT, {"year": year})

    assert response.status_code == 200
    assert f"beratung-statistik-{counts}.csv" in response["Content-Disposition"]


def test_the_statistic_of_another_year_is_chosen_by_the_year(counsellor_client, counts):
    page = counsellor_client.get(STATISTICS, {"year": counts - 1}).content.decode()

    assert f"7 Anfragen im Jahr {counts - 1}" in page
    tables = statistics_tables(page)
    assert list(tables["Anliegen"]) == ["Gesundheit"]
    assert tables["Anliegen"]["Gesundheit"][4] == 7


def test_the_statistic_export_is_a_csv_file_for_excel(counsellor_client, counts):
    response = counsellor_client.get(EXPORT, {"year": counts})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == f'attachment; filename="beratung-statistik-{counts}.csv"'
    )
    content = response.content.decode()
    assert content.startswith("\ufeff")
    assert content[1:].splitlines() == [
        "Monat;Anliegen;Sprache;Kontaktweg;Anzahl",
        f"{counts}-01;Familie;Türkisch;Anruf;2",
        f"{counts}-03;Familie;Arabisch;SMS;1",
        f"{counts}-03;Gewalt und Schutz;Türkisch;Ich komme vorbei;4",
    ]


def test_the_statistic_export_shows_a_formula_as_text(counsellor_client, counts):
    # Staff maintain the list of languages; the export does not rely on their names.
    language = Language.objects.create(
        code="xx", name="xx", name_de='=HYPERLINK("http://evil.example")'
    )
    MonthlyCount.objects.create(
        month=datetime.date(counts, 12, 1),
        topic="health",
        language=language,
        channel="email",
        count=1,
    )

    content = counsellor_client.get(EXPORT, {"year": counts}).content.decode()

    assert content[1:].splitlines()[-1] == (
        f'{counts}-12;Gesundheit;"\'=HYPERLINK(""http://evil.example"")";E-Mail;1'
    )


def test_the_statistic_cannot_be_edited(counsellor_client, counts):
    entry = MonthlyCount.objects.first()

    responses = [
        counsellor_client.get(f"{STATISTICS}add/"),
        counsellor_client.post(f"{STATISTICS}{entry.pk}/delete/", {"post": "yes"}),
    ]

    assert [response.status_code for response in responses] == [403, 403]
    assert MonthlyCount.objects.count() == 4


def test_the_statistic_by_language_names_each_language_as_the_list_does(counsellor_client, counts):
    Language.objects.filter(code="tr").update(name_de="Türkisch (Türkiye)")

    tables = statistics_tables(counsellor_client.get(STATISTICS).content.decode())

    assert tables["Sprache"] == {
        "Türkisch (Türkiye)": [2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6],
        "Arabisch": [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    }
