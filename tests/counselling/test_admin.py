"""The counselling team's sealed inbox: who may open it, what each opening leaves behind."""

import datetime
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from counselling.models import (
    AccessAction,
    AccessLog,
    CounsellingRequest,
    MonthlyCount,
    Note,
    Status,
)
from languages.models import Language
from portal.encryption import decrypt
from tests.factories import CounsellingRequestFactory, NewsItemFactory, UserFactory
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/counselling/counsellingrequest/"
ACCESS_LOG = "/admin/counselling/accesslog/"
STATISTICS = "/admin/counselling/monthlycount/"
EXPORT = "/admin/counselling/monthlycount/export/"
NOTE_TEXT = "Rückruf vereinbart, sie möchte zur Ausländerbehörde begleitet werden."


def change_url(counselling_request):
    return f"{CHANGELIST}{counselling_request.pk}/change/"


def history_url(counselling_request):
    return f"{CHANGELIST}{counselling_request.pk}/history/"


def delete_url(counselling_request):
    return f"{CHANGELIST}{counselling_request.pk}/delete/"


def change_form(counselling_request, *, status=None, note=""):
    """The change page as the browser posts it: the status, the notes written so far, a new one."""
    notes = list(counselling_request.notes.all())
    data = {
        "status": status or counselling_request.status,
        "notes-TOTAL_FORMS": str(len(notes) + 1),
        "notes-INITIAL_FORMS": str(len(notes)),
        "notes-MIN_NUM_FORMS": "0",
        "notes-MAX_NUM_FORMS": "1000",
        f"notes-{len(notes)}-text": note,
        f"notes-{len(notes)}-request": str(counselling_request.pk),
    }
    for number, existing in enumerate(notes):
        data[f"notes-{number}-id"] = str(existing.pk)
        data[f"notes-{number}-request"] = str(counselling_request.pk)
    return data


@pytest.fixture
def superuser(db):
    """An administrator of the portal who is not in the counselling team."""
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def team_superuser(counsellor):
    """An administrator who is also in the counselling team."""
    counsellor.is_superuser = True
    counsellor.save()
    return counsellor


@pytest.fixture
def script_request(db):
    return CounsellingRequestFactory(
        name="Leyla Beispiel",
        contact_detail="0176 98765432",
        message="<script>alert('hallo')</script> Bitte rufen Sie nach 16 Uhr an.",
        language=Language.objects.get(code="tr"),
        topic="violence",
    )


def test_the_list_shows_reference_status_date_topic_and_language_only(
    counsellor_client, script_request
):
    response = counsellor_client.get(CHANGELIST)

    assert response.status_code == 200
    page = response.content.decode()
    header = page.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert re.findall(r"column-(\w+)", header) == [
        "reference",
        "status",
        "created_at",
        "topic",
        "language_name",
    ]
    assert script_request.reference in page
    assert "Gewalt und Schutz" in page
    assert "Türkisch" in page
    assert "Leyla" not in page
    assert "0176 98765432" not in page
    assert "16 Uhr" not in page
    assert not AccessLog.objects.exists()


def test_the_list_searches_the_reference_only(counsellor_client, script_request):
    other = CounsellingRequestFactory()

    by_reference = counsellor_client.get(CHANGELIST, {"q": script_request.reference})
    by_name = counsellor_client.get(CHANGELIST, {"q": "Leyla"})

    assert list(by_reference.context["cl"].result_list) == [script_request]
    assert other.reference not in by_reference.content.decode()
    assert list(by_name.context["cl"].result_list) == []


@pytest.mark.parametrize("requests", [1, 8])
def test_the_list_asks_the_same_number_of_queries_for_more_requests(
    counsellor_client, django_assert_num_queries, requests
):
    CounsellingRequestFactory.create_batch(requests, language=Language.objects.get(code="ar"))
    counsellor_client.get(CHANGELIST)

    # One of them lists the languages requests were made in, for the filter.
    with django_assert_num_queries(12):
        response = counsellor_client.get(CHANGELIST)

    assert len(response.context["cl"].result_list) == requests
    assert response.content.decode().count("Arabisch</td>") == requests


def test_the_detail_shows_contact_data_and_the_message_as_literal_text(
    counsellor_client, script_request
):
    response = counsellor_client.get(change_url(script_request))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Leyla Beispiel" in page
    assert "0176 98765432" in page
    assert "&lt;script&gt;alert(" in page
    assert "<script>alert(" not in page
    assert "Bitte rufen Sie nach 16 Uhr an." in page


def test_every_opening_of_a_detail_page_is_logged(counsellor_client, counsellor, script_request):
    counsellor_client.get(change_url(script_request))
    counsellor_client.get(change_url(script_request))

    entries = list(AccessLog.objects.order_by("at"))
    assert len(entries) == 2
    for entry in entries:
        assert entry.user == counsellor
        assert entry.username == "counsellor"
        assert entry.reference == script_request.reference
        assert entry.action == AccessAction.OPENED


