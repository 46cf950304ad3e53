"""CSV files for the spreadsheet programs staff open them with, Excel in German first."""

import csv
import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

# Spreadsheet programs run a cell that starts with one of these as a formula
# (OWASP "CSV injection"); a leading apostrophe makes them show it as text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Excel in German reads ";" as the column separator (the comma is the decimal mark).
DELIMITER = ";"
# Excel needs the byte order mark to read UTF-8, so umlauts and Arabic names survive.
BYTE_ORDER_MARK = "\ufeff"


def spreadsheet_cell(value) -> str | int | float | Decimal:
    """A value as a cell: text that cannot run as a formula, yes/no in the active language,
    a moment in local time, nothing for None.

    Numbers stay numbers, so a spreadsheet can sum them; only text can hide a formula.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("ja") if value else gettext("nein")
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def csv_response(*, filename: str, header: Iterable, rows: Iterable[Iterable]) -> HttpResponse:
    """A CSV attachment for spreadsheet programs in German: UTF-8 with a byte order mark,
    ";" between the cells, every cell made safe by `spreadsheet_cell`.

    The whole file is built in memory; `rows` is read once, so pass a queryset that
    fetches its related objects in bulk rather than once per row.
    """
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )
    response.write(BYTE_ORDER_MARK)
    writer = csv.writer(response, delimiter=DELIMITER)
    writer.writerow(map(spreadsheet_cell, header))
    writer.writerows(map(spreadsheet_cell, row) for row in rows)
    return response
