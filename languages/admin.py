from django.contrib import admin

from languages.models import Language
from portal.history import HistoryAdminMixin


@admin.register(Language)
class LanguageAdmin(HistoryAdminMixin, admin.ModelAdmin):
    """The list itself; other admins choose from it by autocomplete (search by code and names).

    A language a counselling request or the statistic points to cannot be deleted; the
    deletion page names only the kind of those records to anyone outside the counselling
    team, because the counselling admin refuses them the permission to delete requests.
    """

    list_display = ["code", "name", "name_de", "direction"]
    list_filter = ["direction"]
    search_fields = ["code", "name", "name_de"]

    def get_readonly_fields(self, request, obj=None):
        # The code is the key organisations, contact persons and requests point to.
        return ["code"] if obj else []