def test_a_form_shown_again_after_an_error_is_logged_as_an_opening(
    counsellor_client, counsellor, script_request
):
    response = counsellor_client.post(
        change_url(script_request), change_form(script_request, status="archived")
    )

    assert response.status_code == 200
    assert "Leyla Beispiel" in response.content.decode()
    assert response.context["adminform"].form.errors
    entry = AccessLog.objects.get()
    assert (entry.user, entry.reference, entry.action) == (
        counsellor,
        script_request.reference,
        AccessAction.OPENED,
    )


def test_a_saved_form_is_not_logged_as_an_opening(counsellor_client, script_request):
    response = counsellor_client.post(
        change_url(script_request), change_form(script_request, status="done")
    )

    assert response.status_code == 302
    assert not AccessLog.objects.exists()


def refused_urls(counselling_request):
    return {
        "list": CHANGELIST,
        "detail": change_url(counselling_request),
        "history": history_url(counselling_request),
        "delete": delete_url(counselling_request),
        "statistics": STATISTICS,
        "export": EXPORT,
    }


@pytest.mark.parametrize("person", ["outsider", "editor", "superuser", "data_protection_officer"])
@pytest.mark.parametrize("page", ["list", "detail", "history", "delete", "statistics", "export"])
def test_people_outside_the_team_are_refused_every_page_of_the_inbox(
    client, request, script_request, person, page
):
    person = request.getfixturevalue(person)
    sign_in(client, person)

    response = client.get(refused_urls(script_request)[page])

    assert response.status_code == 403
    assert "Leyla" not in response.content.decode()
    # An attempt at one request is recorded with the account; the lists name no request.
    refusals = list(AccessLog.objects.values_list("user", "username", "reference", "action"))
    if page in {"detail", "history", "delete"}:
        assert refusals == [(person.pk, person.username, script_request.reference, "refused")]
    else:
        assert refusals == []


@pytest.mark.parametrize("person", ["outsider", "editor", "superuser"])
def test_people_outside_the_team_cannot_change_or_erase_a_request(
    client, request, script_request, person
):
    sign_in(client, request.getfixturevalue(person))

    changed = client.post(change_url(script_request), change_form(script_request, status="done"))
    deleted = client.post(delete_url(script_request), {"post": "yes"})

    assert changed.status_code == deleted.status_code == 403
    script_request.refresh_from_db()
    assert script_request.status == Status.NEW
    assert (
        list(AccessLog.objects.values_list("reference", "action"))
        == [(script_request.reference, "refused")] * 2
    )


def same_page(response, counselling_request, other_response, other_request) -> bool:
    """Whether both answers read the same apart from the number in their own address."""
    return response.content.decode().replace(
        f"/{counselling_request.pk}/", "/<id>/"
    ) == other_response.content.decode().replace(f"/{other_request.pk}/", "/<id>/")


@pytest.mark.parametrize("page", ["detail", "history", "delete"])
def test_an_outsider_learns_nothing_about_which_request_numbers_exist(
    outsider_client, outsider, script_request, page
):
    missing = CounsellingRequestFactory.build(pk=script_request.pk + 1000)

    existing = outsider_client.get(refused_urls(script_request)[page])
    unknown = outsider_client.get(refused_urls(missing)[page])

    assert existing.status_code == unknown.status_code == 403
    assert same_page(existing, script_request, unknown, missing)
    assert list(AccessLog.objects.order_by("pk").values_list("username", "reference")) == [
        ("outsider", script_request.reference),
        ("outsider", f"#{missing.pk}"),
    ]


@pytest.mark.parametrize(
    ("asked", "logged"),
    [("schnueffeln-und-mehr", "#schnuef"), ("99999999999999999999", "#9999999")],
)
def test_a_refused_address_that_names_no_request_is_logged_as_asked(outsider_client, asked, logged):
    response = outsider_client.get(f"{CHANGELIST}{asked}/change/")

    assert response.status_code == 403
    assert AccessLog.objects.get().reference == logged


def shortcut_url(counselling_request):
    content_type = ContentType.objects.get_for_model(CounsellingRequest)
    return f"/admin/r/{content_type.pk}/{counselling_request.pk}/"


@pytest.mark.parametrize("person", ["outsider", "editor", "superuser", "counsellor"])
def test_the_view_on_site_shortcut_does_not_tell_which_requests_exist(
    client, request, script_request, person
):
    sign_in(client, request.getfixturevalue(person))
    missing = CounsellingRequestFactory.build(pk=script_request.pk + 1000)

    existing = client.get(shortcut_url(script_request))
    unknown = client.get(shortcut_url(missing))

    assert existing.status_code == unknown.status_code == 404
    assert same_page(existing, script_request, unknown, missing)


