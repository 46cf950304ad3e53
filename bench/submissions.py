"""The public forms as the load run fills them in, and the count of what was stored.

Each submission carries a marker, "load-" and 12 hex digits, in a text field, so that
after the run the stored rows can be counted per marker: a marker the portal
acknowledged but did not store is a lost submission, a marker stored twice a duplicate.
The locust process imports this module without Django; only `stored_markers` needs it.
"""

import re
import uuid
from collections import Counter
from dataclasses import dataclass

from tests.servers import FormParser

MARKER = re.compile(r"load-[0-9a-f]{12}")


def new_marker() -> str:
    return f"load-{uuid.uuid4().hex[:12]}"


@dataclass(frozen=True)
class Form:
    name: str
    path: str
    success_path: str
    fields: dict

    def data(self, page: str, marker: str) -> dict:
        """What a person sends from `page`: the form's fields as the page has them (CSRF
        token, start time, submission key, preselected choices), with `fields` filled in
        and `marker` in a text field."""
        parser = FormParser(form_id=None)
        parser.feed(page)
        filled = {name: value.format(marker=marker) for name, value in self.fields.items()}
        return {**parser.fields, **filled}


FORMS = [
    Form(
        name="counselling request",
        path="/de/beratung/anfrage/",
        success_path="/de/beratung/anfrage/gesendet/",
        fields={
            "topic": "accompaniment",
            "channel": "visit",
            "name": "{marker}",
            "language": "de",
            "preferred_time": "any",
            "authority": "Ausländerbehörde",
        },
    ),
    Form(
        name="organisation registration",
        path="/de/migrantenorganisationen/anmelden/",
        success_path="/de/migrantenorganisationen/anmelden/danke/",
        fields={
            "name": "Lastlauf-Verein {marker}",
            "legal_form": "ev",
            "city": "Oberhausen",
            "description": "Ein Verein, den der Lastlauf anmeldet.",
            "contact_name": "Lastlauf",
            "contact_email": "{marker}@example.org",
            "consent": "on",
        },
    ),
    Form(
        name="barrier feedback",
        path="/de/barrierefreiheit/rueckmeldung/",
        success_path="/de/barrierefreiheit/rueckmeldung/danke/",
        fields={
            "page_url": "/de/kontakt/",
            "description": "{marker}: Die Karte auf der Kontaktseite hat keinen Textersatz.",
        },
    ),
]


def stored_markers() -> dict[str, list[str]]:
    """The markers in the database, per form, one entry per stored row.

    Needs Django set up on the run's database. Reads every counselling request, because
    the name is encrypted and cannot be searched.
    """
    from centre.models import BarrierFeedback
    from counselling.models import CounsellingRequest
    from organisations.models import Organisation

    texts = {
        "counselling request": CounsellingRequest.objects.values_list("name", flat=True),
        "organisation registration": Organisation.objects.filter(
            name__contains="load-"
        ).values_list("name", flat=True),
        "barrier feedback": BarrierFeedback.objects.filter(
            description__contains="load-"
        ).values_list("description", flat=True),
    }
    return {
        form: [match for text in rows for match in MARKER.findall(text or "")]
        for form, rows in texts.items()
    }


@dataclass(frozen=True)
class Tally:
    acknowledged: int
    stored: int
    lost: int
    duplicates: int
    stored_unacknowledged: int


def tally(acknowledged: list[str], stored: list[str]) -> Tally:
    """Acknowledged markers against stored ones (one entry per row) of one form.

    `lost`: acknowledged, not stored. `duplicates`: rows beyond the first of a marker.
    `stored_unacknowledged`: stored, but the visitor never saw the success page (a
    submission whose answer was an error); not wrong, but worth knowing.
    """
    rows = Counter(stored)
    acknowledged_set = set(acknowledged)
    return Tally(
        acknowledged=len(acknowledged_set),
        stored=sum(rows.values()),
        lost=len(acknowledged_set - rows.keys()),
        duplicates=sum(count - 1 for count in rows.values()),
        stored_unacknowledged=len(rows.keys() - acknowledged_set),
    )
