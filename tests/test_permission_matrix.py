"""Every admin page, as every role, an outsider and a superuser: who may do what.

`MATRIX` says what each role may do with each registered model admin. The test derives
the pages from `admin.site._registry` (changelist, add, change, delete and history, every
action, every page an admin adds in `get_urls`, the autocomplete of every chooser, the
`/admin/r/` shortcut), visits each one as each person and compares the outcome with the
table: allowed is 200 (or 302 after an action), refused is 403 or the login page. A new
model admin, action or extra page fails here until the table names it.

docs/security.md shows the same table; `python -m tests.security_docs` writes it there.
"""

from pathlib import Path

import pytest
from django.contrib import admin, messages
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, reverse
from django.utils import translation
from reversion.models import Version

from accounts.groups import (
    ADMINISTRATION_GROUP,
    COUNSELLING_GROUP,
    DATA_PROTECTION_GROUP,
    EDITORIAL_GROUP,
    MSO_GROUP,
)
from centre.models import PageKind
from ki_portal.roles import ROLES
from portal.history import HistoryAdminMixin, record_initial_versions
from tests import factories
from tests.staff import sign_in

pytestmark = pytest.mark.django_db

OUTSIDER = "ohne Rolle"
SUPERUSER = "Superuser"
PEOPLE = [
    EDITORIAL_GROUP,
    MSO_GROUP,
    COUNSELLING_GROUP,
    DATA_PROTECTION_GROUP,
    ADMINISTRATION_GROUP,
    OUTSIDER,
    SUPERUSER,
]

ALL = "view add change delete"
# Per model admin: what each person may do. The kinds are the model permissions as the
# admin grants them ("add" is refused where records come only from the portal, whatever
# the permission), and an admin's own ones ("export", "requeue"). Nobody not named may
# do anything; the outsider is never named. The superuser is refused the counselling
# inbox, like everyone outside the team.
MATRIX: dict[str, dict[str, str]] = {
    "accounts.user": {ADMINISTRATION_GROUP: "view add change", SUPERUSER: ALL},
    "auth.group": {ADMINISTRATION_GROUP: "view", SUPERUSER: ALL},
    "axes.accessattempt": {ADMINISTRATION_GROUP: "view delete", SUPERUSER: "view delete"},
    "axes.accesslog": {ADMINISTRATION_GROUP: "view", SUPERUSER: "view"},
    "axes.accessfailurelog": {ADMINISTRATION_GROUP: "view", SUPERUSER: "view"},
    "centre.centreprofile": {ADMINISTRATION_GROUP: "view add change", SUPERUSER: ALL},
    "centre.location": {EDITORIAL_GROUP: ALL, SUPERUSER: ALL},
    "centre.contactperson": {EDITORIAL_GROUP: ALL, SUPERUSER: ALL},
    "centre.informationpage": {EDITORIAL_GROUP: "view add change", SUPERUSER: ALL},
    "centre.accessibilitystatement": {EDITORIAL_GROUP: "view add change", SUPERUSER: ALL},
    "centre.barrierfeedback": {
        EDITORIAL_GROUP: "view change delete",
        SUPERUSER: "view change delete",
    },
    "fields.fieldofwork": {EDITORIAL_GROUP: ALL, SUPERUSER: ALL},
    "fields.targetgroup": {EDITORIAL_GROUP: ALL, SUPERUSER: ALL},
    "news.newsitem": {EDITORIAL_GROUP: ALL, SUPERUSER: ALL},
    "news.event": {EDITORIAL_GROUP: ALL, SUPERUSER: ALL},
    "networks.network": {EDITORIAL_GROUP: ALL, SUPERUSER: ALL},
    "networks.theme": {EDITORIAL_GROUP: ALL, SUPERUSER: ALL},
    "networks.partner": {EDITORIAL_GROUP: ALL, MSO_GROUP: "view change", SUPERUSER: ALL},
    "counselling.counsellor": {EDITORIAL_GROUP: ALL, SUPERUSER: ALL},
    "organisations.organisation": {
        MSO_GROUP: "view change export",
        SUPERUSER: "view change export",
    },
    "organisations.reviewitem": {MSO_GROUP: "view change", SUPERUSER: "view change"},
    "organisations.decision": {
        MSO_GROUP: "view",
        DATA_PROTECTION_GROUP: "view",
        SUPERUSER: "view",
    },
    "organisations.activity": {MSO_GROUP: ALL, SUPERUSER: ALL},
    "organisations.audience": {MSO_GROUP: ALL, SUPERUSER: ALL},
    "organisations.qualificationtopic": {MSO_GROUP: ALL, SUPERUSER: ALL},
    "organisations.district": {MSO_GROUP: ALL, SUPERUSER: ALL},
    "organisations.supportoffer": {MSO_GROUP: ALL, SUPERUSER: ALL},
    "organisations.networkmeeting": {MSO_GROUP: ALL, SUPERUSER: ALL},
    "languages.language": {
        EDITORIAL_GROUP: "view",
        MSO_GROUP: "view add change",
        ADMINISTRATION_GROUP: "view",
        SUPERUSER: ALL,
    },
    "counselling.counsellingrequest": {COUNSELLING_GROUP: "view change delete"},
    "counselling.accesslog": {COUNSELLING_GROUP: "view", DATA_PROTECTION_GROUP: "view"},
    "counselling.membershiplog": {COUNSELLING_GROUP: "view", DATA_PROTECTION_GROUP: "view"},
    "counselling.monthlycount": {COUNSELLING_GROUP: "view"},
    "portal.outgoingmail": {SUPERUSER: "view requeue"},
    "django_tasks_database.dbtaskresult": {SUPERUSER: "view"},
}

