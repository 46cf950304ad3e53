"""What every app's admin shares."""

from django.core.exceptions import ImproperlyConfigured

CHANGES = frozenset({"add", "change", "delete"})


class ReadOnlyAdminMixin:
    """Records the portal writes itself (a log, a statistic, what a person sent through a
    public form) are read in the admin, never added, changed or deleted by hand.

    `allow_by_hand` names the kinds of change that stay open, for records staff work on
    but do not create or remove: `["add"]` for notes that are added but never rewritten,
    `["change"]` for a report staff annotate, `["change", "delete"]` for one they may also
    erase. What stays open still needs the model permission and whatever a class further
    left in the bases checks (the counselling team's group, for instance). Viewing is not
    touched: who may read stays with the model's view and change permissions.

    Put it left of the `ModelAdmin` or inline class, and right of mixins that add checks
    of their own, so those see its answer through `super()`. A refused kind of change is
    answered without a query.
    """

    allow_by_hand: list[str] | tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        unknown = set(cls.allow_by_hand) - CHANGES
        if unknown:
            raise ImproperlyConfigured(
                f"{cls.__name__}.allow_by_hand: {sorted(unknown)} is none of {sorted(CHANGES)}."
            )

    # An inline's permission methods take the parent object too, a model admin's do not.
    def has_add_permission(self, request, *args):
        return "add" in self.allow_by_hand and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return "change" in self.allow_by_hand and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return "delete" in self.allow_by_hand and super().has_delete_permission(request, obj)
