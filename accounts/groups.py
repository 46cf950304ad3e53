"""The names of the staff groups other code relies on, defined once, and the sealed
groups nobody joins alone.

Members of "Beratung" read the counselling requests; members of "Datenschutz" read the
access log and, like the team, decide who belongs to either group. A change of these
memberships needs a member of one of them acting for another account, never a
superuser or a user administrator alone, and never for one's own account.
"""

import contextlib
import contextvars

# The team reads and works on requests; the data protection officer reads the access log;
# the administration manages users and groups; the editors keep the public content; the
# MSO coordination works with the migrant organisations. What each may do is in
# ki_portal/roles.py.
COUNSELLING_GROUP = "Beratung"
DATA_PROTECTION_GROUP = "Datenschutz"
ADMINISTRATION_GROUP = "Administration"
EDITORIAL_GROUP = "Redaktion"
MSO_GROUP = "MSO-Koordination"
SEALED_GROUPS = frozenset({COUNSELLING_GROUP, DATA_PROTECTION_GROUP})

# Who changes memberships in this request or task; unset for a shell or a migration.
_acting_user = contextvars.ContextVar("acting_user", default=None)


@contextlib.contextmanager
def memberships_changed_by(user):
    """Names `user` as the one who changes group memberships inside the block."""
    token = _acting_user.set(user)
    try:
        yield
    finally:
        _acting_user.reset(token)


def acting_user():
    """The person changing memberships right now, or None for the system."""
    return _acting_user.get()


def may_change_sealed_memberships(user) -> bool:
    """Whether `user` may change other accounts' membership of the sealed groups.

    Asks the database once, so a membership given up a moment ago counts at once.
    """
    return user.is_active and user.is_staff and user.groups.filter(name__in=SEALED_GROUPS).exists()