# The model admins with history (portal.history.HistoryAdminMixin).
HISTORY = [
    "centre.centreprofile",
    "centre.location",
    "centre.contactperson",
    "centre.informationpage",
    "centre.accessibilitystatement",
    "fields.fieldofwork",
    "fields.targetgroup",
    "news.newsitem",
    "news.event",
    "networks.network",
    "networks.theme",
    "networks.partner",
    "organisations.organisation",
    "organisations.activity",
    "organisations.audience",
    "organisations.qualificationtopic",
    "organisations.district",
    "organisations.supportoffer",
    "organisations.networkmeeting",
    "languages.language",
]

# The pages admins add in `get_urls`, by URL name, and the kind of permission each needs.
# Every translatable model's admin (parler) adds one to delete a translation.
EXTRA_PAGES = {
    **{
        f"{label.replace('.', '_')}_delete_translation": "delete"
        for label in [
            "centre.centreprofile",
            "centre.location",
            "centre.contactperson",
            "centre.informationpage",
            "centre.accessibilitystatement",
            "fields.fieldofwork",
            "fields.targetgroup",
            "news.newsitem",
            "news.event",
            "networks.network",
            "networks.theme",
            "organisations.activity",
            "organisations.audience",
            "organisations.qualificationtopic",
            "organisations.supportoffer",
            "organisations.networkmeeting",
        ]
    },
    # The history (portal/history.py): a version shown beside today's state reads like the
    # change page; restoring it is a POST that needs "change". Deleted entries come back
    # with "add"; a record a deployment has one of admits no second one while it exists.
    **{f"{label.replace('.', '_')}_revision": "view" for label in HISTORY},
    **{
        f"{label.replace('.', '_')}_{page}": "add"
        for label in HISTORY
        for page in ["recoverlist", "recover"]
    },
    **{
        f"centre_{model}_{page}": "add while none exists"
        for model in ["centreprofile", "accessibilitystatement"]
        for page in ["recoverlist", "recover"]
    },
    "auth_user_password_change": "change",
    "organisations_organisation_export": "export",
    "organisations_reviewitem_reject": "change",
    "counselling_monthlycount_export": "view",
}

# A second record of a model with history, deleted before the pages are visited, for the
# page that recovers it; where the factory returns the one record, another one.
DELETED_RECORDS = {
    "centre.informationpage": lambda: factories.InformationPageFactory(kind=PageKind.PRIVACY),
}

