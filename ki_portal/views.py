from django.shortcuts import render

from fields.models import FieldOfWork


def home(request):
    fields = FieldOfWork.objects.published().prefetch_related("translations")
    return render(request, "home.html", {"fields": fields})
