"""Markup and spreadsheet formulas that were stored are shown as text everywhere.

The public forms refuse markup (`test_public_forms.py`), but the counselling message keeps
it as typed, and a record can come from elsewhere (the shell, an import, an older
version). So records hold `<script>alert(1)</script>`, `"><svg onload=alert(1)>` and
`=HYPERLINK("http://evil.example","x")` in every text field, and:

- the public directory, the entry's page (JSON-LD included), the admin's lists, change
  pages, review queue, decision log, topic wishes, outbox, barrier reports and counselling
  requests show them escaped, never as markup;
- the CSV export of the register (`portal.spreadsheets.csv_response`) starts every cell
  that a spreadsheet would run as a formula (`= + - @`, tab, CR) with an apostrophe, and
  keeps markup as plain text.
"""

import pytest
from django.contrib.auth.models import Permission

from centre.models import BarrierFeedback
from organisations.models import Decision, DecisionKind, QualificationTopic, TopicWish
from portal.models import OutgoingMail
from portal.spreadsheets import spreadsheet_cell
from tests.factories import CounsellingRequestFactory, OrganisationFactory, UserFactory
from tests.organisations.test_admin import csv_rows, request_change
from tests.security.hostile import FORMULA, SCRIPT, SVG, assert_no_active_markup
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
# An address has no spaces, but may hold quotes and angle brackets.
SVG_IN_ADDRESS = '"><svg/onload=alert(1)>'
ORGANISATIONS = "/admin/organisations/organisation/"
REVIEW_QUEUE = "/admin/organisations/reviewitem/"
# The text fields of an entry, and in the export a formula, a sum, a cell that starts with
# a sign: each a way a spreadsheet program runs a cell.
FORMULAS = {
    "register_court": FORMULA,
    "street": "+1+1",
    "city": "-1+1",
    "description": "@SUM(1+1)",
    "contact_role": "\t=1+1",
}


@pytest.fixture
def hostile_entry(db):
    """A published entry with markup in its name, contact, address, description and links."""
    entry = OrganisationFactory(
        name=SCRIPT,
        contact_name=SVG,
        contact_role=SCRIPT,
        description=f"{SVG} {SCRIPT}",
        street=SCRIPT,
        postal_code="46045",
        city=SVG,
        website=f"https://verein.example/{SVG_IN_ADDRESS}",
        social_links=[f"https://instagram.com/{SVG_IN_ADDRESS}"],
        publish_address=True,
        publish_contact_name=True,
    )
    topic = QualificationTopic.objects.first()
    TopicWish.objects.create(organisation=entry, topic=topic)
    Decision.objects.create(organisation=entry, kind=DecisionKind.APPROVED, reason=SCRIPT)
    return entry


@pytest.fixture
def mso_staff(db):
    """Keeps the register and the lists and reads the outbox."""
    user = UserFactory(username="mso-outbox", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=["organisations", "portal"])
    )
    return user


def test_public_pages_show_markup_as_text(client, hostile_entry):
    for path in [
        hostile_entry.get_absolute_url(),
        "/de/migrantenorganisationen/verzeichnis/",
        "/de/migrantenorganisationen/verzeichnis/?q=alert",
    ]:
        response = client.get(path)

        assert response.status_code == 200, path
        assert_no_active_markup(response.content)
        assert ESCAPED_SCRIPT in response.content.decode(), path
    # The website and the social link, as addresses of links.
    entry_page = client.get(hostile_entry.get_absolute_url()).content.decode()
    assert entry_page.count("/&quot;&gt;&lt;svg/onload=alert(1)&gt;") >= 2


def test_the_register_admin_shows_markup_as_text(client, mso_staff, hostile_entry):
    request_change(hostile_entry, name=SVG, description=SCRIPT)
    proposal = hostile_entry.change_requests.get()
    # A registration with the same name: the review page lists the entry as a duplicate.
    duplicate = OrganisationFactory(name=SCRIPT, pending=True)
    OutgoingMail.objects.create(recipient="ada@example.org", subject=SCRIPT, body=SVG)
    sign_in(client, mso_staff)

    for path in [
        ORGANISATIONS,
        f"{ORGANISATIONS}?q=%3Cscript%3E",
        f"{ORGANISATIONS}{hostile_entry.pk}/change/",
        f"{ORGANISATIONS}{hostile_entry.pk}/history/",
        REVIEW_QUEUE,
        f"{REVIEW_QUEUE}{proposal.pk}/change/",
        f"{REVIEW_QUEUE}{duplicate.pk}/change/",
        "/admin/organisations/decision/",
        f"/admin/organisations/qualificationtopic/{QualificationTopic.objects.first().pk}/change/",
        "/admin/portal/outgoingmail/",
        f"/admin/portal/outgoingmail/{OutgoingMail.objects.get().pk}/change/",
    ]:
        response = client.get(path)

        assert response.status_code == 200, path
        assert_no_active_markup(response.content)
        assert ESCAPED_SCRIPT in response.content.decode(), path
    # The list of topics counts the wishes; the names are on each topic's page.
    assert_no_active_markup(client.get("/admin/organisations/qualificationtopic/").content)


def test_the_barrier_reports_admin_shows_markup_as_text(admin_client):
    report = BarrierFeedback.objects.create(
        page_url="/de/kontakt/", description=SCRIPT, name=SVG, email="ada@example.org"
    )

    for path in [
        "/admin/centre/barrierfeedback/",
        f"/admin/centre/barrierfeedback/{report.pk}/change/",
    ]:
        response = admin_client.get(path)

        assert response.status_code == 200
        assert_no_active_markup(response.content)
    assert ESCAPED_SCRIPT in response.content.decode()


def test_the_counselling_admin_shows_her_message_as_text(counsellor_client):
    """The one public form that keeps markup as typed: her message."""
    counselling_request = CounsellingRequestFactory(name=SVG, message=SCRIPT)

    for path in [
        "/admin/counselling/counsellingrequest/",
        f"/admin/counselling/counsellingrequest/{counselling_request.pk}/change/",
    ]:
        response = counsellor_client.get(path)

        assert response.status_code == 200
        assert_no_active_markup(response.content)
    assert ESCAPED_SCRIPT in response.content.decode()


def test_the_export_neutralises_formulas_and_keeps_markup_as_text(mso_client, hostile_entry):
    OrganisationFactory(name=FORMULA, contact_name="=1+1", **FORMULAS)

    _header, *rows = csv_rows(mso_client.get(f"{ORGANISATIONS}export/"))

    cells = [cell for row in rows for cell in row]
    assert f"'{FORMULA}" in cells
    assert "'=1+1" in cells
    for value in FORMULAS.values():
        assert f"'{value}" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert SCRIPT in cells
    assert SVG in cells


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_would_run_as_a_formula_is_text(prefix):
    assert spreadsheet_cell(f"{prefix}1+1") == f"'{prefix}1+1"
    assert spreadsheet_cell(-1) == -1
