from django.urls import path

from counselling import views

app_name = "counselling"

# Neutral addresses: a browser history that shows "beratung" says little.
urlpatterns = [
    path("beratung/", views.InformationView.as_view(), name="information"),
    path("beratung/anfrage/", views.request_form, name="request"),
    path("beratung/anfrage/gesendet/", views.SentView.as_view(), name="sent"),
]
