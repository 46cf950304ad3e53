import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.forms.models import model_to_dict
from django.utils import timezone

from languages.models import Language
from organisations.models import (
    Activity,
    Decision,
    DecisionKind,
    District,
    Organisation,
    QualificationTopic,
    Status,
    TopicWish,
)
from organisations.services import organisation_request_change
from tests.factories import OrganisationFactory, UserFactory
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/organisations/organisation/"
QUEUE = "/admin/organisations/reviewitem/"
EXPORT = "/admin/organisations/organisation/export/"
DECISIONS = "/admin/organisations/decision/"
TOPICS = "/admin/organisations/qualificationtopic/"


def change_url(organisation):
    return f"{CHANGELIST}{organisation.pk}/change/"


def review_url(item):
    return f"{QUEUE}{item.pk}/change/"


def reject_url(item):
    return f"{QUEUE}{item.pk}/ablehnen/"


# Every text field a representative types into; the export names each column after its field.
TYPED_FIELDS = [
    "name",
    "register_court",
    "register_number",
    "street",
    "postal_code",
    "city",
    "website",
    "description",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
]


def review_form(organisation, **overrides):
    """The review page's form as the browser posts it, with the record's current values."""
    data = {
        key: value
        for key, value in model_to_dict(organisation).items()
        if key in {"legal_form", *TYPED_FIELDS}
    }
    data["founded_year"] = organisation.founded_year or ""
    data["district"] = organisation.district_id or ""
    data["social_links"] = "\n".join(organisation.social_links)
    for field in ["languages", "activities", "audiences"]:
        data[field] = [obj.pk for obj in getattr(organisation, field).all()]
    for field in [
        "publish_address",
        "publish_contact_name",
        "publish_contact_email",
        "publish_contact_phone",
    ]:
        if getattr(organisation, field):
            data[field] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def request_change(entry, **changes):
    """A change request as the representative's form stores it."""
    data = model_to_dict(entry)
    data["district"] = entry.district
    data.update(changes)
    return organisation_request_change(entry=entry, data=data, language=entry.language)


# The people who may not use the back office of the organisations.
@pytest.fixture(params=["counsellor", "outsider"])
def refused_client(request, client):
    sign_in(client, request.getfixturevalue(request.param))
    return client


def test_staff_without_organisation_permissions_are_refused_everywhere(refused_client):
    entry = OrganisationFactory()
    item = OrganisationFactory(pending=True)
    decision = Decision.objects.create(organisation=entry, kind=DecisionKind.APPROVED)
    pages = [
        CHANGELIST,
        change_url(entry),
        QUEUE,
        review_url(item),
        reject_url(item),
        EXPORT,
        DECISIONS,
        f"{DECISIONS}{decision.pk}/change/",
        TOPICS,
        "/admin/languages/language/",
        "/admin/organisations/activity/",
        "/admin/organisations/district/",
        "/admin/organisations/networkmeeting/",
        "/admin/organisations/supportoffer/",
    ]

    for page in pages:
        assert refused_client.get(page).status_code == 403, page
    approve = refused_client.post(review_url(item), review_form(item, _approve="1"))
    reject = refused_client.post(reject_url(item), {"reason": "Kein Verein."})

    assert approve.status_code == 403
    assert reject.status_code == 403
    item.refresh_from_db()
    assert item.status == Status.PENDING
    assert not Decision.objects.filter(organisation=item).exists()
    assert mail.outbox == []


def test_anonymous_visitors_are_sent_to_the_login(client):
    item = OrganisationFactory(pending=True)

    for page in [CHANGELIST, QUEUE, reject_url(item), EXPORT]:
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_changelist_shows_entries_with_flags_and_not_change_requests(mso_client):
    entry = OrganisationFactory(name="Elternnetzwerk Styrum e. V.")
    proposal = request_change(entry, name="Elternnetzwerk Styrum-Nord e. V.")
    OrganisationFactory(name="ELTERNNETZWERK STYRUM", pending=True)

    response = mso_client.get(CHANGELIST)

    assert response.status_code == 200
    rows = {row.pk: row for row in response.context["cl"].result_list}
    assert proposal.pk not in rows
    assert rows[entry.pk].has_change_request
    # The normalised names are equal, so each flags the other.
    assert all(row.has_possible_duplicate for row in rows.values())
    assert "Elternnetzwerk Styrum-Nord" not in response.text


