from django.urls import path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("migrantenorganisationen/", views.landing, name="landing"),
    path("migrantenorganisationen/verzeichnis/", views.directory, name="directory"),
    path("migrantenorganisationen/verzeichnis/<slug:slug>/", views.detail, name="detail"),
    path("migrantenorganisationen/anmelden/", views.register, name="register"),
    path("migrantenorganisationen/anmelden/danke/", views.registered, name="registered"),
    path(
        "migrantenorganisationen/anmelden/bestaetigen/<str:token>/",
        views.confirm,
        name="confirm",
    ),
    path("migrantenorganisationen/eintrag/link/", views.new_link, name="new-link"),
    path(
        "migrantenorganisationen/eintrag/link/gesendet/",
        views.new_link_sent,
        name="new-link-sent",
    ),
    path("migrantenorganisationen/eintrag/<str:token>/", views.manage, name="manage"),
    path("migrantenorganisationen/eintrag/<str:token>/aendern/", views.change, name="change"),
    path("migrantenorganisationen/eintrag/<str:token>/themen/", views.topics, name="topics"),
    path(
        "migrantenorganisationen/eintrag/<str:token>/zurueckziehen/",
        views.withdraw,
        name="withdraw",
    ),
]
