from django.contrib import admin
from parler.admin import TranslatableAdmin

from centre.models import CentreProfile


@admin.register(CentreProfile)
class CentreProfileAdmin(TranslatableAdmin):
    list_display = ["__str__", "city", "phone", "email"]

    def has_add_permission(self, request):
        # A deployment serves exactly one centre.
        return not CentreProfile.objects.exists() and super().has_add_permission(request)