def test_changelist_needs_the_same_queries_for_thirty_entries(
    mso_client, django_assert_num_queries
):
    district = District.objects.create(name="Sterkrade")
    languages = list(Language.objects.filter(code__in=["tr", "ar"]))
    activities = list(Activity.objects.all()[:2])
    for number in range(30):
        entry = OrganisationFactory(
            district=district, languages=languages, activities=activities, pending=number % 3 == 0
        )
        if number % 5 == 0 and entry.status == Status.APPROVED:
            request_change(entry, city="Oberhausen-Sterkrade")

    with django_assert_num_queries(18):
        response = mso_client.get(CHANGELIST)
        assert len(response.context["cl"].result_list) == 30
        response.render()

    assert "Sterkrade" in response.text


def test_hidden_filter_lists_entries_not_confirmed_for_thirteen_months(mso_client):
    stale = OrganisationFactory(
        name="Seit langem still e. V.",
        last_confirmed_at=timezone.now() - datetime.timedelta(days=400),
    )
    fresh = OrganisationFactory(name="Frisch bestätigt e. V.")

    hidden = mso_client.get(CHANGELIST, {"sichtbar": "ausgeblendet"})
    visible = mso_client.get(CHANGELIST, {"sichtbar": "ja"})

    assert list(hidden.context["cl"].result_list) == [stale]
    assert list(visible.context["cl"].result_list) == [fresh]


@pytest.mark.parametrize("term", ["VR 4711", "vorstand@buendnis.example", "Bündnis"])
def test_search_finds_by_name_register_number_and_email(mso_client, term):
    wanted = OrganisationFactory(
        name="Bündnis der Nachbarschaften e. V.",
        register_number="VR 4711",
        contact_email="vorstand@buendnis.example",
    )
    OrganisationFactory()

    response = mso_client.get(CHANGELIST, {"q": term})

    assert list(response.context["cl"].result_list) == [wanted]


def test_queue_lists_waiting_records_oldest_first_with_their_kind(
    mso_client, django_assert_num_queries
):
    now = timezone.now()
    entry = OrganisationFactory(name="Sportverein Lirich e. V.")
    proposal = request_change(entry, city="Oberhausen-Lirich")
    proposal.confirmed_at = now - datetime.timedelta(days=3)
    proposal.save()
    older = OrganisationFactory(pending=True, confirmed_at=now - datetime.timedelta(days=5))
    newer = OrganisationFactory(pending=True, confirmed_at=now - datetime.timedelta(days=1))
    OrganisationFactory(pending=True, status=Status.UNCONFIRMED)
    for _number in range(20):
        OrganisationFactory(status=Status.REJECTED)

    with django_assert_num_queries(10):
        response = mso_client.get(QUEUE)
        response.render()

    assert list(response.context["cl"].result_list) == [older, proposal, newer]
    # A change request is not a duplicate of the entry it changes.
    assert not response.context["cl"].result_list[1].has_possible_duplicate
    assert response.text.count("Neuanmeldung</td>") == 2
    assert response.text.count("Änderungswunsch</td>") == 1


def test_review_page_warns_about_possible_duplicates(mso_client):
    same_name = OrganisationFactory(name="Kulturverein Musterstadt e. V.")
    same_register = OrganisationFactory(name="Ganz anders e. V.", register_number="VR 99")
    same_mail = OrganisationFactory(name="Auch anders", contact_email="info@kv.example")
    unrelated = OrganisationFactory(name="Frauenforum Alstaden e. V.")
    item = OrganisationFactory(
        pending=True,
        name="Kulturverein  Musterstadt",
        register_number="VR 99",
        contact_email="INFO@kv.example",
    )

    response = mso_client.get(review_url(item))

    assert response.status_code == 200
    warnings = [str(message) for message in response.context["messages"]]
    assert any("3 ähnliche Einträge" in warning for warning in warnings)
    for other in [same_name, same_register, same_mail]:
        assert f'href="{change_url(other)}"' in response.text
    assert f'href="{change_url(unrelated)}"' not in response.text
    assert "Speichern und freigeben" in response.text


