import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from portal.spreadsheets import csv_response, spreadsheet_cell


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_a_spreadsheet_would_run_as_a_formula_is_shown_as_text(prefix):
    assert spreadsheet_cell(f'{prefix}HYPERLINK("http://evil.example")') == (
        f'\'{prefix}HYPERLINK("http://evil.example")'
    )


@pytest.mark.parametrize("text", ["Kulturverein e. V.", "a=b", " =1+1", "", "'schon Text"])
def test_other_text_stays_as_it_is(text):
    assert spreadsheet_cell(text) == text


def test_numbers_stay_numbers_and_none_is_an_empty_cell():
    assert [spreadsheet_cell(value) for value in [-3, 2.5, Decimal("-1.50"), None]] == [
        -3,
        2.5,
        Decimal("-1.50"),
        "",
    ]


def test_yes_and_no_are_written_in_the_active_language():
    with translation.override("de"):
        assert [spreadsheet_cell(True), spreadsheet_cell(False)] == ["ja", "nein"]
    with translation.override("en"):
        assert spreadsheet_cell(True) == "yes"


def test_a_moment_is_written_in_local_time_to_the_minute(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    moment = datetime.datetime(2026, 7, 1, 22, 30, 59, tzinfo=datetime.UTC)

    with timezone.override("Europe/Berlin"):
        assert spreadsheet_cell(moment) == "2026-07-02 00:30"


def test_the_file_is_utf8_with_a_byte_order_mark_and_semicolons_for_excel_in_german():
    response = csv_response(
        filename="liste.csv",
        header=["Name", "Ort; Stadtteil"],
        rows=[["Çocuk Derneği", "=cmd|' /C calc'!A0"], ["جمعية", 7]],
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="liste.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffName;")
    assert list(csv.reader(io.StringIO(text[1:]), delimiter=";")) == [
        ["Name", "Ort; Stadtteil"],
        ["Çocuk Derneği", "'=cmd|' /C calc'!A0"],
        ["جمعية", "7"],
    ]