# One record of each model admin, made fresh in every test.
RECORDS = {
    "accounts.user": factories.UserFactory,
    "auth.group": factories.GroupFactory,
    "axes.accessattempt": factories.AccessAttemptFactory,
    "axes.accesslog": factories.LoginRecordFactory,
    "axes.accessfailurelog": factories.AccessFailureLogFactory,
    "centre.centreprofile": factories.CentreProfileFactory,
    "centre.location": factories.LocationFactory,
    "centre.contactperson": factories.ContactPersonFactory,
    "centre.informationpage": factories.InformationPageFactory,
    "centre.accessibilitystatement": factories.AccessibilityStatementFactory,
    "centre.barrierfeedback": factories.BarrierFeedbackFactory,
    "fields.fieldofwork": factories.FieldOfWorkFactory,
    "fields.targetgroup": factories.TargetGroupFactory,
    "news.newsitem": factories.NewsItemFactory,
    "news.event": factories.EventFactory,
    "networks.network": factories.NetworkFactory,
    "networks.theme": factories.ThemeFactory,
    "networks.partner": factories.PartnerFactory,
    "counselling.counsellor": factories.CounsellorFactory,
    "organisations.organisation": factories.OrganisationFactory,
    # The queue lists registrations waiting for review.
    "organisations.reviewitem": lambda: factories.OrganisationFactory(pending=True),
    "organisations.decision": factories.DecisionFactory,
    "organisations.activity": factories.ActivityFactory,
    "organisations.audience": factories.AudienceFactory,
    "organisations.qualificationtopic": factories.QualificationTopicFactory,
    "organisations.district": factories.DistrictFactory,
    "organisations.supportoffer": factories.SupportOfferFactory,
    "organisations.networkmeeting": factories.NetworkMeetingFactory,
    "languages.language": factories.LanguageFactory,
    "counselling.counsellingrequest": factories.CounsellingRequestFactory,
    "counselling.accesslog": factories.AccessLogFactory,
    "counselling.membershiplog": factories.MembershipLogFactory,
    "counselling.monthlycount": factories.MonthlyCountFactory,
    "portal.outgoingmail": factories.OutgoingMailFactory,
    "django_tasks_database.dbtaskresult": factories.TaskResultFactory,
}

SECURITY_DOCS = Path(__file__).resolve().parent.parent / "docs" / "security.md"
TABLE_START = "<!-- The table of roles: written by `python -m tests.security_docs`. -->"
TABLE_END = "<!-- End of the table of roles. -->"
# How the table abbreviates the kinds of permission.
KINDS = {
    "view": ("V", "view"),
    "add": ("A", "add"),
    "change": ("C", "change"),
    "delete": ("D", "delete"),
    "export": ("E", "export (CSV)"),
    "requeue": ("R", "send again"),
}

ALLOWED = "allowed"
REFUSED = "refused"
STANDARD_PAGES = {"changelist", "add", "change", "delete", "history"}


def model_admins():
    return {
        model._meta.label_lower: model_admin for model, model_admin in admin.site._registry.items()
    }


def may(person: str, label: str, *kinds: str) -> bool:
    granted = MATRIX[label].get(person, "").split()
    return all(kind in granted for kind in kinds)


def may_open(person: str, label: str) -> bool:
    """The changelist, a change page (read only without "change") and the history."""
    return may(person, label, "view") or may(person, label, "change")


def page_outcome(response) -> str:
    login = reverse("admin:login")
    if response.status_code == 403:
        return REFUSED
    if response.status_code == 302 and response["Location"].startswith(login):
        return REFUSED
    if response.status_code == 200:
        return ALLOWED
    return f"{response.status_code} {response.get('Location', '')}".strip()


def action_outcome(response) -> str:
    """An action that ran answers with its own page or file, or sends the person back to
    the list with its message. One not offered shows the list again, or sends the person
    back with a warning ("Es wurde keine Aktion ausgewählt"). The response is the end of
    the redirects, so the next action sees none of this one's messages."""
    if response.redirect_chain and response.redirect_chain[0][0].startswith(reverse("admin:login")):
        return REFUSED
    if response.redirect_chain:
        warned = any(message.level == messages.WARNING for message in response.context["messages"])
        return REFUSED if warned else ALLOWED
    if response.status_code == 200 and response.context and "cl" in response.context:
        return REFUSED
    return page_outcome(response)


def shortcut_outcome(response) -> str:
    return {302: ALLOWED, 404: REFUSED}.get(response.status_code, str(response.status_code))