def test_approving_publishes_records_the_decision_and_mails_in_the_representatives_language(
    mso_client, mso_team, django_capture_on_commit_callbacks
):
    item = OrganisationFactory(pending=True, language="en", contact_email="chair@club.example")

    with django_capture_on_commit_callbacks(execute=True):
        response = mso_client.post(review_url(item), review_form(item, _approve="1"))

    assert response.status_code == 302
    assert response["Location"] == QUEUE
    item.refresh_from_db()
    assert item.status == Status.APPROVED
    assert item.is_public()
    decision = item.decisions.get()
    assert (decision.kind, decision.decided_by) == (DecisionKind.APPROVED, mso_team)
    [message] = mail.outbox
    assert message.to == ["chair@club.example"]
    assert "/en/migrantenorganisationen/eintrag/" in message.body


def test_staff_edits_are_stored_before_approving(mso_client, django_capture_on_commit_callbacks):
    item = OrganisationFactory(pending=True, name="Kulturvrein Osterfeld")

    with django_capture_on_commit_callbacks(execute=True):
        mso_client.post(
            review_url(item), review_form(item, name="Kulturverein Osterfeld", _approve="1")
        )

    item.refresh_from_db()
    assert (item.name, item.status) == ("Kulturverein Osterfeld", Status.APPROVED)


def test_an_invalid_edit_is_not_approved(mso_client):
    item = OrganisationFactory(pending=True)

    response = mso_client.post(
        review_url(item), review_form(item, register_number="12345", _approve="1")
    )

    assert response.status_code == 200
    assert "Registernummer" in str(response.context["adminform"].form.errors)
    item.refresh_from_db()
    assert item.status == Status.PENDING
    assert not Decision.objects.exists()


def test_saving_without_approving_keeps_the_record_in_the_queue(mso_client):
    item = OrganisationFactory(pending=True)

    response = mso_client.post(review_url(item), review_form(item, city="Mülheim an der Ruhr"))

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.city, item.status) == ("Mülheim an der Ruhr", Status.PENDING)


def test_rejecting_needs_a_reason(mso_client):
    item = OrganisationFactory(pending=True)

    page = mso_client.get(reject_url(item))
    response = mso_client.post(reject_url(item), {"reason": "  \u200b "})

    assert page.status_code == 200
    assert response.status_code == 200
    assert "Bitte geben Sie eine Begründung an." in response.text
    assert response.context["form"].errors["reason"]
    item.refresh_from_db()
    assert item.status == Status.PENDING
    assert item.contact_email


def test_rejecting_erases_personal_data_and_mails_the_reason(
    mso_client, mso_team, django_capture_on_commit_callbacks
):
    item = OrganisationFactory(pending=True, contact_email="vorstand@abgelehnt.example")

    with django_capture_on_commit_callbacks(execute=True):
        response = mso_client.post(reject_url(item), {"reason": "Das ist ein Unternehmen."})

    assert response.status_code == 302
    assert response["Location"] == QUEUE
    item.refresh_from_db()
    assert item.status == Status.REJECTED
    assert (item.contact_name, item.contact_email, item.contact_phone) == ("", "", "")
    decision = item.decisions.get()
    assert (decision.kind, decision.decided_by) == (DecisionKind.REJECTED, mso_team)
    assert decision.reason == "Das ist ein Unternehmen."
    [message] = mail.outbox
    assert message.to == ["vorstand@abgelehnt.example"]
    assert "Das ist ein Unternehmen." in message.body


def test_review_page_of_a_change_request_shows_old_and_new_values(mso_client):
    entry = OrganisationFactory(name="Frauenforum Alstaden e. V.", city="Oberhausen")
    turkish = Language.objects.get(code="tr")
    proposal = request_change(entry, city="Mülheim an der Ruhr", languages=[turkish])

    response = mso_client.get(review_url(proposal))

    assert response.status_code == 200
    assert "Änderungswunsch zum Eintrag" in response.text
    assert "<td>Ort</td><td>Oberhausen</td><td>Mülheim an der Ruhr</td>" in response.text
    assert "<td>Sprachen</td><td></td><td>Türkçe (Türkisch)</td>" in response.text
    assert "<td>Name der Organisation</td>" not in response.text


def test_approving_a_change_request_updates_the_entry(
    mso_client, mso_team, django_capture_on_commit_callbacks
):
    entry = OrganisationFactory(name="Frauenforum Alstaden e. V.", city="Oberhausen")
    proposal = request_change(entry, city="Mülheim an der Ruhr", description="Neu: Nähcafé.")

    with django_capture_on_commit_callbacks(execute=True):
        response = mso_client.post(review_url(proposal), review_form(proposal, _approve="1"))

    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.city, entry.description) == ("Mülheim an der Ruhr", "Neu: Nähcafé.")
    assert not Organisation.objects.filter(pk=proposal.pk).exists()
    decision = entry.decisions.get()
    assert decision.kind == DecisionKind.CHANGE_APPROVED
    assert decision.decided_by == mso_team
    assert decision.changes.splitlines() == ["Ort", "Kurzbeschreibung"]
    assert [message.to for message in mail.outbox] == [[entry.contact_email]]


