from django.shortcuts import render
from django.utils.translation import gettext as _

from fields.models import FieldOfWork


def home(request):
    fields = FieldOfWork.objects.published().prefetch_related("translations")
    return render(request, "home.html", {"fields": fields})


def page_not_found(request, exception):
    """The portal's own 404 page, in the design system and the requested language."""
    return render(
        request, "404.html", {"crumbs": [{"title": _("Seite nicht gefunden")}]}, status=404
    )
