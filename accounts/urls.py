from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("anmelden/", views.login_view, name="login"),
    path("anmelden/code/", views.code_view, name="code"),
    path("konto/zweiter-faktor/", views.overview, name="second-factor"),
    path("konto/zweiter-faktor/app/", views.app_setup, name="app"),
    path(
        "konto/zweiter-faktor/wiederherstellungscodes/",
        views.recovery_codes,
        name="recovery-codes",
    ),
]
