from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from centre.models import BarrierFeedback, CentreProfile
from portal.idempotency import create_once


@transaction.atomic
def barrier_feedback_create(
    *,
    description: str,
    page_url: str = "",
    name: str = "",
    email: str = "",
    submission_key=None,
    site_url: str,
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
        after_save=lambda feedback: _notify_staff_after_commit(feedback, site_url=site_url),
    )
    return feedback


def _notify_staff_after_commit(feedback: BarrierFeedback, *, site_url: str) -> None:
    centre = CentreProfile.load()
    if centre and centre.email:
        admin_url = urljoin(
            site_url, reverse("admin:centre_barrierfeedback_change", args=[feedback.pk])
        )
        # A mail that fails must not turn a stored report into an error page for the person.
        transaction.on_commit(
            lambda: notify_staff(feedback, recipient=centre.email, admin_url=admin_url),
            robust=True,
        )


def notify_staff(feedback: BarrierFeedback, *, recipient: str, admin_url: str) -> None:
    # Staff read German, whatever language the person used the form in.
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(
            subject=gettext("Neue Rückmeldung zur Barrierefreiheit"),
            message=render_to_string(
                "centre/barrier_feedback_notification.txt",
                {"feedback": feedback, "admin_url": admin_url},
            ),
            from_email=None,
            recipient_list=[recipient],
        )