def test_the_view_on_site_shortcut_still_leads_editors_to_their_public_pages(editor_client):
    news_item = NewsItemFactory()
    content_type = ContentType.objects.get_for_model(news_item)

    response = editor_client.get(f"/admin/r/{content_type.pk}/{news_item.pk}/")

    assert response.status_code == 302
    assert response["Location"].endswith(news_item.get_absolute_url())


def test_the_view_on_site_shortcut_answers_outsiders_not_found_for_other_content_too(
    outsider_client,
):
    news_item = NewsItemFactory()
    content_type = ContentType.objects.get_for_model(news_item)

    existing = outsider_client.get(f"/admin/r/{content_type.pk}/{news_item.pk}/")
    unknown = outsider_client.get(f"/admin/r/{content_type.pk}/{news_item.pk + 1000}/")
    nonsense = outsider_client.get("/admin/r/kein-typ/1/")

    assert existing.status_code == unknown.status_code == nonsense.status_code == 404


def test_a_visitor_who_is_not_signed_in_is_sent_to_the_login(client, script_request):
    response = client.get(change_url(script_request))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("person", ["outsider", "editor", "superuser"])
def test_the_admin_index_hides_the_inbox_from_people_outside_the_team(client, request, person):
    sign_in(client, request.getfixturevalue(person))

    page = client.get("/admin/").content.decode()

    assert CHANGELIST not in page
    assert ACCESS_LOG not in page


def test_the_team_sees_the_inbox_the_access_log_and_the_statistic_on_the_admin_index(
    counsellor_client,
):
    page = counsellor_client.get("/admin/").content.decode()

    assert CHANGELIST in page
    assert ACCESS_LOG in page
    assert STATISTICS in page


def test_the_data_protection_officer_reads_the_access_log_but_not_the_requests(
    client, data_protection_officer, counsellor, script_request
):
    AccessLog.objects.create(
        user=counsellor,
        username="counsellor",
        reference=script_request.reference,
        action=AccessAction.OPENED,
    )
    sign_in(client, data_protection_officer)

    log = client.get(ACCESS_LOG)
    detail = client.get(change_url(script_request))

    assert log.status_code == 200
    assert script_request.reference in log.content.decode()
    assert "counsellor" in log.content.decode()
    assert detail.status_code == 403


def test_the_team_reads_the_access_log(counsellor_client, script_request):
    counsellor_client.get(change_url(script_request))

    response = counsellor_client.get(ACCESS_LOG)

    assert response.status_code == 200
    assert script_request.reference in response.content.decode()