def test_rejecting_a_change_request_keeps_the_entry(mso_client, django_capture_on_commit_callbacks):
    entry = OrganisationFactory(city="Oberhausen")
    proposal = request_change(entry, city="Bottrop")

    with django_capture_on_commit_callbacks(execute=True):
        mso_client.post(reject_url(proposal), {"reason": "Bottrop gehört nicht dazu."})

    entry.refresh_from_db()
    assert (entry.city, entry.status) == ("Oberhausen", Status.APPROVED)
    assert not Organisation.objects.filter(pk=proposal.pk).exists()
    assert entry.decisions.get().kind == DecisionKind.CHANGE_REJECTED
    assert "Bottrop gehört nicht dazu." in mail.outbox[0].body


def test_a_decided_record_leaves_the_queue(mso_client):
    rejected = OrganisationFactory(status=Status.REJECTED)

    assert mso_client.get(reject_url(rejected)).status_code == 404
    response = mso_client.post(review_url(rejected), review_form(rejected, _approve="1"))

    assert response.status_code == 302
    rejected.refresh_from_db()
    assert rejected.status == Status.REJECTED
    assert not Decision.objects.exists()


def test_entry_page_shows_the_decisions_read_only(mso_client):
    entry = OrganisationFactory()
    Decision.objects.create(
        organisation=entry, kind=DecisionKind.CHANGE_APPROVED, changes="Ort", reason="Umzug"
    )

    response = mso_client.get(change_url(entry))

    assert response.status_code == 200
    assert "Änderung übernommen" in response.text
    assert "Umzug" in response.text
    assert 'name="decisions-0-reason"' not in response.text


@pytest.mark.parametrize("superuser", [False, True])
def test_nobody_can_add_change_or_delete_a_decision(client, mso_team, superuser):
    user = UserFactory(is_staff=True, is_superuser=True) if superuser else mso_team
    sign_in(client, user)
    decision = Decision.objects.create(
        organisation=OrganisationFactory(), kind=DecisionKind.REJECTED, reason="Kein Verein."
    )
    url = f"{DECISIONS}{decision.pk}/change/"

    page = client.get(url)
    edit = client.post(url, {"kind": DecisionKind.APPROVED, "reason": "Doch."})

    assert page.status_code == 200
    assert 'name="reason"' not in page.text
    assert edit.status_code == 403
    assert client.get(f"{DECISIONS}add/").status_code == 403
    assert client.post(f"{DECISIONS}{decision.pk}/delete/").status_code == 403
    decision.refresh_from_db()
    assert (decision.kind, decision.reason) == (DecisionKind.REJECTED, "Kein Verein.")


def csv_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_export_contains_entries_with_public_and_internal_fields(mso_client):
    entry = OrganisationFactory(
        name='=HYPERLINK("http://evil.example")',
        description="-1+1",
        contact_email="vorstand@kv.example",
        publish_contact_email=True,
        languages=list(Language.objects.filter(code__in=["tr", "ckb"])),
        activities=[Activity.objects.get(slug="sport")],
    )
    request_change(entry, name="Ein Änderungswunsch")
    OrganisationFactory(name="Çocuk ve Gençlik Derneği", pending=True)

    response = mso_client.get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert len(rows) == 2
    records = [dict(zip(header, row, strict=True)) for row in rows]
    by_email = {record["E-Mail-Adresse"]: record for record in records}
    exported = by_email["vorstand@kv.example"]
    assert exported["Name der Organisation"] == '\'=HYPERLINK("http://evil.example")'
    assert exported["Kurzbeschreibung"] == "'-1+1"
    assert exported["Sprachen (BCP 47)"] == "ckb tr"
    assert exported["Tätigkeitsfelder"] == "Sport"
    assert exported["E-Mail-Adresse veröffentlichen"] == "ja"
    assert exported["Status"] == "freigegeben"
    assert exported["im Verzeichnis"] == "ja"
    assert {record["Name der Organisation"] for record in records} == {
        exported["Name der Organisation"],
        "Çocuk ve Gençlik Derneği",
    }


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_export_shows_a_formula_typed_into_any_field_as_text(mso_client, prefix):
    # Short enough for the postal code's five characters.
    formula = f"{prefix}A1*9"
    OrganisationFactory(
        **dict.fromkeys(TYPED_FIELDS, formula), social_links=[formula, "https://a.example"]
    )

    header, row = csv_rows(mso_client.get(EXPORT))

    exported = dict(zip(header, row, strict=True))
    assert {
        field: exported[str(Organisation._meta.get_field(field).verbose_name)]
        for field in [*TYPED_FIELDS, "social_links"]
    } == {
        **dict.fromkeys(TYPED_FIELDS, f"'{formula}"),
        "social_links": f"'{formula} https://a.example",
    }