def outcome_text(allowed: bool) -> str:
    return ALLOWED if allowed else REFUSED


def person(name: str):
    if name == SUPERUSER:
        return factories.UserFactory(username="technik", is_staff=True, is_superuser=True)
    user = factories.UserFactory(username=name.lower().replace(" ", "-"), is_staff=True)
    if name != OUTSIDER:
        user.groups.add(Group.objects.get(name=name))
    return user


def with_history(records) -> dict:
    """{label: (a version of the record, a version of a deleted record)} for every model
    admin with history."""
    admins = model_admins()
    history = [label for label in records if isinstance(admins[label], HistoryAdminMixin)]
    deleted = [DELETED_RECORDS.get(label, RECORDS[label])() for label in history]
    record_initial_versions(comment="")
    gone = {}
    for label, record in zip(history, deleted, strict=True):
        gone[label] = Version.objects.get_for_object(record).get().pk
        record.delete()
    return {
        label: (Version.objects.get_for_object(records[label]).get().pk, gone[label])
        for label in history
    }


def page_args(pattern, pk, versions) -> list:
    """The arguments of an extra page: the record, then what the page needs."""
    if pattern.name.endswith("_revision"):
        return [pk, versions[0]]
    if pattern.name.endswith("_recover"):
        return [versions[1]]
    # The language of the record's one translation (parler's page to delete a translation).
    return [pk, "de"][: pattern.pattern.regex.groups]


def extra_pages(model_admin):
    """The URL patterns an admin adds to the standard ones."""
    info = (model_admin.opts.app_label, model_admin.opts.model_name)
    standard = {"_".join([*info, page]) for page in STANDARD_PAGES}
    return [
        pattern
        for pattern in model_admin.get_urls()
        if isinstance(pattern, URLPattern) and pattern.name and pattern.name not in standard
    ]


def action_names(model_admin):
    if model_admin.actions is None:
        return []
    return [*dict(admin.site.actions), *model_admin.actions]


def autocomplete_choosers(model_admin):
    """(source model, field) of every autocomplete chooser, on the page and its inlines."""
    choosers = [(model_admin.model, name) for name in model_admin.autocomplete_fields]
    for inline in model_admin.inlines:
        choosers += [(inline.model, name) for name in inline.autocomplete_fields]
    return choosers


def visit_everything(client, name: str) -> list[str]:
    """Every admin page as `name`; the differences from the table, one line each."""
    found = []
    admins = model_admins()

    def check(method, url, expected, outcome, data=None):
        response = client.post(url, data, follow=True) if method == "POST" else client.get(url)
        got = outcome(response)
        if got != expected:
            found.append(f"{name}: {method} {url} {data or ''} expected {expected}, got {got}")

    check("GET", reverse("admin:index"), ALLOWED, page_outcome)
    # Before any record exists: some models admit one record only.
    for label in admins:
        info = label.replace(".", "_")
        check(
            "GET", reverse(f"admin:{info}_add"), outcome_text(may(name, label, "add")), page_outcome
        )
    records = {label: RECORDS[label]() for label in admins}
    history = with_history(records)
    for label, model_admin in admins.items():
        info, pk = label.replace(".", "_"), records[label].pk
        opens = outcome_text(may_open(name, label))
        check("GET", reverse(f"admin:{info}_changelist"), opens, page_outcome)
        check("GET", reverse(f"admin:{info}_change", args=[pk]), opens, page_outcome)
        check("GET", reverse(f"admin:{info}_history", args=[pk]), opens, page_outcome)
        deletes = outcome_text(may(name, label, "delete"))
        check("GET", reverse(f"admin:{info}_delete", args=[pk]), deletes, page_outcome)
        for pattern in extra_pages(model_admin):
            args = page_args(pattern, pk, history.get(label))
            expected = outcome_text(may(name, label, EXTRA_PAGES[pattern.name]))
            check("GET", reverse(f"admin:{pattern.name}", args=args), expected, page_outcome)
        for source, field in autocomplete_choosers(model_admin):
            remote = source._meta.get_field(field).related_model._meta.label_lower
            url = (
                f"{reverse('admin:autocomplete')}?app_label={source._meta.app_label}"
                f"&model_name={source._meta.model_name}&field_name={field}"
            )
            check("GET", url, outcome_text(may_open(name, remote)), page_outcome)
        # The shortcut to a record's page answers "not found" to whoever may not open the
        # model, and for a record without a page.
        content_type = ContentType.objects.get_for_model(records[label])
        url = reverse("admin:view_on_site", args=[content_type.pk, pk])
        expected = hasattr(records[label], "get_absolute_url") and may_open(name, label)
        check("GET", url, outcome_text(expected), shortcut_outcome)
    # Actions last: some change or erase their record.
    for label, model_admin in admins.items():
        for action in action_names(model_admin):
            func = model_admin.get_action(action)[0]
            kinds = getattr(func, "allowed_permissions", ())
            expected = outcome_text(may_open(name, label) and may(name, label, *kinds))
            data = {"action": action, "_selected_action": [records[label].pk]}
            url = reverse(f"admin:{label.replace('.', '_')}_changelist")
            check("POST", url, expected, action_outcome, data)
    return found