@pytest.mark.parametrize(
    "person", ["counsellor", "team_superuser", "data_protection_officer", "superuser"]
)
def test_nobody_can_add_change_or_delete_access_log_entries(
    client, request, counsellor, person, script_request
):
    entry = AccessLog.objects.create(
        user=counsellor,
        username="counsellor",
        reference=script_request.reference,
        action=AccessAction.OPENED,
    )
    sign_in(client, request.getfixturevalue(person))
    forged = {"username": "jemand", "reference": "B-AAAAAA", "action": "erased"}

    responses = [
        client.get(f"{ACCESS_LOG}add/"),
        client.post(f"{ACCESS_LOG}add/", forged),
        client.post(f"{ACCESS_LOG}{entry.pk}/change/", forged),
        client.get(f"{ACCESS_LOG}{entry.pk}/delete/"),
        client.post(f"{ACCESS_LOG}{entry.pk}/delete/", {"post": "yes"}),
        client.post(
            ACCESS_LOG,
            {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
        ),
    ]

    # The bulk delete of the list is refused too: the entry below is still there.
    assert [response.status_code for response in responses[:5]] == [403] * 5
    assert list(AccessLog.objects.values_list("pk", "username", "reference", "action")) == [
        (entry.pk, "counsellor", script_request.reference, "opened")
    ]


def test_nobody_adds_a_request_in_the_admin(client, team_superuser):
    sign_in(client, team_superuser)

    assert client.get(f"{CHANGELIST}add/").status_code == 403


def test_setting_the_status_to_done_closes_the_case_and_reopening_clears_it(
    counsellor_client, script_request
):
    response = counsellor_client.post(
        change_url(script_request), change_form(script_request, status="done")
    )

    assert response.status_code == 302
    script_request.refresh_from_db()
    assert script_request.status == Status.DONE
    assert script_request.closed_at is not None
    assert timezone.now() - script_request.closed_at < datetime.timedelta(minutes=1)
    assert script_request.updated_at == script_request.closed_at

    counsellor_client.post(
        change_url(script_request), change_form(script_request, status="in_progress")
    )

    script_request.refresh_from_db()
    assert script_request.status == Status.IN_PROGRESS
    assert script_request.closed_at is None


def test_saving_without_changing_the_status_keeps_the_dates(counsellor_client):
    long_ago = timezone.now() - datetime.timedelta(days=30)
    counselling_request = CounsellingRequestFactory(
        status=Status.DONE, closed_at=long_ago, updated_at=long_ago
    )

    counsellor_client.post(change_url(counselling_request), change_form(counselling_request))

    counselling_request.refresh_from_db()
    assert counselling_request.closed_at == long_ago
    assert counselling_request.updated_at == long_ago


def test_a_note_records_its_author_and_counts_as_work_on_the_request(counsellor_client, counsellor):
    long_ago = timezone.now() - datetime.timedelta(days=30)
    counselling_request = CounsellingRequestFactory(updated_at=long_ago)

    response = counsellor_client.post(
        change_url(counselling_request), change_form(counselling_request, note=NOTE_TEXT)
    )

    assert response.status_code == 302
    note = Note.objects.get()
    assert note.request == counselling_request
    assert note.text == NOTE_TEXT
    assert note.author == counsellor
    counselling_request.refresh_from_db()
    assert counselling_request.updated_at > long_ago


def test_a_note_cannot_be_rewritten(counsellor_client, counsellor):
    counselling_request = CounsellingRequestFactory()
    note = Note.objects.create(request=counselling_request, text=NOTE_TEXT, author=counsellor)
    data = change_form(counselling_request)
    data["notes-0-text"] = "Anders geschrieben"

    counsellor_client.post(change_url(counselling_request), data)

    note.refresh_from_db()
    assert note.text == NOTE_TEXT


def test_the_note_is_stored_as_ciphertext(counsellor_client):
    counselling_request = CounsellingRequestFactory()
    counsellor_client.post(
        change_url(counselling_request), change_form(counselling_request, note=NOTE_TEXT)
    )

    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM counselling_note")
        (raw,) = cursor.fetchone()
    assert "Ausländerbehörde" not in raw
    assert decrypt(raw) == NOTE_TEXT


def test_the_admin_history_keeps_no_clear_text(counsellor_client, script_request):
    counsellor_client.post(change_url(script_request), change_form(script_request, status="done"))
    counsellor_client.post(change_url(script_request), change_form(script_request, note=NOTE_TEXT))

    entries = list(LogEntry.objects.all())
    assert len(entries) == 2
    history = counsellor_client.get(history_url(script_request)).content.decode()
    for entry in entries:
        kept = f"{entry.object_repr} {entry.change_message} {entry.get_change_message()}"
        assert entry.object_repr == script_request.reference
        for clear_text in ["Leyla", "0176", "alert", "16 Uhr", "Ausländerbehörde", "Rückruf"]:
            assert clear_text not in kept
            assert clear_text not in history


def test_erasing_a_request_removes_it_and_its_notes_and_keeps_the_count(
    counsellor_client, counsellor, script_request
):
    Note.objects.create(request=script_request, text=NOTE_TEXT, author=counsellor)
    MonthlyCount.objects.create(
        month=timezone.localdate().replace(day=1),
        topic="violence",
        language_id="tr",
        channel="phone",
        count=1,
    )

    response = counsellor_client.post(delete_url(script_request), {"post": "yes"})

    assert response.status_code == 302
    assert not CounsellingRequest.objects.exists()
    assert not Note.objects.exists()
    entry = AccessLog.objects.get()
    assert (entry.user, entry.reference, entry.action) == (
        counsellor,
        script_request.reference,
        AccessAction.ERASED,
    )
    assert MonthlyCount.objects.get().count == 1
    for log_entry in LogEntry.objects.all():
        assert "Leyla" not in f"{log_entry.object_repr} {log_entry.change_message}"


def test_erasing_several_requests_from_the_list_logs_each(counsellor_client, counsellor):
    first, second = CounsellingRequestFactory.create_batch(2)
    kept = CounsellingRequestFactory()

    response = counsellor_client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"},
    )

    assert response.status_code == 302
    assert list(CounsellingRequest.objects.all()) == [kept]
    assert sorted(AccessLog.objects.values_list("reference", "action")) == sorted(
        [(first.reference, "erased"), (second.reference, "erased")]
    )


def test_the_list_filters_by_the_languages_requests_were_made_in(counsellor_client):
    CounsellingRequestFactory()
    arabic = CounsellingRequestFactory(language=Language.objects.get(code="ar"))

    response = counsellor_client.get(CHANGELIST, {"language__code__exact": "ar"})

    assert list(response.context["cl"].result_list) == [arabic]
    language_filter = next(
        spec for spec in response.context["cl"].filter_specs if spec.field.name == "language"
    )
    assert sorted(code for code, _label in language_filter.lookup_choices) == ["ar", "tr"]
