"""Catches every change of who belongs to the sealed groups, wherever it is made.

The admin checks who may change these memberships; a shell, a migration or a bulk action
could change them too, so the record is written from the many-to-many signal of
`User.groups` (sent for `user.groups.…` and `group.user_set.…` alike), not from a view.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed

from accounts.groups import SEALED_GROUPS, acting_user
from counselling.models import MembershipChange
from counselling.services import memberships_record

# Added memberships are read once they exist, removed ones while they still do.
CHANGES = {
    "post_add": MembershipChange.ADDED,
    "pre_remove": MembershipChange.REMOVED,
    "pre_clear": MembershipChange.REMOVED,
}


def record_sealed_memberships(sender, instance, action, reverse, pk_set, using, **kwargs):
    memberships = get_user_model().groups.through
    # By label, so the historical models of a migration are caught too.
    if sender._meta.label_lower != memberships._meta.label_lower or action not in CHANGES:
        return
    rows = memberships.objects.using(using).filter(group__name__in=SEALED_GROUPS)
    # `user.groups` names the groups in pk_set, `group.user_set` the users.
    if reverse:
        rows = rows.filter(group_id=instance.pk)
        if pk_set is not None:
            rows = rows.filter(user_id__in=pk_set)
    else:
        rows = rows.filter(user_id=instance.pk)
        if pk_set is not None:
            rows = rows.filter(group_id__in=pk_set)
    changed = list(rows.values_list("user_id", "user__username", "group__name"))
    if changed:
        memberships_record(memberships=changed, change=CHANGES[action], actor=acting_user())


def connect() -> None:
    m2m_changed.connect(record_sealed_memberships, dispatch_uid="counselling.sealed_memberships")