@pytest.mark.parametrize("name", PEOPLE)
def test_every_admin_page_answers_each_person_as_the_matrix_says(client, name):
    sign_in(client, person(name))

    differences = visit_everything(client, name)

    assert not differences, "\n".join(differences)


def test_the_matrix_names_every_model_admin_and_each_extra_page():
    admins = model_admins()

    assert set(MATRIX) == set(admins)
    assert set(RECORDS) == set(admins)
    assert {
        pattern.name for model_admin in admins.values() for pattern in extra_pages(model_admin)
    } == set(EXTRA_PAGES)


def test_the_matrix_has_a_column_for_each_role():
    assert set(ROLES) == set(PEOPLE) - {OUTSIDER, SUPERUSER}


def test_every_action_says_which_permission_it_needs():
    """An action without `permissions` is offered to everyone who may read the list."""
    undeclared = [
        f"{label}: {action}"
        for label, model_admin in model_admins().items()
        for action in action_names(model_admin)
        if not getattr(model_admin.get_action(action)[0], "allowed_permissions", ())
    ]

    assert undeclared == []


@pytest.mark.parametrize("name", PEOPLE)
def test_the_shortcut_tells_nobody_which_counselling_requests_exist(client, name):
    sign_in(client, person(name))
    counselling_request = factories.CounsellingRequestFactory()
    content_type = ContentType.objects.get_for_model(counselling_request)

    existing = client.get(
        reverse("admin:view_on_site", args=[content_type.pk, counselling_request.pk])
    )
    missing = client.get(
        reverse("admin:view_on_site", args=[content_type.pk, counselling_request.pk + 1])
    )

    assert existing.status_code == missing.status_code == 404


def matrix_table() -> str:
    """The table of roles in docs/security.md, in Markdown, from `MATRIX`."""
    admins = model_admins()
    lines = [
        "| Admin page | " + " | ".join(PEOPLE) + " |",
        "|---" * (len(PEOPLE) + 1) + "|",
    ]
    with translation.override("de"):
        for label, granted in MATRIX.items():
            title = admins[label].opts.verbose_name_plural
            cells = [
                " ".join(KINDS[kind][0] for kind in KINDS if kind in granted.get(name, "").split())
                or "–"
                for name in PEOPLE
            ]
            lines.append(f"| {title} (`{label}`) | " + " | ".join(cells) + " |")
    legend = ", ".join(f"{letter} {meaning}" for letter, meaning in KINDS.values())
    return "\n".join([*lines, "", f"{legend}; – nothing, the page answers 403."])


def write_docs() -> None:
    """Puts the current table into docs/security.md."""
    text = SECURITY_DOCS.read_text()
    before, rest = text.split(TABLE_START)
    _old, after = rest.split(TABLE_END)
    SECURITY_DOCS.write_text(f"{before}{TABLE_START}\n{matrix_table()}\n{TABLE_END}{after}")


def test_docs_show_the_table_of_the_matrix():
    text = SECURITY_DOCS.read_text()
    shown = text.split(TABLE_START)[1].split(TABLE_END)[0].strip()

    assert shown == matrix_table(), (
        "docs/security.md shows another table of roles than this test's MATRIX; "
        "`python -m tests.security_docs` writes this one:\n" + matrix_table()
    )
