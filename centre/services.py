from django.conf import settings
from django.db import transaction
from django.urls import reverse

from centre.models import BarrierFeedback, CentreProfile
from portal.idempotency import create_once
from portal.mail import absolute_url, send_templated_mail


@transaction.atomic
def barrier_feedback_create(
    *,
    description: str,
    page_url: str = "",
    name: str = "",
    email: str = "",
    submission_key=None,
) -> BarrierFeedback:
    """Stores a barrier report and tells the centre's staff once it is saved.

    The same form sent twice (double click, reload, replay) carries the same submission
    key and returns the first report without a second mail. The mail carries no word of
    the report and nothing about the person: only that one arrived, its due date and the
    link to it in the admin, where staff have to log in.
    """
    feedback, _created = create_once(
        BarrierFeedback(description=description, page_url=page_url, name=name, email=email),
        submission_key=submission_key,
        after_save=_notify_staff,
    )
    return feedback


def _notify_staff(feedback: BarrierFeedback) -> None:
    centre = CentreProfile.load()
    if not (centre and centre.email):
        return
    context = {
        "feedback": feedback,
        "admin_url": absolute_url(
            reverse("admin:centre_barrierfeedback_change", args=[feedback.pk])
        ),
    }
    # Staff read German, whatever language the person used the form in.
    send_templated_mail(
        template="centre/mail/barrier_feedback_staff",
        context=context,
        recipient=centre.email,
        language=settings.LANGUAGE_CODE,
    )
