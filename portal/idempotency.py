"""One record per public form, however often it is sent.

Every public form carries a hidden submission key, a UUID made when the form is shown
(`portal.forms.SubmissionKeyMixin`). A double or triple click, a reload of the result or a
replayed post sends the same key again. The service that stores the form saves its record
with `create_once`, so each of those posts gets the same record back and exactly one
record (and one mail) exists.
"""

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db import IntegrityError, models, transaction

M = TypeVar("M", bound=models.Model)

KEY_FIELD = "submission_key"


def create_once(
    record: M,
    *,
    submission_key,
    after_save: Callable[[M], None] | None = None,
    exclude: Iterable[str] = (),
) -> tuple[M, bool]:
    """Saves the unsaved `record` under `submission_key` unless a record with that key
    exists; returns the stored record and whether this call created it.

    - A known key returns its record; `record` is dropped unsaved and unchecked.
    - Otherwise `record` is validated with `full_clean(exclude=...)`, every unique check
      included but the one on the key: two posts that arrive together both miss the
      first look-up, and the later one must not fail validation on the earlier one's key
      (that was an error page for a report that had been stored).
    - The insert and `after_save(record)` (related rows, counters, mails registered with
      `transaction.on_commit`) run in one savepoint. When the database refuses the insert
      because the other post has just stored the key, the savepoint is rolled back with
      everything `after_save` did or registered, and the record that won is returned.
      Any other integrity error is raised.

    Without a key (a post without the hidden field) the record is simply validated and
    created. The model needs a unique, nullable `submission_key` field.

    Costs a query for the look-up, those of the unique checks and the insert. Call it in
    the service's `transaction.atomic()`: on PostgreSQL (read committed) the look-up after
    a lost race sees the winner, because the database reports the conflict only once the
    winner's transaction has committed.
    """
    manager = type(record)._default_manager
    if submission_key is not None:
        existing = manager.filter(**{KEY_FIELD: submission_key}).first()
        if existing is not None:
            return existing, False
    setattr(record, KEY_FIELD, submission_key)
    exclude = list(exclude)
    record.full_clean(exclude=exclude, validate_unique=False)
    record.validate_unique(exclude=[*exclude, KEY_FIELD])
    try:
        with transaction.atomic():
            record.save()
            if after_save is not None:
                after_save(record)
    except IntegrityError:
        if submission_key is None:
            raise
        # The other post stored the key first; without its record the error was another.
        winner = manager.filter(**{KEY_FIELD: submission_key}).first()
        if winner is None:
            raise
        return winner, False
    return record, True