def test_export_button_and_action_need_the_export_permission(client, mso_team):
    mso_team.groups.get().permissions.remove(Permission.objects.get(codename="export_organisation"))
    sign_in(client, mso_team)
    entry = OrganisationFactory()

    changelist = client.get(CHANGELIST)
    action = client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [entry.pk], "index": 0}
    )

    assert client.get(EXPORT).status_code == 403
    assert "Verzeichnis als CSV exportieren" not in changelist.text
    assert not action["Content-Type"].startswith("text/csv")
    assert "Content-Disposition" not in action


def test_export_action_exports_the_selected_entries(mso_client):
    wanted = OrganisationFactory(name="Ausgewählt e. V.")
    OrganisationFactory(name="Nicht ausgewählt e. V.")

    changelist = mso_client.get(CHANGELIST)
    response = mso_client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [wanted.pk], "index": 0}
    )

    assert "Verzeichnis als CSV exportieren" in changelist.text
    _header, *rows = csv_rows(response)
    assert [row[1] for row in rows] == ["Ausgewählt e. V."]


def test_topics_are_ranked_by_wishes(mso_client):
    school, day_care, bookkeeping = (
        QualificationTopic.objects.get(slug=slug)
        for slug in ["schulsystem", "kindertagesbetreuung", "buchhaltung"]
    )
    first, second = OrganisationFactory(name="Erster e. V."), OrganisationFactory()
    for organisation, topic in [(first, day_care), (second, day_care), (first, bookkeeping)]:
        TopicWish.objects.create(organisation=organisation, topic=topic)

    response = mso_client.get(TOPICS)
    detail = mso_client.get(f"{TOPICS}{bookkeeping.pk}/change/")

    ranked = list(response.context["cl"].result_list)
    assert ranked[:2] == [day_care, bookkeeping]
    assert [topic.wish_count for topic in ranked[:3]] == [2, 1, 0]
    assert school in ranked[2:]
    assert f'<a href="{change_url(first)}">Erster e. V.</a>' in detail.text
    assert second.name not in detail.text


def test_mso_team_maintains_the_lists(mso_client):
    response = mso_client.post(
        "/admin/organisations/activity/add/",
        {"name": "Gesundheit", "slug": "gesundheit", "order": "20"},
    )
    district = mso_client.post(
        "/admin/organisations/district/add/", {"name": "Alt-Oberhausen", "order": "1"}
    )

    assert response.status_code == 302
    assert str(Activity.objects.get(slug="gesundheit")) == "Gesundheit"
    assert district.status_code == 302
    assert District.objects.filter(name="Alt-Oberhausen").exists()


def test_staff_withdraw_an_entry_on_the_representatives_request(
    mso_client, mso_team, django_capture_on_commit_callbacks
):
    entry = OrganisationFactory(contact_email="vorstand@anruf.example")

    with django_capture_on_commit_callbacks(execute=True):
        response = mso_client.post(
            CHANGELIST, {"action": "withdraw_on_request", "_selected_action": [entry.pk]}
        )

    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=entry.pk).exists()
    decision = Decision.objects.get()
    assert decision.organisation is None
    assert decision.kind == DecisionKind.WITHDRAWN
    assert decision.decided_by == mso_team
    assert [message.to for message in mail.outbox] == [["vorstand@anruf.example"]]


def test_an_editor_cannot_withdraw_entries(editor_client):
    entry = OrganisationFactory()

    response = editor_client.post(
        CHANGELIST, {"action": "withdraw_on_request", "_selected_action": [entry.pk]}
    )

    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.status == Status.APPROVED
