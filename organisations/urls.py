from django.urls import path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("migrantenorganisationen/", views.LandingView.as_view(), name="landing"),
    path("migrantenorganisationen/verzeichnis/", views.DirectoryView.as_view(), name="directory"),
    path(
        "migrantenorganisationen/verzeichnis/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="detail",
    ),
    path("migrantenorganisationen/anmelden/", views.register, name="register"),
    path(
        "migrantenorganisationen/anmelden/danke/", views.RegisteredView.as_view(), name="registered"
    ),
    path(
        "migrantenorganisationen/anmelden/bestaetigen/<str:token>/",
        views.confirm,
        name="confirm",
    ),
    path("migrantenorganisationen/eintrag/link/", views.new_link, name="new-link"),
    path(
        "migrantenorganisationen/eintrag/link/gesendet/",
        views.NewLinkSentView.as_view(),
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
