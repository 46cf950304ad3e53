"""create_once: every post of the same form gets the same record, and only one is stored."""

import threading
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from centre.models import BarrierFeedback
from portal.idempotency import create_once
from tests.concurrency import on_postgresql


def report(description="Der Kontrast der Links ist zu schwach."):
    return BarrierFeedback(description=description)


@pytest.mark.django_db
def test_the_first_post_creates_the_record_and_every_later_one_gets_it_back():
    key = uuid.uuid4()
    saved = []

    first = create_once(report(), submission_key=key, after_save=saved.append)
    # A replay is answered from the key alone, whatever it carries.
    again = create_once(report(description=""), submission_key=key, after_save=saved.append)

    assert first == (BarrierFeedback.objects.get(), True)
    assert again == (first[0], False)
    assert saved == [first[0]]
    assert first[0].submission_key == key


@pytest.mark.django_db
def test_without_a_key_every_post_creates_a_record():
    create_once(report(), submission_key=None)
    create_once(report(), submission_key=None)

    assert BarrierFeedback.objects.count() == 2


@pytest.mark.django_db
def test_an_invalid_record_is_refused_as_usual():
    with pytest.raises(ValidationError) as refused:
        create_once(report(description=""), submission_key=uuid.uuid4())

    assert "description" in refused.value.message_dict
    assert not BarrierFeedback.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("key", [uuid.uuid4(), None])
def test_another_integrity_error_is_raised_and_undoes_the_insert(key):
    def fails(_record):
        raise IntegrityError("another constraint")

    with pytest.raises(IntegrityError, match="another constraint"):
        create_once(report(), submission_key=key, after_save=fails)

    assert not BarrierFeedback.objects.exists()


def in_thread(function):
    """Starts `function` in a thread with its own connection; `result()` joins it."""
    outcome = {}

    def run():
        try:
            outcome["value"] = function()
        except BaseException as error:  # raised again in the test's thread
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()

    def result():
        thread.join(timeout=30)
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    return result


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_post_checked_after_the_other_was_stored_gets_the_stored_record(monkeypatch):
    """The second click missed the look-up while the first was on its way, and is
    validated only after the first was committed: it used to fail on the unique key."""
    key = uuid.uuid4()
    looked_up, first_stored = threading.Event(), threading.Event()
    late = threading.local()
    clean = BarrierFeedback.clean

    def clean_late(record):
        if getattr(late, "waits", False):
            looked_up.set()
            assert first_stored.wait(timeout=10)
        clean(record)

    monkeypatch.setattr(BarrierFeedback, "clean", clean_late)

    def second_click():
        late.waits = True
        with transaction.atomic():
            return create_once(report(), submission_key=key)

    second = in_thread(second_click)
    assert looked_up.wait(timeout=10)
    first, created = create_once(report(), submission_key=key)
    first_stored.set()

    assert created
    assert second() == (first, False)
    assert BarrierFeedback.objects.count() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_post_inserting_while_the_other_is_not_yet_committed_gets_its_record():
    key = uuid.uuid4()
    inserted, commit = threading.Event(), threading.Event()
    mails = []

    def first_click():
        def hold(record):
            mails.append(record)
            inserted.set()
            assert commit.wait(timeout=10)

        with transaction.atomic():
            return create_once(report(), submission_key=key, after_save=hold)

    def second_click():
        with transaction.atomic():
            return create_once(report(), submission_key=key, after_save=mails.append)

    first = in_thread(first_click)
    assert inserted.wait(timeout=10)
    # The second insert waits on the first one's key until that transaction ends.
    second = in_thread(second_click)
    threading.Event().wait(0.5)
    commit.set()

    winner, created = first()
    assert created
    assert second() == (winner, False)
    assert mails == [winner]
    assert BarrierFeedback.objects.count() == 1
