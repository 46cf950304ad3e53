"""The queryset every translated content model starts from."""

from django.conf import settings
from django.contrib.auth import get_permission_codename
from parler.managers import TranslatableQuerySet


def can_preview(user, model) -> bool:
    """Staff who may change a model also see its unpublished entries, marked as a preview.

    The first permission check of a request loads the user's permissions (one or two
    queries); Django caches them on the user for the rest of the request.
    """
    if not (user.is_authenticated and user.is_staff):
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}")


class ContentQuerySet(TranslatableQuerySet):
    """Translated content for the public pages.

    German is the source language and every other language's fallback, so a public query
    returns only entries that have their German text: a record entered first in another
    language can never break a page. A model with a publication switch narrows
    `published()` down in its own subclass.
    """

    def with_german_text(self):
        return self.filter(translations__language_code=settings.LANGUAGE_CODE)

    def published(self):
        """What every visitor sees."""
        return self.with_german_text()

    def visible_to(self, user):
        """Everything for staff who may change the model (a preview), else `published()`."""
        return self.all() if can_preview(user, self.model) else self.published()
