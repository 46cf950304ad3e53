import pytest
from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured

from portal.admin import ReadOnlyAdminMixin


def test_a_misspelt_kind_of_change_is_refused_when_the_admin_is_defined():
    with pytest.raises(ImproperlyConfigured, match="chnage"):

        class TypoAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
            allow_by_hand = ["chnage"]
